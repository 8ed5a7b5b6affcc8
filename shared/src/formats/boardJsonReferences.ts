/**
 * The checks a board file needs beyond its shape: unique ids, and every
 * reference (a person's organisation, project members, relationship ends,
 * thread targets, scored relationships, organisations with give-and-take)
 * pointing at an entity of the right kind in the same file.
 */
import { importError } from './importError.ts';
import type { ImportError } from './importError.ts';
import type { BoardFile } from './boardJsonSchema.ts';

type Kind = 'organisation' | 'person' | 'project' | 'relationship';

export function checkBoardFileReferences(board: BoardFile, file: string): ImportError[] {
  const errors: ImportError[] = [];
  const kindOf = new Map<string, Kind>();
  const claim = (key: string, kind: Kind, at: string): void => {
    if (kindOf.has(key))
      errors.push(
        importError({ file, column: at }, 'json.duplicateId', `duplicate id "${key}"`, { id: key }),
      );
    else kindOf.set(key, kind);
  };
  board.organisations.forEach((o, i) => claim(o.id, 'organisation', `organisations[${i}].id`));
  board.people.forEach((p, i) => claim(p.id, 'person', `people[${i}].id`));
  board.projects.forEach((p, i) => claim(p.id, 'project', `projects[${i}].id`));
  board.relationships.forEach((r, i) => claim(r.id, 'relationship', `relationships[${i}].id`));
  const isNode = (key: string): boolean => kindOf.get(key) === 'organisation' || kindOf.get(key) === 'person';
  /** `what` is a param for the page: organisation, node (organisation or person), entity, relationship. */
  const missing = (column: string, what: string, words: string, key: string): void => {
    errors.push(
      importError({ file, column }, 'json.missingReference', `no ${words} with id "${key}" in the file`, {
        what,
        id: key,
      }),
    );
  };
  board.people.forEach((p, i) => {
    if (p.organisationId != null && kindOf.get(p.organisationId) !== 'organisation') {
      missing(`people[${i}].organisationId`, 'organisation', 'organisation', p.organisationId);
    }
  });
  board.projects.forEach((p, i) =>
    (p.memberIds ?? []).forEach((member, j) => {
      if (!isNode(member))
        missing(`projects[${i}].memberIds[${j}]`, 'node', 'organisation or person', member);
    }),
  );
  board.relationships.forEach((r, i) => {
    for (const end of ['source', 'target'] as const) {
      if (!isNode(r[end])) missing(`relationships[${i}].${end}`, 'node', 'organisation or person', r[end]);
    }
    if (r.source === r.target) {
      errors.push(
        importError(
          { file, column: `relationships[${i}].target` },
          'ref.sameEnds',
          'a relationship must connect two different nodes',
        ),
      );
    }
  });
  const threadIds = new Set<string>();
  board.annotations.forEach((t, i) => {
    if (threadIds.has(t.id)) {
      errors.push(
        importError({ file, column: `annotations[${i}].id` }, 'json.duplicateId', `duplicate id "${t.id}"`, {
          id: t.id,
        }),
      );
    }
    threadIds.add(t.id);
    if (t.target !== null && !kindOf.has(t.target)) {
      missing(
        `annotations[${i}].target`,
        'entity',
        'organisation, person, project or relationship',
        t.target,
      );
    }
    const messageIds = new Set<string>();
    t.messages.forEach((m, j) => {
      if (messageIds.has(m.id)) {
        errors.push(
          importError(
            { file, column: `annotations[${i}].messages[${j}].id` },
            'json.duplicateId',
            `duplicate id "${m.id}"`,
            { id: m.id },
          ),
        );
      }
      messageIds.add(m.id);
    });
  });
  const scored = new Set<string>();
  board.health.forEach((h, i) => {
    if (kindOf.get(h.relationshipId) !== 'relationship') {
      missing(`health[${i}].relationshipId`, 'relationship', 'relationship', h.relationshipId);
    }
    const key = `${h.relationshipId}/${h.scorerId}`;
    if (scored.has(key)) {
      errors.push(
        importError({ file, column: `health[${i}].scorerId` }, 'json.duplicateId', `duplicate id "${key}"`, {
          id: key,
        }),
      );
    }
    scored.add(key);
  });
  const withGiveTake = new Set<string>();
  board.giveTake.forEach((g, i) => {
    if (kindOf.get(g.organisationId) !== 'organisation') {
      missing(`giveTake[${i}].organisationId`, 'organisation', 'organisation', g.organisationId);
    }
    if (withGiveTake.has(g.organisationId)) {
      errors.push(
        importError(
          { file, column: `giveTake[${i}].organisationId` },
          'json.duplicateId',
          `duplicate id "${g.organisationId}"`,
          { id: g.organisationId },
        ),
      );
    }
    withGiveTake.add(g.organisationId);
  });
  return errors;
}
