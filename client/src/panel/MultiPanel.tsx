import { useId } from 'react';
import type { ProjectId } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { useBoardView } from '../canvas/BoardViewContext.ts';
import { selectProjects, selectSelection } from '../canvas/view/selectors.ts';
import { useBoardActions } from '../canvas/editing/useBoardActions.ts';
import { projectsByName } from '../canvas/projects/projectsByName.ts';
import { PanelSection } from './fields.tsx';

/** Several things selected: their count, make a project of them, add them to a project, delete them. */
export function MultiPanel() {
  const t = useT();
  const id = useId();
  const selection = useBoardView(selectSelection);
  const projects = useBoardView(selectProjects);
  const { makeProject, addSelectionToProject, deleteSelection } = useBoardActions();
  const count = selection.nodeIds.length + selection.relationshipIds.length;
  const hasNodes = selection.nodeIds.length > 0;
  return (
    <PanelSection title={t('panel.multi', { count })}>
      <button
        type="button"
        className="ip-button ip-button--primary"
        disabled={!hasNodes}
        onClick={makeProject}
        data-testid="multi-make-project"
      >
        {t('panel.makeProject')}
      </button>
      {projects.size > 0 && (
        <div className="ip-field">
          <label htmlFor={id}>{t('panel.addToProject')} ▸</label>
          <select
            id={id}
            value=""
            disabled={!hasNodes}
            onChange={(event) => {
              if (event.currentTarget.value) addSelectionToProject(event.currentTarget.value as ProjectId);
            }}
          >
            <option value="">{t('panel.addToProjectChoose')}</option>
            {projectsByName(projects).map((project) => (
              <option key={project.id} value={project.id}>
                {project.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <button
        type="button"
        className="ip-button ip-button--danger"
        onClick={deleteSelection}
        data-testid="panel-delete"
      >
        {t('panel.delete')}
      </button>
    </PanelSection>
  );
}
