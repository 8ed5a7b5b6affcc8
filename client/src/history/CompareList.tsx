import type {
  BoardComparison,
  ChangeKind,
  EntityChange,
  HealthChange,
} from '@interplay/shared/history/compareBoards';
import { countChanges } from '@interplay/shared/history/compareBoards';
import { dimensionKey } from '../health/healthAnchors.ts';
import { useLanguage, useT } from '../i18n/index.ts';
import type { MessageKey, Translate } from '../i18n/index.ts';
import { formatScore } from '../theme/healthColour.ts';

const KIND_LABEL: Record<EntityChange['kind'], MessageKey> = {
  organisation: 'panel.organisation',
  person: 'panel.person',
  project: 'panel.project',
  relationship: 'panel.relationship',
};

function healthText(change: HealthChange, t: Translate, language: 'en' | 'nl'): string {
  const dimension = t(dimensionKey(change.dimension));
  const score = (value: number | null): string => (value === null ? '–' : formatScore(value, language));
  const vars = { dimension, before: score(change.before), after: score(change.after) };
  if (change.before === null) return t('history.healthNew', vars);
  if (change.after === null) return t('history.healthGone', vars);
  return t(change.after > change.before ? 'history.healthUp' : 'history.healthDown', vars);
}

/** The changes between two states as a list: entities added, removed and changed, then health up or down. */
export function CompareList({ comparison }: { comparison: BoardComparison }) {
  const t = useT();
  const language = useLanguage();
  const counts = countChanges(comparison);
  if (comparison.entities.length === 0 && comparison.health.length === 0)
    return <p className="ip-compare__none">{t('history.noChanges')}</p>;
  const changeWord = (change: ChangeKind): string => t(`history.change.${change}`);
  return (
    <div className="ip-compare" data-testid="compare-list">
      <p className="ip-compare__summary">{t('history.changesSummary', counts)}</p>
      <ul className="ip-compare__list">
        {comparison.entities.map((change) => (
          <li
            key={`${change.kind}:${change.id}`}
            className={`ip-compare__item ip-compare__item--${change.change}`}
            data-change={change.change}
          >
            <span className="ip-compare__sign" aria-hidden="true" />
            <strong>{change.name}</strong>{' '}
            <span className="ip-compare__kind">({t(KIND_LABEL[change.kind])})</span>{' '}
            {change.change === 'changed'
              ? t('history.changedFields', {
                  fields: change.fields.map((field) => t(`history.field.${field}` as MessageKey)).join(', '),
                })
              : changeWord(change.change)}
          </li>
        ))}
        {comparison.health.map((change) => (
          <li
            key={`health:${change.relationshipId}:${change.dimension}`}
            className={`ip-compare__item ip-compare__item--health`}
            data-change="health"
          >
            <strong>{change.name}</strong>: {healthText(change, t, language)}
          </li>
        ))}
      </ul>
    </div>
  );
}
