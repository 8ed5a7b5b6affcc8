import { useT } from '../i18n/index.ts';
import { HEALTH_GRADIENT, UNSCORED_COLOUR } from '../theme/healthColour.ts';

/** The health colour scale of the lines: red (1) through amber to green (10), grey when nobody scored. */
export function HealthScale() {
  const t = useT();
  return (
    <div
      className="ip-health-legend"
      data-testid="health-legend"
      aria-label={t('health.legend')}
      role="group"
    >
      <strong>{t('health.legend')}</strong>
      <span className="ip-health-legend__scale" style={{ background: HEALTH_GRADIENT }} />
      <span className="ip-health-legend__ends">
        <span>{t('health.legendLow')}</span>
        <span>{t('health.legendHigh')}</span>
      </span>
      <span className="ip-health-legend__unscored">
        <span className="ip-health-legend__none" style={{ background: UNSCORED_COLOUR }} />
        {t('health.legendNone')}
      </span>
    </div>
  );
}
