import type { BoardSnapshot } from '@interplay/shared';
import { useLanguage, useT } from '../../i18n/index.ts';
import type { InsightFigures } from '../figures/figureTypes.ts';
import { useInsight, useInsightStore } from '../InsightContext.ts';
import { plural } from '../plural.ts';
import { CLUSTER_COLOURS } from '../view/insightView.ts';
import { FigureRow, FigureSection, RowList } from './FigureRow.tsx';
import { entityName, formatNumber } from './names.ts';

interface Props {
  figures: InsightFigures;
  snapshot: BoardSnapshot;
}

/** The network in a few plain sentences. */
export function SummarySection({ figures }: Props) {
  const t = useT();
  const language = useLanguage();
  const { shape } = figures;
  const sentences =
    shape.linkedPairs === 0
      ? [t('insight.summary.noRelationships')]
      : [
          plural(t, 'insight.summary.groups', shape.groups),
          plural(t, 'insight.summary.atMostOne', shape.organisationsWithAtMostOne, {
            total: shape.organisations,
            noun: plural(t, 'insight.noun.organisation', shape.organisations),
          }),
          t('insight.summary.degree', { value: formatNumber(shape.averageDegree, language, 1) }),
          t('insight.summary.density', {
            percent:
              (shape.density * 100).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', {
                maximumFractionDigits: 1,
              }) + '%',
          }),
        ];
  return (
    <FigureSection id="summary" title={t('insight.summary.title')} help={t('insight.summary.help')}>
      <p className="ip-figure__summary" data-testid="figure-summary-text">
        {sentences.join(' ')}
      </p>
    </FigureSection>
  );
}

export function BrokerSection({ figures, snapshot }: Props) {
  const t = useT();
  return (
    <FigureSection
      id="brokers"
      title={t('insight.brokers.title')}
      help={t('insight.brokers.help')}
      empty={figures.brokers.length === 0}
    >
      <RowList
        items={figures.brokers}
        row={(broker) => (
          <FigureRow
            key={broker.id}
            ids={[broker.id]}
            label={entityName(snapshot, broker.id)}
            value={Math.round(broker.score * 100)}
          />
        )}
      />
    </FigureSection>
  );
}

export function CutSection({ figures, snapshot }: Props) {
  const t = useT();
  return (
    <FigureSection
      id="cut"
      title={t('insight.cut.title')}
      help={t('insight.cut.help')}
      empty={figures.articulationPoints.length === 0}
    >
      <RowList
        items={figures.articulationPoints}
        row={(cut) => (
          <FigureRow key={cut.id} ids={[cut.id]} label={entityName(snapshot, cut.id)} value={cut.separated} />
        )}
      />
    </FigureSection>
  );
}

/** Isolated and weakly tied: a row for the whole list, then one per node. */
export function IsolationSections({ figures, snapshot }: Props) {
  const t = useT();
  const list = (id: 'isolated' | 'weak', ids: readonly string[]) => (
    <FigureSection
      id={id}
      title={t(`insight.${id}.title`)}
      help={t(`insight.${id}.help`)}
      empty={ids.length === 0}
    >
      <RowList
        items={ids}
        row={(node) => <FigureRow key={node} ids={[node]} label={entityName(snapshot, node)} />}
      />
    </FigureSection>
  );
  return (
    <>
      {list('isolated', figures.isolated)}
      {list('weak', figures.weaklyTied)}
    </>
  );
}

export function ClusterSection({ figures }: Props) {
  const t = useT();
  const language = useLanguage();
  const insight = useInsightStore();
  const colouring = useInsight((s) => s.view.colourByCluster);
  const { groups, modularity } = figures.clusters;
  return (
    <FigureSection id="clusters" title={t('insight.clusters.title')} help={t('insight.clusters.help')}>
      <label className="ip-figure__toggle">
        <input
          type="checkbox"
          checked={colouring}
          data-testid="colour-by-cluster"
          onChange={(event) => insight.getState().setColourByCluster(event.currentTarget.checked)}
        />
        {t('insight.colourByCluster')}
      </label>
      {groups.length === 0 ? (
        <p className="ip-muted">{t('insight.none')}</p>
      ) : (
        <>
          <RowList
            items={groups}
            row={(members, index) => (
              <FigureRow
                key={members[0] ?? index}
                ids={members}
                label={t('insight.clusters.row', { n: index + 1 })}
                value={plural(t, 'insight.clusters.members', members.length)}
                swatch={CLUSTER_COLOURS[index] ?? '#9aa3ae'}
              />
            )}
          />
          <p className="ip-figure__help">
            {t('insight.clusters.clarity', { value: formatNumber(modularity, language, 2) })}
          </p>
        </>
      )}
    </FigureSection>
  );
}
