import { errorAt } from './errorAt.ts';
import type { PlanRef } from './importPlan.ts';
import type { SourceRef } from './parsedBoard.ts';
import type { PlanContext } from './planContext.ts';

type NodeKind = 'organisation' | 'person';

/**
 * Resolves a reference in the file (an id, else a name) to a node of the
 * given kinds, in the file or on the board. Ids win over names; a name must
 * point at exactly one node.
 * @returns the node's ref, or null after recording the error.
 */
export function resolveReference(
  context: PlanContext,
  text: string,
  kinds: readonly NodeKind[],
  origin: SourceRef,
  field: string,
): PlanRef | null {
  const { directories } = context;
  for (const kind of kinds) {
    const ref = directories[kind].byId(text);
    if (ref !== undefined) return ref;
  }
  const candidates = new Set<PlanRef>(kinds.flatMap((kind) => [...directories[kind].named(text)]));
  if (candidates.size === 1) return [...candidates][0] ?? null;
  const what = kinds.length === 2 ? 'organisation or person' : kinds[0];
  const whats =
    kinds.length === 2 ? 'organisations or people' : kinds[0] === 'person' ? 'people' : 'organisations';
  const kindParam = kinds.length === 2 ? 'node' : (kinds[0] ?? 'node');
  context.errors.push(
    candidates.size === 0
      ? errorAt(
          origin,
          field,
          'ref.missing',
          `no ${what} named or with id "${text}" in the import or on the board`,
          { what: kindParam, value: text },
        )
      : errorAt(
          origin,
          field,
          'ref.ambiguous',
          `"${text}" is the name of ${candidates.size} ${whats}; use an id to say which one`,
          { what: kindParam, value: text, count: candidates.size },
        ),
  );
  return null;
}
