import { DOMParser } from '@xmldom/xmldom';
import type { Element as XmlElement } from '@xmldom/xmldom';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addProject, connect, readBoard } from '@interplay/shared';
import { buildBoardSvg } from '../buildBoardSvg.ts';
import { exportLabels } from '../exportLabels.ts';
import { parseExportSvg } from './parseExportSvg.ts';
import type { SvgElement } from './parseExportSvg.ts';

/** A board with every element kind the export writes, and names that need escaping. */
function exportSvg(): string {
  const doc = new Y.Doc();
  const town = addOrganisation(doc, {
    name: 'Gemeente <script>alert(1)</script> & "Zwolle"',
    sector: 'municipality',
    position: { x: 0, y: 0 },
  });
  const care = addOrganisation(doc, {
    name: "Zorg 'n Welzijn",
    sector: 'care',
    position: { x: 600, y: 300 },
  });
  const anna = addPerson(doc, {
    name: 'Anna de Vries',
    organisationId: town,
    roles: ['sponsor', 'scout', 'connector'],
    position: { x: 40, y: 160 },
  });
  connect(doc, {
    source: town,
    target: care,
    strength: 4,
    kind: 'funding',
    form: 'adjust',
    direction: 'bothWays',
  });
  connect(doc, { source: anna, target: care, strength: 2, kind: 'tension', form: 'coordinate' });
  addProject(doc, { name: 'Wijk & Zorg', colour: '#3b82f6', memberIds: [town, anna] });
  return buildBoardSvg(readBoard(doc), {
    labels: exportLabels('nl'),
    language: 'nl',
    title: 'Kaart <1>',
    date: '12 maart 2026',
    legend: true,
    madeWith: true,
    edgeLabels: true,
    fonts: [{ unicodeRange: 'U+0000-00FF', woff2Base64: 'AAAA' }],
  });
}

interface Plain {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Plain[];
}

function fromOurs(element: SvgElement): Plain {
  return {
    name: element.name,
    attributes: Object.fromEntries(element.attributes),
    text: element.text,
    children: element.children.map(fromOurs),
  };
}

function fromXmldom(element: XmlElement): Plain {
  const children: Plain[] = [];
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) children.push(fromXmldom(node as XmlElement));
    else if (node.nodeType === 3) text += node.nodeValue ?? '';
  }
  const attributes: Record<string, string> = {};
  for (let i = 0; i < element.attributes.length; i += 1) {
    const attribute = element.attributes.item(i)!;
    attributes[attribute.name] = attribute.value;
  }
  return { name: element.tagName, attributes, text, children };
}

describe('parseExportSvg', () => {
  it('reads an export SVG exactly as an XML parser does (elements, attributes, unescaped text)', () => {
    const svg = exportSvg();
    const expected = fromXmldom(new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement!);
    const ours = fromOurs(parseExportSvg(svg));
    expect(ours).toEqual(expected);
    const texts: string[] = [];
    const collect = (element: Plain): void => {
      if (element.name === 'text') texts.push(element.text);
      element.children.forEach(collect);
    };
    collect(ours);
    expect(texts).toContain('Kaart <1>');
    expect(texts.join(' ')).toContain('Gemeente <script>alert(1)</');
    expect(texts).toContain('Wijk & Zorg');
    expect(texts).toContain('Gemaakt met Interplay');
  });

  it('refuses documents that are cut off or badly nested', () => {
    expect(() => parseExportSvg('<svg width="1" height="1"><g>')).toThrow(/incomplete/);
    expect(() => parseExportSvg('<svg><g></svg>')).toThrow(/unexpected <\/svg>/);
    expect(() => parseExportSvg('<svg/><svg/>')).toThrow(/more than one root/);
  });
});
