/**
 * Commands on the map itself: organisations, people, projects, relationships. Each picks
 * its targets among the ids in the client's own copy of the board, as a page would.
 */
import {
  addOrganisation,
  addPerson,
  addProject,
  addToProject,
  connect,
  deleteEntities,
  moveNodes,
  removeFromProject,
  setStrength,
  updateOrganisation,
  updatePerson,
  updateProject,
  updateRelationship,
  DIRECTIONS,
  FORMS,
  RELATIONSHIP_KINDS,
  ROLES,
  SECTORS,
} from '@interplay/shared';
import type {
  NodeId,
  OrganisationId,
  PersonId,
  ProjectId,
  RelationshipId,
  Strength,
} from '@interplay/shared';
import type { CommandContext, CommandKind } from './commandContext.ts';
import type { Command } from './FuzzClient.ts';
import { formatPosition, idsOf, label, nodeIds, randomPosition } from './commandContext.ts';

const THEMES = ['wonen', 'zorg', 'werk', 'jeugd', 'veiligheid', 'armoede'];

function addOrg({ random, tag }: CommandContext): Command | null {
  const input = {
    name: `Org ${tag}`,
    sector: random.pick(SECTORS)!,
    position: randomPosition(random),
    themes: random.some(THEMES, random.int(3)),
  };
  return {
    label: `addOrganisation "${input.name}" ${input.sector} ${formatPosition(input.position)}`,
    run: (doc) => addOrganisation(doc, input),
  };
}

function addPersonIn({ board, random, tag }: CommandContext): Command | null {
  const organisationId = random.chance(0.8) ? (random.pick(idsOf(board.organisations)) ?? null) : null;
  const input = {
    name: `Person ${tag}`,
    organisationId,
    position: randomPosition(random),
    roles: random.some(ROLES, random.int(3)),
  };
  const org = organisationId === null ? 'no org' : label(board, organisationId);
  return {
    label: `addPerson "${input.name}" in ${org}`,
    run: (doc) => addPerson(doc, input),
  };
}

function move({ board, random }: CommandContext): Command | null {
  const ids = random.some(nodeIds(board), random.between(1, 3)) as NodeId[];
  if (ids.length === 0) return null;
  const moves = ids.map((id) => ({ id, position: randomPosition(random) }));
  return {
    label: `moveNodes ${moves.map((m) => `${label(board, m.id)}→${formatPosition(m.position)}`).join(' ')}`,
    run: (doc) => moveNodes(doc, moves),
  };
}

function editOrganisation({ board, random, tag }: CommandContext): Command | null {
  const id = random.pick(idsOf(board.organisations)) as OrganisationId | undefined;
  if (id === undefined) return null;
  const field = random.pick(['name', 'sector', 'notes', 'themes'] as const)!;
  const patch =
    field === 'name'
      ? { name: `Renamed ${tag}` }
      : field === 'sector'
        ? { sector: random.pick(SECTORS)! }
        : field === 'notes'
          ? { notes: `notes ${tag}` }
          : { themes: random.some(THEMES, random.int(4)) };
  return {
    label: `updateOrganisation ${label(board, id)} ${JSON.stringify(patch)}`,
    run: (doc) => updateOrganisation(doc, id, patch),
  };
}

function editPerson({ board, random, tag }: CommandContext): Command | null {
  const id = random.pick(idsOf(board.people)) as PersonId | undefined;
  if (id === undefined) return null;
  const field = random.pick(['name', 'organisationId', 'roles'] as const)!;
  const patch =
    field === 'name'
      ? { name: `Renamed ${tag}` }
      : field === 'roles'
        ? { roles: random.some(ROLES, random.int(4)) }
        : { organisationId: (random.pick(idsOf(board.organisations)) ?? null) as OrganisationId | null };
  return {
    label: `updatePerson ${label(board, id)} ${JSON.stringify(patch)}`,
    run: (doc) => updatePerson(doc, id, patch),
  };
}

function connectNodes({ board, random }: CommandContext): Command | null {
  const [source, target] = random.some(nodeIds(board), 2) as NodeId[];
  if (source === undefined || target === undefined) return null;
  const input = {
    source,
    target,
    strength: random.between(1, 5) as Strength,
    kind: random.pick(RELATIONSHIP_KINDS)!,
    form: random.pick(FORMS)!,
    direction: random.pick(DIRECTIONS)!,
  };
  return {
    label: `connect ${label(board, source)}–${label(board, target)} ${input.kind}`,
    run: (doc) => connect(doc, input),
  };
}

function editRelationship({ board, random, tag }: CommandContext): Command | null {
  const id = random.pick(idsOf(board.relationships)) as RelationshipId | undefined;
  if (id === undefined) return null;
  if (random.chance(0.5)) {
    const strength = random.between(1, 5) as Strength;
    return {
      label: `setStrength ${label(board, id)} ${strength}`,
      run: (doc) => setStrength(doc, id, strength),
    };
  }
  const patch = random.pick([
    { kind: random.pick(RELATIONSHIP_KINDS)! },
    { notes: `notes ${tag}` },
    { lastChecked: '2026-11-0' + String(random.between(1, 9)) },
    { direction: random.pick(DIRECTIONS)! },
  ])!;
  return {
    label: `updateRelationship ${label(board, id)} ${JSON.stringify(patch)}`,
    run: (doc) => updateRelationship(doc, id, patch),
  };
}

function deleteSome({ board, random, deletes }: CommandContext): Command | null {
  if (!deletes) return null;
  const pools = [
    idsOf(board.organisations),
    idsOf(board.people),
    idsOf(board.projects),
    idsOf(board.relationships),
  ];
  const ids = random.some(pools.flat(), random.chance(0.8) ? 1 : 2);
  if (ids.length === 0) return null;
  return {
    label: `deleteEntities ${ids.map((id) => label(board, id)).join(' ')}`,
    run: (doc) => deleteEntities(doc, ids),
  };
}

function newProject({ board, random, tag }: CommandContext): Command | null {
  const memberIds = random.some(nodeIds(board), random.int(4)) as NodeId[];
  return {
    label: `addProject "Project ${tag}" [${memberIds.map((id) => label(board, id)).join(' ')}]`,
    run: (doc) => addProject(doc, { name: `Project ${tag}`, memberIds }),
  };
}

function changeMembers({ board, random, tag }: CommandContext): Command | null {
  const id = random.pick(idsOf(board.projects)) as ProjectId | undefined;
  if (id === undefined) return null;
  const nodes = random.some(nodeIds(board), random.between(1, 2)) as NodeId[];
  const which = random.weighted({ add: 3, remove: 2, rename: 1 });
  const names = nodes.map((n) => label(board, n)).join(' ');
  if (which === 'rename') {
    return {
      label: `updateProject ${label(board, id)} name`,
      run: (doc) => updateProject(doc, id, { name: `Project ${tag}` }),
    };
  }
  if (nodes.length === 0) return null;
  return which === 'add'
    ? {
        label: `addToProject ${label(board, id)} ${names}`,
        run: (doc) => addToProject(doc, id, nodes),
      }
    : {
        label: `removeFromProject ${label(board, id)} ${names}`,
        run: (doc) => removeFromProject(doc, id, nodes),
      };
}

/** The map commands, with how often a participant uses each. */
export const NODE_COMMANDS: readonly CommandKind[] = [
  { name: 'addOrganisation', weight: 5, needs: 'organisation', make: addOrg },
  { name: 'addPerson', weight: 5, needs: 'person', make: addPersonIn },
  { name: 'moveNodes', weight: 8, needs: 'move', make: move },
  { name: 'updateOrganisation', weight: 4, needs: 'edit', make: editOrganisation },
  { name: 'updatePerson', weight: 2, needs: 'edit', make: editPerson },
  { name: 'connect', weight: 5, needs: 'relationship', make: connectNodes },
  { name: 'editRelationship', weight: 4, needs: 'edit', make: editRelationship },
  { name: 'deleteEntities', weight: 2, needs: 'edit', make: deleteSome },
  { name: 'addProject', weight: 2, needs: 'project', make: newProject },
  { name: 'projectMembers', weight: 3, needs: 'edit', make: changeMembers },
];
