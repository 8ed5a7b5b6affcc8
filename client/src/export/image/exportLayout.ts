import type { BoardSnapshot, NodeId, Organisation, Person, Project, Relationship } from '@interplay/shared';
import { edgePath, floatingGeometry } from '../../canvas/edges/floatingGeometry.ts';
import type { EdgeGeometry, NodeBox } from '../../canvas/edges/floatingGeometry.ts';
import {
  PROJECT_AREA_PADDING,
  PROJECT_LABEL,
  projectLabelWidth,
  shortProjectName,
} from '../../canvas/projects/projectAreaLayout.ts';
import { nodeObstacle, placeProjectLabels } from '../../canvas/projects/projectLabelPlacement.ts';
import { enclosedOutsiders, outsiderFrame } from '../../canvas/projects/enclosedOutsiders.ts';
import { projectShape } from '../../canvas/projects/projectShape.ts';
import type { Box, ProjectShape } from '../../canvas/projects/projectShape.ts';
import { deriveEdges } from '../../canvas/view/deriveFlow.ts';
import {
  DEFAULT_ORGANISATION_SIZE,
  DEFAULT_PERSON_SIZE,
  PERSON_CIRCLE_RADIUS,
  PERSON_CIRCLE_TOP,
} from '../../canvas/view/flowTypes.ts';
import { initials } from '../../theme/initials.ts';
import { projectsByName } from '../../canvas/projects/projectsByName.ts';
import { nameText } from '../../theme/lineBreaks.ts';
import { textWidth, wrapText } from '../../canvas/text/textMetrics.ts';

/**
 * Where everything goes in an export, in flow coordinates, sized the way the
 * canvas's CSS sizes it (`canvas.css`): organisation cards 220 px wide with up
 * to three lines of name, people as a 52 px circle over their name.
 */

/** Card geometry from `.ip-org` in canvas.css. */
export const ORG = {
  width: DEFAULT_ORGANISATION_SIZE.width,
  minHeight: DEFAULT_ORGANISATION_SIZE.height,
  border: 2,
  leftBorder: 8,
  paddingY: 8,
  paddingLeft: 8,
  paddingRight: 12,
  icon: 36,
  gap: 10,
  nameSize: 16,
  nameLineHeight: 19.2,
  sectorSize: 12,
  sectorLineHeight: 18,
  sectorLetterSpacingEm: 0.03,
} as const;
export const ORG_TEXT_X = ORG.leftBorder + ORG.paddingLeft + ORG.icon + ORG.gap;
const ORG_TEXT_WIDTH = ORG.width - ORG_TEXT_X - ORG.paddingRight - ORG.border;

/** Person geometry from `.ip-person` in canvas.css. */
export const PERSON = {
  width: DEFAULT_PERSON_SIZE.width,
  circleTop: PERSON_CIRCLE_TOP,
  radius: PERSON_CIRCLE_RADIUS,
  nameGap: 4,
  nameSize: 15,
  nameLineHeight: 18,
  namePaddingX: 6,
  badgeSize: 20,
} as const;
const PERSON_NAME_TOP = PERSON.circleTop + PERSON.radius * 2 + PERSON.nameGap;

export interface OrganisationLayout {
  readonly kind: 'organisation';
  readonly organisation: Organisation;
  readonly box: Box;
  readonly nameLines: readonly string[];
  readonly sectorLines: readonly string[];
}

export interface PersonLayout {
  readonly kind: 'person';
  readonly person: Person;
  readonly box: Box;
  readonly initials: string;
  readonly nameLines: readonly string[];
  readonly nameWidth: number;
}

export type NodeLayout = OrganisationLayout | PersonLayout;

export interface ProjectLayout {
  readonly project: Project;
  readonly shape: ProjectShape;
  /** Centre of the name pill, its width and the name it shows (shortened where the whole pill fits nowhere). */
  readonly label: { readonly x: number; readonly y: number; readonly width: number; readonly text: string };
  /** Frames cut out of the area around cards and people it takes in without being members. */
  readonly outsiders: readonly Box[];
}

export interface EdgeLayout {
  readonly relationship: Relationship;
  readonly geometry: EdgeGeometry;
}

export interface AffiliationLayout {
  readonly person: Person;
  readonly path: string;
}

export interface BoardLayout {
  readonly nodes: ReadonlyMap<NodeId, NodeLayout>;
  readonly relationships: readonly EdgeLayout[];
  readonly affiliations: readonly AffiliationLayout[];
  readonly projects: readonly ProjectLayout[];
  /** Everything drawn, with `margin` around it. */
  readonly bounds: Box;
}

/** A sector's label on a card, upper-cased and wrapped. */
function sectorLabelLines(sectorLabel: string, language: string): readonly string[] {
  return wrapText(sectorLabel.toLocaleUpperCase(language), {
    // Letter spacing widens uppercase labels by 3%.
    maxWidth: ORG_TEXT_WIDTH / (1 + ORG.sectorLetterSpacingEm * 1.6),
    fontSize: ORG.sectorSize,
    weight: 600,
    maxLines: 2,
  });
}

function organisationLayout(organisation: Organisation, sectorLines: readonly string[]): OrganisationLayout {
  const nameLines = wrapText(nameText(organisation.name), {
    maxWidth: ORG_TEXT_WIDTH,
    fontSize: ORG.nameSize,
    weight: 700,
    maxLines: 3,
  });
  const content = nameLines.length * ORG.nameLineHeight + 2 + sectorLines.length * ORG.sectorLineHeight;
  const height = Math.max(ORG.minHeight, content + 2 * (ORG.paddingY + ORG.border));
  const { x, y } = organisation.position;
  return {
    kind: 'organisation',
    organisation,
    box: { x, y, width: ORG.width, height },
    nameLines,
    sectorLines,
  };
}

function personLayout(person: Person): PersonLayout {
  const maxWidth = PERSON.width - 2 * PERSON.namePaddingX;
  const nameLines = wrapText(nameText(person.name), {
    maxWidth,
    fontSize: PERSON.nameSize,
    weight: 650,
    maxLines: 3,
  });
  const nameWidth = Math.min(
    maxWidth,
    Math.max(0, ...nameLines.map((line) => textWidth(line, PERSON.nameSize, 650))),
  );
  const height = PERSON_NAME_TOP + nameLines.length * PERSON.nameLineHeight + 2;
  const { x, y } = person.position;
  return {
    kind: 'person',
    person,
    box: { x, y, width: PERSON.width, height },
    initials: initials(person.name),
    nameLines,
    nameWidth,
  };
}

/** A node's box as the canvas's edge geometry takes it. */
function asNodeBox(layout: NodeLayout): NodeBox {
  return { type: layout.kind, ...layout.box };
}

/** Each project's name pill where the map puts it: clear of cards, people and the other pills. */
function placeLabels(
  projects: ReadonlyArray<{ project: Project; shape: ProjectShape }>,
  nodes: ReadonlyMap<NodeId, NodeLayout>,
): ProjectLayout[] {
  const widths = projects.map(({ project }) => projectLabelWidth(project.name));
  const shortNames = projects.map(({ project }) => shortProjectName(project.name));
  const obstacles = [...nodes.values()].map((layout) => nodeObstacle(layout.box, layout.kind));
  const spots = placeProjectLabels(
    projects.map(({ shape }, i) => ({
      outline: shape.outline,
      preferred: shape.labelAt,
      width: widths[i]!,
      shortWidth: projectLabelWidth(shortNames[i]!),
      height: PROJECT_LABEL.height,
    })),
    obstacles,
  );
  const boxed = [...nodes.entries()].map(([id, layout]) => ({
    id,
    box: layout.box,
    organisationId: layout.kind === 'person' ? layout.person.organisationId : null,
  }));
  return projects.map(({ project, shape }, i) => ({
    project,
    shape,
    label: {
      x: spots[i]!.x,
      y: spots[i]!.y,
      width: spots[i]!.width,
      text: spots[i]!.shortened ? shortNames[i]! : project.name,
    },
    outsiders: enclosedOutsiders(shape.outline, new Set<string>(project.memberIds), boxed).map((node) =>
      outsiderFrame(node.box),
    ),
  }));
}

class BoundsBuilder {
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;
  add(x: number, y: number, width = 0, height = 0): void {
    this.minX = Math.min(this.minX, x);
    this.minY = Math.min(this.minY, y);
    this.maxX = Math.max(this.maxX, x + width);
    this.maxY = Math.max(this.maxY, y + height);
  }
  box(margin: number): Box {
    if (!Number.isFinite(this.minX)) return { x: 0, y: 0, width: 2 * margin, height: 2 * margin };
    return {
      x: this.minX - margin,
      y: this.minY - margin,
      width: this.maxX - this.minX + 2 * margin,
      height: this.maxY - this.minY + 2 * margin,
    };
  }
}

/** Lays out every entity of `snapshot` (already narrowed to a selection, if any). */
export function layoutBoard(
  snapshot: BoardSnapshot,
  sectorLabels: Readonly<Record<Organisation['sector'], string>>,
  language: string,
  margin: number,
): BoardLayout {
  const nodes = new Map<NodeId, NodeLayout>();
  // A dozen sectors for thousands of cards: each label is wrapped once.
  const sectorLines = new Map<Organisation['sector'], readonly string[]>();
  for (const organisation of snapshot.organisations.values()) {
    let lines = sectorLines.get(organisation.sector);
    if (!lines) {
      lines = sectorLabelLines(sectorLabels[organisation.sector], language);
      sectorLines.set(organisation.sector, lines);
    }
    nodes.set(organisation.id, organisationLayout(organisation, lines));
  }
  for (const person of snapshot.people.values()) nodes.set(person.id, personLayout(person));

  const boxes = new Map<string, NodeBox>();
  const boxOf = (id: string): NodeBox | undefined => {
    let box = boxes.get(id);
    if (!box) {
      const layout = nodes.get(id as NodeId);
      if (!layout) return undefined;
      box = asNodeBox(layout);
      boxes.set(id, box);
    }
    return box;
  };

  const relationships: EdgeLayout[] = [];
  const affiliations: AffiliationLayout[] = [];
  for (const edge of deriveEdges(snapshot, new Map())) {
    const source = boxOf(edge.source);
    const target = boxOf(edge.target);
    if (!source || !target) continue;
    if (edge.type === 'relationship' && edge.data) {
      relationships.push({
        relationship: edge.data.relationship,
        geometry: floatingGeometry(source, target, edge.data.lane),
      });
    } else if (edge.type === 'affiliation') {
      const person = snapshot.people.get(edge.source as Person['id']);
      if (person) affiliations.push({ person, path: edgePath(floatingGeometry(source, target)) });
    }
  }

  const shaped: Array<{ project: Project; shape: ProjectShape }> = [];
  for (const project of projectsByName(snapshot.projects)) {
    const boxes = project.memberIds.flatMap((id) => {
      const layout = nodes.get(id);
      return layout ? [layout.box] : [];
    });
    const shape = projectShape(boxes, PROJECT_AREA_PADDING);
    if (shape) shaped.push({ project, shape });
  }
  const projects = placeLabels(shaped, nodes);

  const bounds = new BoundsBuilder();
  for (const layout of nodes.values()) {
    const { x, y, width, height } = layout.box;
    // Role badges poke out above a person's circle.
    bounds.add(x, y - 8, width, height + 8);
  }
  for (const project of projects) {
    for (const id of project.project.memberIds) {
      const box = nodes.get(id)?.box;
      if (box)
        bounds.add(
          box.x - PROJECT_AREA_PADDING,
          box.y - PROJECT_AREA_PADDING,
          box.width + 2 * PROJECT_AREA_PADDING,
          box.height + 2 * PROJECT_AREA_PADDING,
        );
    }
    const { x, y, width } = project.label;
    bounds.add(x - width / 2, y - PROJECT_LABEL.height / 2, width, PROJECT_LABEL.height);
  }
  // A curve stays inside the triangle of its ends and control point.
  for (const { geometry } of relationships) bounds.add(geometry.control.x, geometry.control.y);

  return { nodes, relationships, affiliations, projects, bounds: bounds.box(margin) };
}
