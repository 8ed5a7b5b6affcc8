/** Escaping for XML text and attribute values, shared by the GraphML and GEXF writers. */

/**
 * Escapes the five XML specials and drops characters XML 1.0 cannot carry
 * at all (control characters other than tab and line ends), which would
 * otherwise make the whole file unreadable in Gephi or yEd.
 */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing exactly these characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Line ends and tabs as references: a parser would turn them into spaces inside attribute values.
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;')
      .replace(/\t/g, '&#9;')
  );
}

/**
 * A person's membership of their organisation, as an edge of its own type in graph exports: without it people
 * would be isolated nodes in Gephi. Its id cannot clash with a relationship's (those are uuids).
 */
export interface MembershipEdge {
  readonly id: string;
  readonly person: string;
  readonly organisation: string;
}

/** Every person's membership of an organisation on the board, in person id order. */
export function membershipEdges(snapshot: {
  readonly people: ReadonlyMap<string, { readonly id: string; readonly organisationId: string | null }>;
  readonly organisations: ReadonlyMap<string, unknown>;
}): MembershipEdge[] {
  return [...snapshot.people.values()]
    .filter((p) => p.organisationId !== null && snapshot.organisations.has(p.organisationId))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((p) => ({ id: `membership:${p.id}`, person: p.id, organisation: p.organisationId! }));
}

/** The names of the projects each node belongs to, `; `-separated, in project name order. */
export function projectNamesByNode(
  projects: Iterable<{ readonly name: string; readonly memberIds: readonly string[] }>,
): Map<string, string> {
  const names = new Map<string, string[]>();
  const sorted = [...projects].sort((a, b) => a.name.localeCompare(b.name));
  for (const project of sorted) {
    for (const member of project.memberIds) {
      const list = names.get(member) ?? [];
      list.push(project.name);
      names.set(member, list);
    }
  }
  return new Map([...names].map(([id, list]) => [id, list.join('; ')]));
}
