import { memo, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { useMapView } from '../canvas/MapContext.ts';
import { HealthScale } from './HealthScale.tsx';
import { NodeLegend } from './NodeLegend.tsx';
import { RelationshipLegend } from './RelationshipLegend.tsx';
import './legend.css';

const selectColourByHealth = (s: { colourByHealth: boolean }): boolean => s.colourByHealth;

/**
 * Explains every colour, icon, line style, thickness, arrow and badge, in the user's language; collapsible.
 * While the lines are coloured by health, the health scale shows (also collapsed) in place of the kinds.
 */
export const Legend = memo(function Legend() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const byHealth = useMapView(selectColourByHealth);
  return (
    <section
      className={`ip-legend${open ? ' ip-legend--open' : ''}`}
      aria-label={t('legend.title')}
      data-testid="legend"
    >
      <button
        type="button"
        className="ip-legend__toggle"
        aria-expanded={open}
        aria-label={open ? t('legend.hide') : t('legend.show')}
        title={open ? t('legend.hide') : t('legend.show')}
        onClick={() => setOpen(!open)}
      >
        {t('legend.title')} <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {byHealth && <HealthScale />}
      {open && (
        <div className="ip-legend__body">
          <NodeLegend />
          <RelationshipLegend byHealth={byHealth} />
        </div>
      )}
    </section>
  );
});
