/**
 * A Dutch partner list of the size a facilitator imports to start a regional board: 42 organisations
 * (long Dutch names among them) and 65 relationships, as two semicolon CSV files without positions.
 */
const KINDS = [
  ['Gemeente', 'gemeente'],
  ['Woonstichting', 'woningcorporatie'],
  ['Zorggroep', 'zorg'],
  ['GGZ', 'ggz'],
  ['Stichting Welzijn', 'welzijn'],
  ['Bonaventuracollege', 'onderwijs'],
  ['Huisartsenpraktijk', 'huisarts'],
  ['Bouwbedrijf', 'bedrijf'],
  ['Huurdersvereniging', 'bewonersinitiatief'],
  ['Werkgeversvereniging', 'bedrijf'],
] as const;
const PLACES = ['Leiden', 'Leiderdorp', 'Oegstgeest', 'Zoeterwoude', 'Voorschoten', 'Katwijk', 'Teylingen'];

export function leidenPartnerFiles(): { name: string; mimeType: string; buffer: Buffer }[] {
  const names: string[] = [];
  const rows: string[] = ['Naam;Sector'];
  for (let i = 0; i < 42; i += 1) {
    const [prefix, sector] = KINDS[i % KINDS.length]!;
    const name = `${prefix} ${PLACES[i % PLACES.length]!}${i >= KINDS.length ? ` ${Math.floor(i / KINDS.length) + 1}` : ''}`;
    names.push(name);
    rows.push(`${name};${sector}`);
  }
  const links: string[] = ['Van;Naar;Sterkte'];
  const seen = new Set<string>();
  // Each organisation with its next few along a ring of strides: 65 distinct pairs, none with itself.
  for (const stride of [1, 2, 5, 13]) {
    for (let a = 0; a < 42 && links.length <= 65; a += 1) {
      const b = (a + stride) % 42;
      const key = [a, b].sort((x, y) => x - y).join('-');
      if (seen.has(key)) continue;
      seen.add(key);
      links.push(`${names[a]!};${names[b]!};${(a % 5) + 1}`);
    }
  }
  const file = (name: string, lines: string[]) => ({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n') + '\n', 'utf8'),
  });
  return [file('organisaties.csv', rows), file('relaties.csv', links)];
}
