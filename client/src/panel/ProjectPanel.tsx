import { MAX_NAME_LENGTH, MAX_NOTES_LENGTH } from '@interplay/shared';
import type { NodeId, Project, ProjectPatch } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { useBoardView } from '../canvas/BoardViewContext.ts';
import { selectSelection, selectSnapshot } from '../canvas/view/selectors.ts';
import { useBoardActions } from '../canvas/editing/useBoardActions.ts';
import { DeleteButton } from './DeleteButton.tsx';
import { DraftField, PanelSection, parseThemes } from './fields.tsx';

/** Every field of a project, its members (remove one), and adding the selected nodes. */
export function ProjectPanel({ project }: { project: Project }) {
  const t = useT();
  const snapshot = useBoardView(selectSnapshot);
  const selection = useBoardView(selectSelection);
  const actions = useBoardActions();
  const update = (patch: ProjectPatch): void => actions.updateProject(project.id, patch);
  const nameOf = (id: NodeId): string =>
    snapshot.organisations.get(id as never)?.name ?? snapshot.people.get(id as never)?.name ?? '?';
  const toAdd = selection.nodeIds.filter((id) => !project.memberIds.includes(id as NodeId));

  return (
    <PanelSection title={t('panel.project')} colour={project.colour}>
      <DraftField
        label={t('panel.name')}
        value={project.name}
        maxLength={MAX_NAME_LENGTH}
        onCommit={(name) => update({ name })}
        testId="panel-name"
      />
      <div className="ip-field">
        <label htmlFor={`colour-${project.id}`}>{t('panel.colour')}</label>
        <input
          id={`colour-${project.id}`}
          type="color"
          value={project.colour}
          onChange={(event) => update({ colour: event.currentTarget.value })}
        />
      </div>
      <DraftField
        label={t('panel.description')}
        value={project.description}
        multiline
        maxLength={MAX_NOTES_LENGTH}
        onCommit={(description) => update({ description })}
      />
      <DraftField
        label={t('panel.themes')}
        value={project.themes.join(', ')}
        hint={t('panel.themesHint')}
        maxLength={MAX_NOTES_LENGTH}
        onCommit={(text) => update({ themes: parseThemes(text) })}
      />
      <div className="ip-field">
        <span className="ip-field__label">{t('panel.members', { count: project.memberIds.length })}</span>
        {project.memberIds.length === 0 ? (
          <p className="ip-muted">{t('panel.noMembers')}</p>
        ) : (
          <ul className="ip-members" data-testid="project-members">
            {project.memberIds.map((id) => (
              <li key={id}>
                <span>{nameOf(id)}</span>
                <button
                  type="button"
                  className="ip-icon-button"
                  aria-label={t('panel.removeMember', { name: nameOf(id) })}
                  title={t('panel.removeMember', { name: nameOf(id) })}
                  onClick={() => actions.removeFromProject(project.id, [id])}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          className="ip-button"
          disabled={toAdd.length === 0}
          onClick={() => actions.addSelectionToProject(project.id)}
          data-testid="project-add-selected"
        >
          {t('panel.addSelected')}
          {toAdd.length > 0 ? ` (${toAdd.length})` : ''}
        </button>
        {toAdd.length === 0 && <small className="ip-field__hint">{t('panel.addSelectedHint')}</small>}
      </div>
      <DeleteButton ids={[project.id]} label="panel.deleteProject" />
    </PanelSection>
  );
}
