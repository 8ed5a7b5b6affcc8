import fs from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addOrganisation,
  addPerson,
  addProject,
  addThread,
  connect,
  readBoard,
  scoreHealth,
} from '@interplay/shared';
import { healthColour, UNSCORED_COLOUR } from '../../theme/healthColour.ts';
import type { BoardSnapshot, OrganisationId } from '@interplay/shared';
import { buildBoardSvg } from './buildBoardSvg.ts';
import type { BoardSvgOptions } from './buildBoardSvg.ts';
import { INTER_FONT_FILES } from './embeddedFont.ts';
import { exportLabels } from './exportLabels.ts';

const labels = exportLabels('en');

function sampleBoard(): { snapshot: BoardSnapshot; far: OrganisationId; names: string[] } {
  const doc = new Y.Doc();
  const town = addOrganisation(doc, {
    name: 'Gemeente Zwolle',
    sector: 'municipality',
    position: { x: 0, y: 0 },
  });
  const far = addOrganisation(doc, {
    name: 'Far Away Care',
    sector: 'care',
    position: { x: 50_000, y: -30_000 },
  });
  const west = addOrganisation(doc, {
    name: 'Woonstichting West',
    sector: 'housing',
    position: { x: -4_000, y: 9_000 },
  });
  const anna = addPerson(doc, {
    name: 'Anna de Vries',
    organisationId: town,
    roles: ['sponsor', 'scout'],
    position: { x: 40, y: 120 },
  });
  const fatma = addPerson(doc, {
    name: 'Fatma Yılmaz',
    organisationId: west,
    position: { x: -3_900, y: 9_150 },
  });
  connect(doc, {
    source: town,
    target: far,
    strength: 5,
    kind: 'funding',
    form: 'interweave',
    direction: 'oneWay',
  });
  connect(doc, {
    source: town,
    target: west,
    strength: 2,
    kind: 'tension',
    form: 'coordinate',
    direction: 'bothWays',
  });
  connect(doc, { source: anna, target: fatma, strength: 3, kind: 'informal', form: 'adjust' });
  addProject(doc, { name: 'Thuis in de wijk', colour: '#3b82f6', memberIds: [town, anna, west] });
  addProject(doc, { name: 'Gezond Opgroeien', colour: '#10b981', memberIds: [town, far] });
  const names = [
    'Gemeente Zwolle',
    'Far Away Care',
    'Woonstichting West',
    'Anna de Vries',
    'Fatma Yılmaz',
    'Thuis in de wijk',
    'Gezond Opgroeien',
  ];
  return { snapshot: readBoard(doc), far, names };
}

function parse(svg: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(svg, 'image/svg+xml');
  expect(errors).toEqual([]);
  return doc as unknown as Document;
}

function texts(doc: Document): string[] {
  return Array.from(doc.getElementsByTagName('text'), (node) => node.textContent ?? '');
}

/** Reverses the map group's translate and returns the SVG-space bounds of every organisation card. */
function organisationBoxes(
  doc: Document,
  snapshot: BoardSnapshot,
): Array<{ x: number; y: number; width: number; height: number }> {
  const map = Array.from(doc.getElementsByTagName('g')).find((g) => g.getAttribute('class') === 'ip-map')!;
  const [tx, ty] = /translate\(([-\d.]+) ([-\d.]+)\)/
    .exec(map.getAttribute('transform')!)!
    .slice(1)
    .map(Number);
  return [...snapshot.organisations.values()].map((o) => ({
    x: o.position.x + tx!,
    y: o.position.y + ty!,
    width: 220,
    height: 64,
  }));
}

const base: BoardSvgOptions = { labels };

/** The sample board with one free note placed far left of and above everything. */
function readBoardWithNote(): BoardSnapshot {
  const { snapshot } = sampleBoard();
  const doc = new Y.Doc();
  addThread(doc, {
    position: { x: -9_000, y: -40_000 },
    author: { name: 'Anna de Vries', colour: '#b42318' },
    text: 'Hier stokt het: niemand neemt het voortouw.',
  });
  const notes = readBoard(doc).annotations;
  return { ...snapshot, annotations: new Map([...snapshot.annotations, ...notes]) };
}

describe('buildBoardSvg: the map', () => {
  it('is well-formed XML with every organisation, person and project name as text', () => {
    const { snapshot, names } = sampleBoard();
    const doc = parse(buildBoardSvg(snapshot, base));
    // A long name wraps over several <text> lines.
    const all = texts(doc).join(' ');
    for (const name of names) expect(all).toContain(name);
    expect(doc.getElementsByTagName('svg')[0]?.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
  });

  it('draws the free notes by default, within the document, and leaves them out when asked', () => {
    const { snapshot } = sampleBoard();
    const withNote = readBoardWithNote();
    const svg = buildBoardSvg(withNote, base);
    const parsed = parse(svg);
    expect(texts(parsed).join(' ')).toContain('Hier stokt het: niemand neemt het voortouw.');
    expect(texts(parsed)).toContain('Anna de Vries');
    const root = parsed.getElementsByTagName('svg')[0]!;
    // The note lies left of and above every node: the document grows to hold it.
    expect(Number(root.getAttribute('width'))).toBeGreaterThan(
      Number(parse(buildBoardSvg(snapshot, base)).getElementsByTagName('svg')[0]!.getAttribute('width')),
    );
    expect(buildBoardSvg(withNote, { ...base, notes: false })).not.toContain('Hier stokt het');
  });

  it('covers nodes far outside any viewport: the document spans every node', () => {
    const { snapshot } = sampleBoard();
    const doc = parse(buildBoardSvg(snapshot, base));
    const root = doc.getElementsByTagName('svg')[0]!;
    const width = Number(root.getAttribute('width'));
    const height = Number(root.getAttribute('height'));
    // From x −4,000 to 50,000+220 and y −30,000 to 9,000+64.
    expect(width).toBeGreaterThan(54_220);
    expect(height).toBeGreaterThan(39_064);
    for (const box of organisationBoxes(doc, snapshot)) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
    }
  });

  it('draws one path per relationship, with width by strength, dash by form, colour by kind and arrowheads', () => {
    const { snapshot } = sampleBoard();
    const doc = parse(buildBoardSvg(snapshot, base));
    const edges = Array.from(doc.getElementsByTagName('path')).filter((p) => p.getAttribute('data-kind'));
    expect(edges).toHaveLength(3);
    const funding = edges.find((p) => p.getAttribute('data-kind') === 'funding')!;
    expect(funding.getAttribute('stroke')).toBe('#b7791f');
    expect(funding.getAttribute('stroke-width')).toBe('7.9');
    expect(funding.getAttribute('stroke-dasharray')).toBeNull();
    expect(
      edges.find((p) => p.getAttribute('data-kind') === 'tension')!.getAttribute('stroke-dasharray'),
    ).toBeTruthy();
    // oneWay: one head; bothWays: two; none: none.
    expect(doc.getElementsByTagName('polygon')).toHaveLength(3);
    // Two affiliations (Anna → Gemeente, Fatma → Woonstichting).
    const affiliations = Array.from(doc.getElementsByTagName('g')).find(
      (g) => g.getAttribute('class') === 'ip-affiliations',
    );
    expect(affiliations?.getElementsByTagName('path')).toHaveLength(2);
  });

  it('colours relationships by mean health when asked, with the health scale in the legend', () => {
    const doc = new Y.Doc();
    const a = addOrganisation(doc, { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
    const b = addOrganisation(doc, { name: 'B', sector: 'housing', position: { x: 600, y: 0 } });
    const c = addOrganisation(doc, { name: 'C', sector: 'education', position: { x: 0, y: 400 } });
    const scored = connect(doc, { source: a, target: b, kind: 'funding' })!;
    connect(doc, { source: a, target: c, kind: 'funding' });
    scoreHealth(doc, scored, { id: 'p1', name: 'Ann' }, 'trust', 9);
    scoreHealth(doc, scored, { id: 'p2', name: 'Bob' }, 'trust', 3);
    const snapshot = readBoard(doc);
    const strokes = (svg: string): Record<string, string> =>
      Object.fromEntries(
        Array.from(parse(svg).getElementsByTagName('path'))
          .filter((p) => p.getAttribute('data-kind'))
          .map((p) => [p.getAttribute('data-id'), p.getAttribute('stroke')]),
      );
    const byHealth = buildBoardSvg(snapshot, { ...base, legend: true, colourByHealth: true });
    const coloured = strokes(byHealth);
    expect(coloured[scored]).toBe(healthColour(6));
    expect(Object.values(coloured)).toContain(UNSCORED_COLOUR);
    const legendText = texts(parse(byHealth)).join(' ');
    expect(legendText).toContain('Mean health');
    expect(legendText).toContain('not scored');
    expect(legendText).not.toContain('Relationship kind');

    // Off (the default): colour by kind, as before.
    expect(Object.values(strokes(buildBoardSvg(snapshot, base)))).toEqual(['#b7791f', '#b7791f']);
  });

  it('escapes hostile names so they stay text', () => {
    const doc = new Y.Doc();
    const hostile = [
      `<script>alert("x")</script>`,
      `Tom & Jerry's "B.V."`,
      `]]><svg onload=alert(1)>`,
      `a\u0001b`,
    ];
    hostile.forEach((name, i) =>
      addOrganisation(doc, { name, sector: 'other', position: { x: i * 300, y: 0 } }),
    );
    addProject(doc, { name: '<b>&amp;</b>', colour: '#ff0000', memberIds: [] });
    const svg = buildBoardSvg(readBoard(doc), {
      ...base,
      title: '</title><script>x</script>',
      edgeLabels: true,
    });
    const parsed = parse(svg);
    expect(parsed.getElementsByTagName('script')).toHaveLength(0);
    const all = texts(parsed).join('\n');
    // Names may wrap over lines; compare without line breaks.
    const joined = all.replace(/\n/g, ' ');
    expect(joined).toContain('<script>');
    expect(joined).toContain(`Tom & Jerry's "B.V."`);
    expect(parsed.getElementsByTagName('title')[0]?.textContent).toBe('</title><script>x</script>');
  });
});

describe('buildBoardSvg options', () => {
  it('adds the legend, title, date and credit line only when asked, in the labels’ language', () => {
    const { snapshot } = sampleBoard();
    const plain = buildBoardSvg(snapshot, base);
    expect(plain).not.toContain('ip-legend');
    expect(plain).not.toContain('Made with Interplay');
    const full = parse(
      buildBoardSvg(snapshot, {
        labels: exportLabels('nl'),
        language: 'nl',
        legend: true,
        madeWith: true,
        title: 'Regio Zwolle',
        date: '12 maart 2026',
      }),
    );
    const all = texts(full);
    expect(all).toContain('Legenda');
    expect(all).toContain('Gemaakt met Interplay');
    expect(all).toContain('Regio Zwolle');
    expect(all).toContain('12 maart 2026');
    expect(all).toContain('Afstemmen — elkaar informeren, elkaar niet in de weg zitten');
    expect(all.some((t) => t.startsWith('GEMEENTE'))).toBe(true);
  });

  it('exports only the selection: selected nodes, their shared relationships, projects around shown members', () => {
    const { snapshot, far } = sampleBoard();
    const town = [...snapshot.organisations.values()].find((o) => o.name === 'Gemeente Zwolle')!.id;
    const doc = parse(buildBoardSvg(snapshot, { ...base, selection: [town, far] }));
    const all = texts(doc).join('\n');
    expect(all).toContain('Gemeente Zwolle');
    expect(all).toContain('Far Away Care');
    expect(all).not.toContain('Woonstichting West');
    expect(all).not.toContain('Anna de Vries');
    expect(all).toContain('Gezond Opgroeien');
    expect(all).toContain('Thuis in de wijk');
    const edges = Array.from(doc.getElementsByTagName('path')).filter((p) => p.getAttribute('data-kind'));
    expect(edges.map((p) => p.getAttribute('data-kind'))).toEqual(['funding']);
  });

  it('fades what it is asked to fade, in one group under the rest, with every line of a faded node', () => {
    const { snapshot, far } = sampleBoard();
    const doc = parse(buildBoardSvg(snapshot, { ...base, faded: [far] }));
    const groups = Array.from(doc.getElementsByTagName('g'));
    const faded = groups.filter((g) => g.getAttribute('class') === 'ip-faded');
    expect(faded).toHaveLength(1);
    expect(faded[0]!.getAttribute('opacity')).toBe('0.25');
    const inFaded = (selector: (e: Element) => boolean): Element[] =>
      Array.from(faded[0]!.getElementsByTagName('*')).filter(selector);
    expect(
      inFaded((e) => e.getAttribute('class') === 'ip-org').map((e) => e.getAttribute('data-id')),
    ).toEqual([far]);
    // The funding line ends at the faded card; the other two lines do not.
    expect(
      inFaded((e) => e.getAttribute('data-kind') !== null).map((e) => e.getAttribute('data-kind')),
    ).toEqual(['funding']);
    // Under the rest: the faded group comes before every card drawn in full.
    const order = groups.filter((g) => ['ip-faded', 'ip-org'].includes(g.getAttribute('class') ?? ''));
    expect(order[0]!.getAttribute('class')).toBe('ip-faded');
    expect(order.filter((g) => g.getAttribute('class') === 'ip-org')).toHaveLength(3);
    expect(parse(buildBoardSvg(snapshot, base)).getElementsByTagName('g').length).toBe(groups.length - 2);
  });

  it('embeds the Inter font, adding the Latin Extended file only when a name needs it', () => {
    const dir = path.resolve(
      import.meta.dirname,
      '../../../../node_modules/@fontsource-variable/inter/files',
    );
    const fonts = Object.values(INTER_FONT_FILES).map((f) => ({
      unicodeRange: f.unicodeRange,
      woff2Base64: fs.readFileSync(path.join(dir, f.file)).toString('base64'),
    }));
    const latinOnly = new Y.Doc();
    addOrganisation(latinOnly, { name: 'Café Zwolle', sector: 'business', position: { x: 0, y: 0 } });
    const one = buildBoardSvg(readBoard(latinOnly), { ...base, fonts });
    expect(one.match(/@font-face/g)).toHaveLength(1);
    expect(one).toContain("font-family:'Interplay Inter'");
    const { snapshot } = sampleBoard(); // "Fatma Yılmaz" is Latin; add a Polish ł below
    const extended = new Y.Doc();
    addOrganisation(extended, { name: 'Łódź Partners', sector: 'business', position: { x: 0, y: 0 } });
    expect(buildBoardSvg(readBoard(extended), { ...base, fonts }).match(/@font-face/g)).toHaveLength(2);
    expect(buildBoardSvg(snapshot, { ...base, fonts }).match(/@font-face/g)).toHaveLength(1);
    parse(one);
  });

  it('writes a transparent background only when asked', () => {
    const { snapshot } = sampleBoard();
    expect(buildBoardSvg(snapshot, base)).toMatch(/<rect width="\d+" height="\d+" fill="#ffffff"\/>/);
    expect(buildBoardSvg(snapshot, { ...base, background: 'transparent' })).not.toMatch(
      /<rect width="\d+" height="\d+" fill="#ffffff"\/>/,
    );
  });

  it('is well-formed for an empty board', () => {
    const doc = new Y.Doc();
    const svg = buildBoardSvg(readBoard(doc), { ...base, legend: true, madeWith: true });
    parse(svg);
  });
});
