import { HEALTH_DIMENSIONS } from '@interplay/shared';
import type { BoardSnapshot, ProjectId, Role } from '@interplay/shared';
import { useLanguage, useT } from '../../i18n/index.ts';
import type { InsightFigures } from '../figures/figureTypes.ts';
import { plural } from '../plural.ts';
import { FigureRow, FigureSection, RowList } from './FigureRow.tsx';
import { entityName, formatNumber } from './names.ts';

interface Props {
  figures: InsightFigures;
  snapshot: BoardSnapshot;
}

export function OverlapSection({ figures, snapshot }: Props) {
  const t = useT();
  const { nodes, pairs } = figures.overlap;
  return (
    <FigureSection
      id="overlap"
      title={t('insight.overlap.title')}
      help={t('insight.overlap.help')}
      empty={nodes.length === 0 && pairs.length === 0}
    >
      <RowList
        items={nodes}
        row={(node) => (
          <FigureRow
            key={node.id}
            ids={[node.id, ...node.projectIds]}
            label={entityName(snapshot, node.id)}
            value={t('insight.overlap.inProjects', { count: node.projectIds.length })}
          />
        )}
      />
      <RowList
        items={pairs}
        row={(pair) => {
          const label = t('insight.overlap.pair', {
            a: entityName(snapshot, pair.projects[0]),
            b: entityName(snapshot, pair.projects[1]),
          });
          return (
            <FigureRow
              key={pair.projects.join()}
              ids={pair.members.length > 0 ? pair.members : pair.projects}
              label={label}
            >
              <p className="ip-figure__detail">
                {pair.members.length > 0 &&
                  t('insight.overlap.members', {
                    names: pair.members.map((id) => entityName(snapshot, id)).join(', '),
                  })}
                {pair.members.length > 0 && pair.themes.length > 0 && ' · '}
                {pair.themes.length > 0 && t('insight.overlap.themes', { themes: pair.themes.join(', ') })}
              </p>
            </FigureRow>
          );
        }}
      />
    </FigureSection>
  );
}

export function RoleSection({ figures, snapshot }: Props) {
  const t = useT();
  const roleNames = (roles: readonly Role[]): string =>
    roles.map((role) => t(`roleBadge.${role}`).toLowerCase()).join(', ');
  return (
    <FigureSection
      id="roles"
      title={t('insight.roles.title')}
      help={t('insight.roles.help')}
      empty={figures.roleCoverage.length === 0}
    >
      <RowList
        items={figures.roleCoverage}
        limit={30}
        row={(coverage) => (
          <FigureRow
            key={coverage.projectId}
            ids={[coverage.projectId]}
            label={snapshot.projects.get(coverage.projectId as ProjectId)?.name ?? '?'}
            value={
              coverage.missing.length === 0 ? (
                <span className="ip-figure__ok">✓ {t('insight.roles.complete')}</span>
              ) : (
                <span className="ip-figure__warn" data-testid="missing-roles">
                  ⚠ {t('insight.roles.missing', { roles: roleNames(coverage.missing) })}
                </span>
              )
            }
          />
        )}
      />
    </FigureSection>
  );
}

export function MaintenanceSection({ figures, snapshot }: Props) {
  const t = useT();
  const { stale, neverChecked } = figures.maintenance;
  return (
    <FigureSection
      id="maintenance"
      title={t('insight.maintenance.title')}
      help={t('insight.maintenance.help', { days: snapshot.settings.staleAfterDays })}
      empty={stale.length === 0 && neverChecked.length === 0}
    >
      <RowList
        items={stale}
        row={(row) => (
          <FigureRow
            key={row.id}
            ids={[row.id]}
            label={entityName(snapshot, row.id)}
            value={t('insight.maintenance.daysAgo', { days: row.days })}
          />
        )}
      />
      {neverChecked.length > 0 && (
        <ul className="ip-figure__rows">
          <FigureRow
            ids={neverChecked}
            label={plural(t, 'insight.maintenance.neverCount', neverChecked.length)}
          />
        </ul>
      )}
    </FigureSection>
  );
}

export function HealthSection({ figures, snapshot }: Props) {
  const t = useT();
  const language = useLanguage();
  const { health } = figures;
  const format = (value: number): string => formatNumber(value, language, 1);
  return (
    <FigureSection id="health" title={t('insight.health.title')} help={t('insight.health.help')}>
      {health.scored === 0 ? (
        <p className="ip-muted">{t('insight.health.none')}</p>
      ) : (
        <>
          <p className="ip-figure__help">{plural(t, 'insight.health.scored', health.scored)}</p>
          <dl className="ip-figure__means">
            {HEALTH_DIMENSIONS.map((dimension) => {
              const mean = health.dimensionMeans[dimension];
              return (
                <div key={dimension}>
                  <dt>{t(`health.dimension.${dimension}`)}</dt>
                  <dd>{mean === null ? '—' : format(mean)}</dd>
                </div>
              );
            })}
          </dl>
          <h4>{t('insight.health.lowest')}</h4>
          <RowList
            items={health.lowest}
            row={(row) => (
              <FigureRow
                key={row.id}
                ids={[row.id]}
                label={entityName(snapshot, row.id)}
                value={format(row.score)}
              />
            )}
          />
          {health.widestSpread.length > 0 && <h4>{t('insight.health.spread')}</h4>}
          <RowList
            items={health.widestSpread}
            row={(row) => (
              <FigureRow
                key={row.id}
                ids={[row.id]}
                label={entityName(snapshot, row.id)}
                value={t('insight.health.spreadRow', {
                  value: format(row.spread),
                  dimension: t(`health.dimension.${row.dimension}`),
                })}
              />
            )}
          />
        </>
      )}
    </FigureSection>
  );
}

export function GiveTakeSection({ figures, snapshot }: Props) {
  const t = useT();
  const { bringsMore, takesMore } = figures.giveTake;
  const rows = [
    ...bringsMore.map((row) => ({ ...row, flag: 'bringsMore' as const })),
    ...takesMore.map((row) => ({ ...row, flag: 'takesMore' as const })),
  ];
  return (
    <FigureSection
      id="giveTake"
      title={t('insight.giveTake.title')}
      help={t('insight.giveTake.help')}
      empty={rows.length === 0}
    >
      <RowList
        items={rows}
        row={(row) => (
          <FigureRow
            key={row.id}
            ids={[row.id]}
            label={t('giveTake.row', {
              name: entityName(snapshot, row.id),
              brings: row.brings,
              takes: row.takes,
            })}
            value={t(`giveTake.${row.flag}`)}
          />
        )}
      />
    </FigureSection>
  );
}
