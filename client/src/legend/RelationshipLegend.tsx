import { FORMS, RELATIONSHIP_KINDS } from '@interplay/shared';
import type { Direction, Strength } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { formDashArray, KIND_COLOURS } from '../theme/relationshipStyle.ts';
import { LegendLine } from './LegendLine.tsx';
import { StrengthItems } from './LegendItems.tsx';

const STRENGTHS: readonly Strength[] = [1, 2, 3, 4, 5];
const DIRECTIONS: readonly Direction[] = ['none', 'oneWay', 'bothWays'];

/** The legend's column for relationships: kind colours (left out while the lines show health), form dashes, strength widths, direction arrows. */
export function RelationshipLegend({ byHealth = false }: { byHealth?: boolean }) {
  const t = useT();
  return (
    <div className="ip-legend__column">
      {!byHealth && (
        <>
          <h3>{t('legend.kinds')}</h3>
          <ul>
            {RELATIONSHIP_KINDS.map((kind) => (
              <li key={kind}>
                <LegendLine colour={KIND_COLOURS[kind]} width={4} />
                {t(`kind.${kind}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('legend.forms')}</h3>
      <ul>
        {FORMS.map((form) => (
          <li key={form}>
            <LegendLine colour="#334155" width={3.5} dash={formDashArray(form, 3.5)} />
            <span>
              <strong>{t(`form.${form}`)}</strong> — {t(`form.${form}Help`)}
            </span>
          </li>
        ))}
      </ul>
      <h3>{t('legend.strength')}</h3>
      <StrengthItems strengths={STRENGTHS} className="ip-legend__row" />
      <h3>{t('legend.directions')}</h3>
      <ul className="ip-legend__row">
        {DIRECTIONS.map((direction) => (
          <li key={direction}>
            <LegendLine colour="#334155" width={2.5} direction={direction} />
            {t(`direction.${direction}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
