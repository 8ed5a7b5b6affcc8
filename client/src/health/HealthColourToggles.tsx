import { useT } from '../i18n/index.ts';
import type { HealthColouring } from './useHealthColouring.ts';

/**
 * "Colour by health" in the bottom bar, and for the facilitator "for everyone". The state lives in the
 * bar (`useHealthColouring`), since this may move between the bar and its More menu.
 */
export function HealthColourToggles({
  health,
  isFacilitator,
}: {
  health: HealthColouring;
  isFacilitator: boolean;
}) {
  const t = useT();
  return (
    <>
      <label
        className="ip-insights__toggle"
        title={health.forced && !isFacilitator ? t('health.colourByForced') : t('health.colourByHint')}
      >
        <input
          type="checkbox"
          checked={health.on}
          disabled={health.forced}
          data-testid="colour-by-health"
          onChange={(event) => health.setOwn(event.currentTarget.checked)}
        />
        {t('health.colourBy')}
      </label>
      {isFacilitator && (
        <label className="ip-insights__toggle" title={t('health.colourByAllHint')}>
          <input
            type="checkbox"
            checked={health.forEveryone}
            data-testid="colour-by-health-all"
            onChange={(event) => health.setForEveryone(event.currentTarget.checked)}
          />
          <span className="visually-hidden">{t('health.colourBy')} </span>
          {t('health.colourByAll')}
        </label>
      )}
    </>
  );
}
