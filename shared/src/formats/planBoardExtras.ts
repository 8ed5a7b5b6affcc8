/**
 * The part of an import plan beyond the four entity kinds: comment threads,
 * health scores and give-and-take from a board file. Matching rules:
 * - threads by id: a new id adds the thread; a thread already on the board
 *   gets the file's messages it lacks (by message id); its resolved state and
 *   messages on the board are left as they are.
 * - scores by (relationship, scorer): new ones are added; the file replaces a
 *   scorer's scores only when its `updatedAt` is newer.
 * - give-and-take per organisation: the file's levels win.
 * Entities are referred to by the file's ids, mapped through `refOf` to what
 * the rest of the plan decided (a board id or a `new:…` key).
 */
import { isGeneratedIdFormat } from '../board/ids.ts';
import { EMPTY_GIVE_TAKE } from '../board/records/giveTake.ts';
import { GIVE_TAKE_RESOURCES, GIVE_TAKE_SIDES, HEALTH_DIMENSIONS } from '../board/types.ts';
import type { BoardSnapshot, OrganisationId, RelationshipId, ThreadId } from '../board/types.ts';
import type {
  ImportPlan,
  PlannedGiveTake,
  PlannedMessage,
  PlannedScore,
  PlannedThread,
  PlanRef,
  ThreadUpdate,
} from './importPlan.ts';
import type { IncomingMessage, ParsedBoard } from './parsedBoard.ts';

type Extras = Pick<ImportPlan, 'annotations' | 'health' | 'giveTake'>;

const message = (m: IncomingMessage): PlannedMessage => ({
  ...(isGeneratedIdFormat(m.id) ? { id: m.id } : {}),
  author: m.author,
  text: m.text,
  createdAt: m.createdAt,
});

function sameScores(a: PlannedScore['scores'], b: PlannedScore['scores']): boolean {
  return HEALTH_DIMENSIONS.every((d) => a[d] === b[d]);
}

/**
 * @param refOf the plan's ref for a file id of an entity (undefined: the
 *   entity was not planned, e.g. it had an error; what refers to it is skipped).
 * @param usedIds ids the plan already keeps for new entities.
 */
export function planBoardExtras(
  current: BoardSnapshot,
  incoming: ParsedBoard,
  refOf: (fileId: string) => PlanRef | undefined,
  usedIds: ReadonlySet<string>,
): Extras {
  const threadsAdd: PlannedThread[] = [];
  const threadsUpdate: ThreadUpdate[] = [];
  const keptThreadIds = new Set<string>();
  const isTaken = (id: string): boolean =>
    usedIds.has(id) ||
    keptThreadIds.has(id) ||
    current.organisations.has(id as never) ||
    current.people.has(id as never) ||
    current.projects.has(id as never) ||
    current.relationships.has(id as never);
  (incoming.threads ?? []).forEach((t, index) => {
    const onBoard = current.annotations.get(t.id as ThreadId);
    if (onBoard) {
      const known = new Set<string>(onBoard.messages.map((m) => m.id));
      const addMessages = t.messages.filter((m) => !known.has(m.id)).map(message);
      if (addMessages.length > 0) threadsUpdate.push({ id: onBoard.id, addMessages });
      return;
    }
    const target = t.target === null ? null : refOf(t.target);
    if (target === undefined) return;
    // The opening message has the thread's author and time; replies are the rest.
    const firstIndex = Math.max(
      0,
      t.messages.findIndex(
        (m) =>
          m.createdAt === t.createdAt &&
          m.author.name === t.author.name &&
          m.author.colour === t.author.colour,
      ),
    );
    const first = t.messages[firstIndex];
    if (first === undefined) return;
    const keep = isGeneratedIdFormat(t.id) && !isTaken(t.id);
    if (keep) keptThreadIds.add(t.id);
    threadsAdd.push({
      key: `new:thread:${index + 1}`,
      ...(keep ? { id: t.id } : {}),
      target,
      position: t.target === null ? t.position : null,
      createdAt: t.createdAt,
      author: t.author,
      first: { ...message(first), author: t.author, createdAt: t.createdAt },
      replies: t.messages.filter((_, i) => i !== firstIndex).map(message),
      resolved: t.resolved ? { by: t.resolvedBy ?? t.author, at: t.resolvedAt ?? t.createdAt } : null,
    });
  });

  const healthAdd: PlannedScore[] = [];
  const healthUpdate: PlannedScore[] = [];
  for (const h of incoming.health ?? []) {
    const relationship = refOf(h.relationship);
    if (relationship === undefined) continue;
    const planned: PlannedScore = {
      relationship,
      scorer: { id: h.scorerId, name: h.name },
      scores: h.scores,
      updatedAt: h.updatedAt,
    };
    const before = current.health
      .get(relationship as RelationshipId)
      ?.scores.find((s) => s.scorerId === h.scorerId);
    if (!before) healthAdd.push(planned);
    else if (
      h.updatedAt > before.updatedAt &&
      (!sameScores(h.scores, before.scores) || h.name !== before.name)
    ) {
      healthUpdate.push(planned);
    }
  }

  const giveTakeAdd: PlannedGiveTake[] = [];
  const giveTakeUpdate: PlannedGiveTake[] = [];
  for (const g of incoming.giveTake ?? []) {
    const organisation = refOf(g.organisation);
    if (organisation === undefined) continue;
    const stored = current.giveTake.get(organisation as OrganisationId);
    const before = stored ?? EMPTY_GIVE_TAKE;
    const changes = GIVE_TAKE_RESOURCES.flatMap((resource) =>
      GIVE_TAKE_SIDES.flatMap((side) =>
        g.giveTake[resource][side] === before[resource][side]
          ? []
          : [{ resource, side, level: g.giveTake[resource][side] }],
      ),
    );
    if (changes.length === 0) continue;
    (stored ? giveTakeUpdate : giveTakeAdd).push({ organisation, changes });
  }

  return {
    annotations: { add: threadsAdd, update: threadsUpdate },
    health: { add: healthAdd, update: healthUpdate },
    giveTake: { add: giveTakeAdd, update: giveTakeUpdate },
  };
}
