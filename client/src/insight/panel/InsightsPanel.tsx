import { memo, useEffect } from 'react';
import { useLanguage, useT } from '../../i18n/index.ts';
import { useBoardView, useBoardViewContext } from '../../canvas/BoardViewContext.ts';
import { selectSnapshot } from '../../canvas/view/selectors.ts';
import { anonymiseBoard, watchNames } from '@interplay/shared';
import { anonymousWords } from '../../anonymous/anonymousWords.ts';
import { downloadFigures } from '../export/downloadFigures.ts';
import { useInsight, useInsightStore } from '../InsightContext.ts';
import { useAutoLayout } from '../layout/useAutoLayout.ts';
import {
  GiveTakeSection,
  HealthSection,
  MaintenanceSection,
  OverlapSection,
  RoleSection,
} from './PracticeSections.tsx';
import {
  BrokerSection,
  ClusterSection,
  CutSection,
  IsolationSections,
  SummarySection,
} from './StructureSections.tsx';

/**
 * The figures of the network, computed in a worker while this panel is open and kept live as the map
 * changes. Every row highlights its items on the map (a view of this page only).
 */
export const InsightsPanel = memo(function InsightsPanel() {
  const t = useT();
  const language = useLanguage();
  const insight = useInsightStore();
  const { session } = useBoardViewContext();
  const snapshot = useBoardView(selectSnapshot);
  const figures = useInsight((s) => s.figures);
  const computeMs = useInsight((s) => s.computeMs);
  const layout = useAutoLayout();
  useEffect(() => insight.getState().holdFigures(), [insight]);

  if (!figures) {
    return (
      <p className="ip-muted" role="status" data-testid="insights-computing">
        {t('insight.computing')}
      </p>
    );
  }
  const props = { figures, snapshot };
  return (
    <div
      className="ip-insights-panel"
      data-testid="insights-panel"
      data-compute-ms={computeMs ?? undefined}
      data-linked-pairs={figures.shape.linkedPairs}
    >
      <div className="ip-insights-panel__tools">
        <button
          type="button"
          className="ip-insights__button"
          data-testid="export-figures"
          onClick={() => downloadFigures(figures, snapshot, session.title, language)}
        >
          ↓ {t('insight.exportCsv')}
        </button>
        <button
          type="button"
          className="ip-insights__button"
          data-testid="export-figures-anonymised"
          onClick={() =>
            downloadFigures(
              figures,
              anonymiseBoard(snapshot, anonymousWords(t), watchNames(session.doc)),
              session.title,
              language,
            )
          }
        >
          ↓ {t('insight.exportCsvAnonymised')}
        </button>
        {layout.available && <LayoutButtons layout={layout} clusterCount={figures.clusters.groups.length} />}
        {computeMs !== null && (
          <span className="ip-muted">{t('insight.computedIn', { ms: Math.round(computeMs) })}</span>
        )}
      </div>
      <SummarySection {...props} />
      <BrokerSection {...props} />
      <CutSection {...props} />
      <IsolationSections {...props} />
      <OverlapSection {...props} />
      <RoleSection {...props} />
      <MaintenanceSection {...props} />
      <HealthSection {...props} />
      <GiveTakeSection {...props} />
      <ClusterSection {...props} />
    </div>
  );
});

/** The two auto-layouts; arranging by cluster needs two clusters or more to set apart. */
function LayoutButtons({
  layout,
  clusterCount,
}: {
  readonly layout: ReturnType<typeof useAutoLayout>;
  readonly clusterCount: number;
}) {
  const t = useT();
  return (['force', 'clusters'] as const).map((mode) => {
    const noClusters = mode === 'clusters' && clusterCount < 2;
    const hint = !layout.allowed
      ? 'insight.layoutLocked'
      : mode === 'force'
        ? 'insight.layoutHint'
        : noClusters
          ? 'insight.layoutClustersNone'
          : 'insight.layoutClustersHint';
    return (
      <button
        key={mode}
        type="button"
        className="ip-insights__button"
        title={t(hint)}
        disabled={layout.busy || !layout.allowed || noClusters}
        data-testid={mode === 'force' ? 'auto-layout' : 'auto-layout-clusters'}
        onClick={() => void layout.run(mode)}
      >
        ⟲ {t(mode === 'force' ? 'insight.layout' : 'insight.layoutClusters')}
      </button>
    );
  });
}
