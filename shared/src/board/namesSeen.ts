/**
 * Every name a live document has held since it was watched: people's, comment authors' and health-check
 * scorers'. The anonymised projection cuts them out of free texts (`anonymousProjection.ts`), including names
 * the board no longer holds: a note written about someone must not show their name once they were renamed.
 */
import * as Y from 'yjs';
import { COLLECTION_KEYS, FACILITATION_KEYS } from './document.ts';
import { threadNames } from './anonymise.ts';
import { readPerson } from './records/person.ts';
import { repairHealthEntry } from './records/healthScore.ts';
import { repairThread } from './records/thread.ts';

function tryMap(doc: Y.Doc, name: string): Y.Map<unknown> | null {
  try {
    return doc.getMap<unknown>(name);
  } catch {
    return null;
  }
}

/** The names one stored entry of `root` holds. */
function namesOfEntry(root: string, key: string, value: unknown): string[] {
  if (root === FACILITATION_KEYS.health) {
    const entry = repairHealthEntry(key, value);
    return entry === null ? [] : [entry.score.name];
  }
  if (!(value instanceof Y.Map)) return [];
  const map = value as Y.Map<unknown>;
  return root === COLLECTION_KEYS.person ? [readPerson(key, map).name] : threadNames(repairThread(key, map));
}

const WATCHED_ROOTS = [COLLECTION_KEYS.person, FACILITATION_KEYS.annotations, FACILITATION_KEYS.health];

/**
 * Collects names (trimmed, lower case) into `names` from what the document holds now and from every entry
 * that changes afterwards, reading only the changed entries. `stop()` ends the watch.
 */
export class NamesSeen {
  readonly names = new Set<string>();
  private readonly unobservers: Array<() => void> = [];

  constructor(doc: Y.Doc) {
    for (const root of WATCHED_ROOTS) {
      const map = tryMap(doc, root);
      if (map === null) continue;
      map.forEach((value, key) => this.add(namesOfEntry(root, key, value)));
      const handler = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
        for (const event of events) {
          const keys =
            event.target === map ? (event as Y.YMapEvent<unknown>).keysChanged : new Set([event.path[0]]);
          for (const key of keys) {
            if (typeof key === 'string') this.add(namesOfEntry(root, key, map.get(key)));
          }
        }
      };
      map.observeDeep(handler);
      this.unobservers.push(() => map.unobserveDeep(handler));
    }
  }

  stop(): void {
    for (const unobserve of this.unobservers) unobserve();
  }

  private add(names: readonly string[]): void {
    for (const name of names) {
      const key = name.trim().toLowerCase();
      if (key !== '') this.names.add(key);
    }
  }
}

const watches = new WeakMap<Y.Doc, NamesSeen>();

/**
 * The names `doc` has held since this was first called for it (a page calls it when its session opens, so an
 * anonymised export also leaves out the names of people renamed since). Never stopped: it ends with the doc.
 */
export function watchNames(doc: Y.Doc): ReadonlySet<string> {
  let watch = watches.get(doc);
  if (watch === undefined) {
    watch = new NamesSeen(doc);
    watches.set(doc, watch);
  }
  return watch.names;
}
