import { memo } from 'react';
import type { ReactNode } from 'react';
import type { OrganisationId, PersonId, RelationshipId } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { useBoardView, useBoardViewContext } from '../canvas/BoardViewContext.ts';
import { selectProjects, selectSelection, selectSnapshot } from '../canvas/view/selectors.ts';
import { MultiPanel } from './MultiPanel.tsx';
import { OrganisationPanel } from './OrganisationPanel.tsx';
import { PersonPanel } from './PersonPanel.tsx';
import { ProjectPanel } from './ProjectPanel.tsx';
import { RelationshipPanel } from './RelationshipPanel.tsx';
import { SelectionComments } from '../annotations/SelectionComments.tsx';
import { projectsByName } from '../canvas/projects/projectsByName.ts';
import { setPanelCollapsed, usePanelCollapsed } from './panelCollapse.ts';
import './panel.css';

/** With nothing selected: how to start, and the projects (so even an empty project can be selected). */
function Overview() {
  const t = useT();
  const { store } = useBoardViewContext();
  const projects = useBoardView(selectProjects);
  return (
    <section className="ip-panel__section">
      <p className="ip-muted">{t('panel.nothing')}</p>
      <h2 className="ip-panel__title">{t('panel.projects')}</h2>
      {projects.size === 0 ? (
        <p className="ip-muted">{t('panel.noProjects')}</p>
      ) : (
        <ul className="ip-project-list">
          {projectsByName(projects).map((project) => (
            <li key={project.id}>
              <button
                type="button"
                className="ip-link-button"
                onClick={() => store.getState().selectProject(project.id)}
              >
                <span className="ip-project-label__swatch" style={{ background: project.colour }} />
                {project.name} ({project.memberIds.length})
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Fields of the selection; disabled as a whole for viewers. */
function Editable({ children }: { children: ReactNode }) {
  const { readOnly } = useBoardViewContext();
  return (
    <fieldset className="ip-panel__fields" disabled={readOnly}>
      {children}
    </fieldset>
  );
}

function PanelContent() {
  const selection = useBoardView(selectSelection);
  const snapshot = useBoardView(selectSnapshot);
  if (selection.projectId) {
    const project = snapshot.projects.get(selection.projectId);
    if (project)
      return (
        <Editable>
          <ProjectPanel key={project.id} project={project} />
        </Editable>
      );
  }
  const total = selection.nodeIds.length + selection.relationshipIds.length;
  if (total > 1)
    return (
      <Editable>
        <MultiPanel />
      </Editable>
    );
  const [nodeId] = selection.nodeIds;
  if (nodeId) {
    const organisation = snapshot.organisations.get(nodeId as OrganisationId);
    if (organisation)
      return (
        <Editable>
          <OrganisationPanel key={nodeId} organisation={organisation} />
        </Editable>
      );
    const person = snapshot.people.get(nodeId as PersonId);
    if (person)
      return (
        <Editable>
          <PersonPanel key={nodeId} person={person} />
        </Editable>
      );
  }
  const [relationshipId] = selection.relationshipIds;
  if (relationshipId) {
    const relationship = snapshot.relationships.get(relationshipId as RelationshipId);
    if (relationship)
      return (
        <Editable>
          <RelationshipPanel key={relationshipId} relationship={relationship} />
        </Editable>
      );
  }
  return <Overview />;
}

/** The number of selected items, shown on the collapsed panel's edge. */
const selectSelectedCount = (s: {
  selection: { nodeIds: readonly string[]; relationshipIds: readonly string[]; projectId: string | null };
}): number =>
  s.selection.nodeIds.length + s.selection.relationshipIds.length + (s.selection.projectId ? 1 : 0);

/** Collapses the panel to its edge (›), or opens it again (‹ Details, with the number selected). */
function PanelToggle({ collapsed, selected }: { collapsed: boolean; selected: number }) {
  const t = useT();
  const hint = t(collapsed ? 'panel.expand' : 'panel.collapse');
  return (
    <button
      type="button"
      className={collapsed ? 'ip-panel__toggle' : 'ip-panel__collapse'}
      aria-expanded={!collapsed}
      aria-controls="ip-side-panel"
      title={hint}
      aria-label={collapsed ? undefined : hint}
      data-testid="panel-toggle"
      onClick={() => setPanelCollapsed(!collapsed)}
    >
      {collapsed ? (
        <>
          <span aria-hidden="true">‹</span>
          <span className="ip-panel__toggle-label">{t('panel.details')}</span>
          {selected > 0 && (
            <>
              <span className="ip-panel__count" aria-hidden="true">
                {selected}
              </span>
              <span className="visually-hidden">{t('panel.multi', { count: selected })}</span>
            </>
          )}
        </>
      ) : (
        '›'
      )}
    </button>
  );
}

/**
 * The details of the selection, editable (disabled for viewers). It collapses to a narrow edge with one
 * button (on a laptop it would take a third of the map; `panelCollapse.ts` remembers the choice).
 */
export const SidePanel = memo(function SidePanel() {
  const t = useT();
  const { readOnly } = useBoardViewContext();
  const collapsed = usePanelCollapsed();
  const selected = useBoardView(selectSelectedCount);
  if (collapsed) {
    return (
      <aside
        className="ip-panel ip-panel--collapsed"
        id="ip-side-panel"
        aria-label={t('panel.label')}
        data-testid="side-panel"
      >
        <PanelToggle collapsed selected={selected} />
      </aside>
    );
  }
  return (
    <aside className="ip-panel" id="ip-side-panel" aria-label={t('panel.label')} data-testid="side-panel">
      <PanelToggle collapsed={false} selected={selected} />
      {readOnly && <p className="ip-panel__readonly">{t('panel.readOnly')}</p>}
      <PanelContent />
      <SelectionComments />
    </aside>
  );
});
