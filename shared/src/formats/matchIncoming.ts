import { errorAt } from './errorAt.ts';
import type { PlanRef } from './importPlan.ts';
import type { SourceRef } from './parsedBoard.ts';
import type { NamedKind, PlanContext } from './planContext.ts';
import { nameKey } from './PlanDirectory.ts';

interface IncomingNamed {
  readonly id?: string;
  readonly name: string;
  readonly origin: SourceRef;
}

/**
 * Decides for every incoming entity of one kind whether it matches a board
 * entity (by id, then by name) or is new, and records its names and file id
 * in the kind's directory so later references can find it.
 * @returns the plan's ref of each item, in order; null where the item has an error.
 */
export function matchIncoming(
  context: PlanContext,
  kind: NamedKind,
  items: readonly IncomingNamed[],
): (PlanRef | null)[] {
  const claimed = new Set<PlanRef>();
  const unnamedIds = new Set<string>();
  return items.map((item) => {
    const ref = matchOne(context, kind, item, claimed, unnamedIds);
    if (ref === null) return null;
    claimed.add(ref);
    context.directories[kind].addName(item.name, ref);
    if (item.id !== undefined && item.id !== ref) context.directories[kind].addFileId(item.id, ref);
    return ref;
  });
}

/** The ref of one item: a board id, a new key, or null after recording why neither. */
function matchOne(
  context: PlanContext,
  kind: NamedKind,
  item: IncomingNamed,
  claimed: ReadonlySet<PlanRef>,
  unnamedIds: Set<string>,
): PlanRef | null {
  const { existing, errors } = context;
  let ref: PlanRef | undefined;
  if (item.id !== undefined) {
    if (existing[kind].has(item.id)) ref = item.id;
    else if (context.allIds.has(item.id)) {
      errors.push(
        errorAt(
          item.origin,
          'id',
          'match.otherKind',
          `id "${item.id}" belongs to another kind of entity on the board`,
          { id: item.id },
        ),
      );
      return null;
    }
  }
  if (ref === undefined) {
    const onBoard = [...existing[kind].values()].filter((e) => nameKey(e.name) === nameKey(item.name));
    if (onBoard.length > 1) {
      errors.push(
        errorAt(
          item.origin,
          'name',
          'match.ambiguousName',
          `${onBoard.length} ${kind}s on the board are named "${item.name}"; add an id column to say which one`,
          { kind, name: item.name, count: onBoard.length },
        ),
      );
      return null;
    }
    ref = onBoard[0]?.id;
  }
  if (ref !== undefined && claimed.has(ref)) {
    errors.push(
      errorAt(
        item.origin,
        'name',
        'match.repeated',
        `"${item.name}" matches the same ${kind} as an earlier row; each may appear once`,
        { kind, name: item.name },
      ),
    );
    return null;
  }
  if (ref !== undefined) return ref;
  // Without an id, a repeated name cannot say whether it means the same new entity or two.
  if (item.id === undefined) {
    if (unnamedIds.has(nameKey(item.name))) {
      errors.push(
        errorAt(
          item.origin,
          'name',
          'match.duplicateName',
          `"${item.name}" appears twice; give each an id or a distinct name`,
          { name: item.name },
        ),
      );
      return null;
    }
    unnamedIds.add(nameKey(item.name));
  }
  const key = context.newKey(kind);
  context.keepId(key, item.id);
  return key;
}
