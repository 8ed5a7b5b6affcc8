import type { BoardSnapshot, NodeId, OrganisationId, PersonId } from '@interplay/shared';

export type SearchKind = 'organisation' | 'person' | 'project' | 'relationship';
/** Where the query was found: the name, a theme, or the notes (a project's description counts as notes). */
export type SearchField = 'name' | 'theme' | 'notes';

export interface SearchHit {
  readonly id: string;
  readonly kind: SearchKind;
  /** The name shown for the item (a relationship: its two ends). */
  readonly name: string;
  readonly field: SearchField;
  /** The theme or the part of the notes that matched; null for a name. */
  readonly context: string | null;
}

/** Text as search compares it: without accents, case or repeated spaces ("GGZ Rivièrduinen" → "ggz rivierduinen"). */
export function searchText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/** How well a name matches: at its start, at a word's start, anywhere; null when it does not. */
function nameRank(name: string, query: string): number | null {
  const text = searchText(name);
  const at = text.indexOf(query);
  if (at < 0) return null;
  if (at === 0) return 0;
  return text.includes(` ${query}`) ? 1 : 2;
}

/** A short piece of `notes` around the match, so the list shows why an item was found. */
function excerpt(notes: string, query: string): string {
  const text = notes.replace(/\s+/g, ' ');
  const at = searchText(text).indexOf(query);
  const start = Math.max(0, at - 20);
  const piece = text.slice(start, start + query.length + 40);
  return `${start > 0 ? '…' : ''}${piece}${start + piece.length < text.length ? '…' : ''}`;
}

interface Candidate {
  readonly id: string;
  readonly kind: SearchKind;
  readonly name: string;
  readonly themes: readonly string[];
  readonly notes: string;
}

function* candidates(snapshot: BoardSnapshot): Generator<Candidate> {
  for (const o of snapshot.organisations.values()) {
    yield { id: o.id, kind: 'organisation', name: o.name, themes: o.themes, notes: o.notes };
  }
  for (const p of snapshot.people.values())
    yield { id: p.id, kind: 'person', name: p.name, themes: [], notes: p.notes };
  for (const p of snapshot.projects.values()) {
    yield { id: p.id, kind: 'project', name: p.name, themes: p.themes, notes: p.description };
  }
  const nameOf = (id: NodeId): string =>
    snapshot.organisations.get(id as OrganisationId)?.name ??
    snapshot.people.get(id as PersonId)?.name ??
    '?';
  for (const r of snapshot.relationships.values()) {
    const name = `${nameOf(r.source)} – ${nameOf(r.target)}`;
    yield { id: r.id, kind: 'relationship', name, themes: [], notes: r.notes };
  }
}

const KIND_ORDER: Readonly<Record<SearchKind, number>> = {
  organisation: 0,
  person: 1,
  project: 2,
  relationship: 3,
};

/**
 * Organisations, people, projects and relationships whose name, themes or notes contain `query`, without
 * regard to accents or case; best first: names before themes before notes, a name's start before its
 * middle, then organisations, people, projects, relationships, then by name.
 * @example searchBoard(snapshot, 'ggz')[0]?.name // "GGZ Rivierduinen"
 */
export function searchBoard(snapshot: BoardSnapshot, query: string, limit = 30): SearchHit[] {
  const q = searchText(query);
  if (q === '') return [];
  const found: Array<{ hit: SearchHit; rank: number }> = [];
  for (const item of candidates(snapshot)) {
    const byName = nameRank(item.name, q);
    if (byName !== null) {
      found.push({
        hit: { id: item.id, kind: item.kind, name: item.name, field: 'name', context: null },
        rank: byName,
      });
      continue;
    }
    const theme = item.themes.find((t) => searchText(t).includes(q));
    if (theme !== undefined) {
      found.push({
        hit: { id: item.id, kind: item.kind, name: item.name, field: 'theme', context: theme },
        rank: 3,
      });
      continue;
    }
    if (item.notes !== '' && searchText(item.notes).includes(q)) {
      const context = excerpt(item.notes, q);
      found.push({
        hit: { id: item.id, kind: item.kind, name: item.name, field: 'notes', context },
        rank: 4,
      });
    }
  }
  found.sort(
    (a, b) =>
      a.rank - b.rank ||
      KIND_ORDER[a.hit.kind] - KIND_ORDER[b.hit.kind] ||
      a.hit.name.localeCompare(b.hit.name) ||
      (a.hit.id < b.hit.id ? -1 : 1),
  );
  return found.slice(0, limit).map(({ hit }) => hit);
}
