/**
 * Whether `next` has the same entries as `previous`, in the same order and identical by `===`: the readers
 * then keep `previous`, so a map's identity is stable too while nothing in it changed.
 */
export function sameEntries<K, V>(previous: ReadonlyMap<K, V>, next: Map<K, V>): boolean {
  if (previous.size !== next.size) return false;
  const a = previous.entries();
  for (const [key, value] of next) {
    const { value: entry } = a.next() as IteratorResult<[K, V]>;
    if (!entry || entry[0] !== key || entry[1] !== value) return false;
  }
  return true;
}
