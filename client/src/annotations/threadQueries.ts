import type { BoardSnapshot, Thread } from '@interplay/shared';

type Threads = BoardSnapshot['annotations'];

// Keyed by the annotations map: observeBoard keeps it `===` while no thread changed,
// so every badge on the map shares one count per change instead of scanning all threads.
const countCache = new WeakMap<Threads, ReadonlyMap<string, number>>();
const EMPTY_COUNTS: ReadonlyMap<string, number> = new Map();

/** Open (unresolved, not orphaned) threads per target entity id. */
export function openThreadCounts(annotations: Threads): ReadonlyMap<string, number> {
  if (annotations.size === 0) return EMPTY_COUNTS;
  const cached = countCache.get(annotations);
  if (cached) return cached;
  const counts = new Map<string, number>();
  for (const thread of annotations.values()) {
    if (thread.target === null || thread.resolved || thread.orphaned) continue;
    counts.set(thread.target, (counts.get(thread.target) ?? 0) + 1);
  }
  countCache.set(annotations, counts);
  return counts;
}

/** Threads on one entity (orphans hidden), oldest first. */
export function threadsOn(annotations: Threads, target: string): Thread[] {
  return [...annotations.values()]
    .filter((thread) => thread.target === target && !thread.orphaned)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** The time of a thread's latest message (or its creation). */
export function lastActivity(thread: Thread): number {
  return thread.messages.at(-1)?.createdAt ?? thread.createdAt;
}

/** Open threads (on entities and free notes), most recently active first. */
export function openThreads(annotations: Threads): Thread[] {
  return [...annotations.values()]
    .filter((thread) => !thread.resolved && !thread.orphaned)
    .sort((a, b) => lastActivity(b) - lastActivity(a) || a.id.localeCompare(b.id));
}

/** The name of what a thread is about (organisation, person, project or relationship), or null for a free note. */
export function targetName(snapshot: BoardSnapshot, target: string | null): string | null {
  if (target === null) return null;
  const nameOf = (id: string): string =>
    snapshot.organisations.get(id as never)?.name ?? snapshot.people.get(id as never)?.name ?? '?';
  const node = snapshot.organisations.get(target as never) ?? snapshot.people.get(target as never);
  if (node) return node.name;
  const project = snapshot.projects.get(target as never);
  if (project) return project.name;
  const relationship = snapshot.relationships.get(target as never);
  if (relationship) return `${nameOf(relationship.source)} — ${nameOf(relationship.target)}`;
  return null;
}
