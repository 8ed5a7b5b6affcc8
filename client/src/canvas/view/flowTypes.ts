import type { Edge, Node } from '@xyflow/react';
import type { Organisation, Person, Relationship } from '@interplay/shared';

/** Data of an organisation card; `projectCount` drives the card's hint. */
export interface OrganisationNodeData extends Record<string, unknown> {
  readonly organisation: Organisation;
  readonly projectCount: number;
  /** The name the card shows (the view's label; by default the organisation's name). */
  readonly label: string;
}
export type OrganisationFlowNode = Node<OrganisationNodeData, 'organisation'>;

export interface PersonNodeData extends Record<string, unknown> {
  readonly person: Person;
  readonly projectCount: number;
  /** The name the node shows (the view's label; by default the person's name). */
  readonly label: string;
}
export type PersonFlowNode = Node<PersonNodeData, 'person'>;

export type BoardFlowNode = OrganisationFlowNode | PersonFlowNode;

export interface RelationshipEdgeData extends Record<string, unknown> {
  readonly relationship: Relationship;
  /** Which bend among parallel relationships between the same two nodes (0 = straight). */
  readonly lane: number;
  /** The line's colour under the view's colouring (by kind, or by health). */
  readonly colour: string;
}
export type RelationshipFlowEdge = Edge<RelationshipEdgeData, 'relationship'>;

/** The thin line from a person to their organisation: derived, not a relationship. */
export type AffiliationFlowEdge = Edge<Record<string, never>, 'affiliation'>;

export type BoardFlowEdge = RelationshipFlowEdge | AffiliationFlowEdge;

/** Class of a node or line the view dims (`canvas.css`). */
export const DIMMED_CLASS = 'ip-dimmed';

/** Class of a node the view rings in a colour (`MapView.rings`); the colour is the node's `--ip-ring`. */
export const RINGED_CLASS = 'ip-ringed';

/** Prefix of affiliation edge ids, so they never collide with relationship ids. */
export const AFFILIATION_PREFIX = 'affiliation:';

/** Sizes used before React Flow has measured a node (and by the project areas). */
export const DEFAULT_ORGANISATION_SIZE = { width: 220, height: 64 } as const;
export const DEFAULT_PERSON_SIZE = { width: 140, height: 84 } as const;
/** Person circle geometry: the circle sits at the top centre of the person node. */
export const PERSON_CIRCLE_RADIUS = 26;
export const PERSON_CIRCLE_TOP = 4;
