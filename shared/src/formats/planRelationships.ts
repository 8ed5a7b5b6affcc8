import type { Organisation, Person, Relationship } from '../board/types.ts';
import { errorAt } from './errorAt.ts';
import type { PlannedRelationship, PlannedUpdate, PlanRef } from './importPlan.ts';
import type { IncomingRelationship } from './parsedBoard.ts';
import type { PlanContext } from './planContext.ts';
import { resolveReference } from './resolveReference.ts';

export interface RelationshipsPlan {
  readonly add: PlannedRelationship[];
  readonly update: PlannedUpdate<Relationship['id'], Record<string, unknown>>[];
  /** The plan's ref of each relationship of the file, by the file's id (threads and scores refer to them). */
  readonly refs: Map<string, PlanRef>;
}

const PATCHABLE_FIELDS = ['strength', 'kind', 'form', 'direction', 'notes', 'lastChecked'] as const;

/**
 * Plans the relationships, after the nodes (their ends may be new nodes):
 * matched by id, else by their two ends (and kind, when the file gives one);
 * each board relationship is matched at most once.
 */
export function planRelationships(
  context: PlanContext,
  incoming: readonly IncomingRelationship[],
): RelationshipsPlan {
  const { current, errors } = context;
  const plan: RelationshipsPlan = { add: [], update: [], refs: new Map() };
  const claimed = new Set<string>();
  incoming.forEach((r) => {
    const source = resolveReference(context, r.source, ['organisation', 'person'], r.origin, 'source');
    const target = resolveReference(context, r.target, ['organisation', 'person'], r.origin, 'target');
    if (source === null || target === null) return;
    if (source === target) {
      errors.push(
        errorAt(r.origin, 'target', 'ref.sameEnds', 'a relationship must connect two different nodes'),
      );
      return;
    }
    let before = r.id === undefined ? undefined : current.relationships.get(r.id as Relationship['id']);
    if (before === undefined && r.id !== undefined && context.allIds.has(r.id)) {
      errors.push(
        errorAt(
          r.origin,
          'id',
          'match.otherKind',
          `id "${r.id}" belongs to another kind of entity on the board`,
          {
            id: r.id,
          },
        ),
      );
      return;
    }
    before ??= relationshipBetween(current.relationships.values(), source, target, r.kind);
    if (before && claimed.has(before.id)) before = undefined;
    if (!before) {
      const { origin: _origin, id: fileId, source: _s, target: _t, ...fields } = r;
      const key = context.newKey('relationship');
      context.keepId(key, fileId);
      if (fileId !== undefined) plan.refs.set(fileId, key);
      plan.add.push({ key, ...context.withId(key), source, target, ...fields });
      return;
    }
    claimed.add(before.id);
    if (r.id !== undefined) plan.refs.set(r.id, before.id);
    const patch: Record<string, unknown> = {};
    for (const field of PATCHABLE_FIELDS) {
      if (r[field] !== undefined && r[field] !== before[field]) patch[field] = r[field];
    }
    if (Object.keys(patch).length > 0) {
      const label = (id: string): string =>
        current.organisations.get(id as Organisation['id'])?.name ??
        current.people.get(id as Person['id'])?.name ??
        id;
      plan.update.push({ id: before.id, label: `${label(before.source)} – ${label(before.target)}`, patch });
    }
  });
  return plan;
}

/** The one board relationship between two nodes (either way round), if exactly one fits. */
function relationshipBetween(
  relationships: Iterable<Relationship>,
  source: PlanRef,
  target: PlanRef,
  kind: Relationship['kind'] | undefined,
): Relationship | undefined {
  const between = [...relationships].filter(
    (e) =>
      ((e.source === source && e.target === target) || (e.source === target && e.target === source)) &&
      (kind === undefined || kind === e.kind),
  );
  return between.length === 1 ? between[0] : undefined;
}
