import { memo, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { NodeLegend } from './NodeLegend.tsx';
import { RelationshipLegend } from './RelationshipLegend.tsx';
import './legend.css';

/** Explains every colour, icon, line style, thickness, arrow and badge, in the user's language; collapsible. */
export const Legend = memo(function Legend() {
  const t = useT();
  const [open, setOpen] = useState(false);
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
      {open && (
        <div className="ip-legend__body">
          <NodeLegend />
          <RelationshipLegend />
        </div>
      )}
    </section>
  );
});
