import { memo, useState } from 'react';
import { useT } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { useBoardView, useBoardViewContext } from '../canvas/BoardViewContext.ts';
import { CommentsDrawer } from '../annotations/CommentsDrawer.tsx';
import { openThreads } from '../annotations/threadQueries.ts';
import { useAddNote } from '../annotations/useAddNote.ts';
import { useMyPermissions } from '../annotations/useMyPermissions.ts';
import { BalanceDrawer } from '../giveTake/BalanceDrawer.tsx';
import { HealthDrawer } from './HealthDrawer.tsx';
import { InsightsPanel } from '../insight/panel/InsightsPanel.tsx';
import { HEALTH_GRADIENT, UNSCORED_COLOUR } from '../theme/healthColour.ts';
import './health.css';

type Drawer = 'insights' | 'comments' | 'health' | 'balance';

const TITLES: Record<Drawer, MessageKey> = {
  insights: 'insight.panel',
  comments: 'annotations.drawer',
  health: 'health.tableTitle',
  balance: 'giveTake.balanceTitle',
};

function openThreadCount(s: { snapshot: { annotations: Parameters<typeof openThreads>[0] } }): number {
  return s.snapshot.annotations.size === 0 ? 0 : openThreads(s.snapshot.annotations).length;
}

/** The "Colour by health" legend: the red–amber–green scale and grey for unscored. */
function HealthLegend() {
  const t = useT();
  return (
    <div
      className="ip-health-legend"
      data-testid="health-legend"
      aria-label={t('health.legend')}
      role="group"
    >
      <strong>{t('health.legend')}</strong>
      <span>{t('health.legendLow')}</span>
      <span className="ip-health-legend__scale" style={{ background: HEALTH_GRADIENT }} />
      <span>{t('health.legendHigh')}</span>
      <span className="ip-health-legend__none" style={{ background: UNSCORED_COLOUR }} />
      <span>{t('health.legendNone')}</span>
    </div>
  );
}

/**
 * The session bar at the bottom of the map: add a note, the network's figures (insights), the open
 * comments, the health table, the give-and-take balance, and "Colour by health"
 * (a local view option). Each list opens in a drawer over the right of the map.
 */
export const BoardInsights = memo(function BoardInsights() {
  const t = useT();
  const { store } = useBoardViewContext();
  const [drawer, setDrawer] = useState<Drawer | null>(null);
  const count = useBoardView(openThreadCount);
  const colourByHealth = useBoardView((s) => s.colourByHealth);
  const { permissions } = useMyPermissions();
  const addNote = useAddNote();
  const toggle = (which: Drawer): void => setDrawer(drawer === which ? null : which);

  const drawerButton = (which: Drawer, label: string, hint: MessageKey) => (
    <button
      type="button"
      className="ip-insights__button"
      aria-pressed={drawer === which}
      aria-controls="ip-insights-drawer"
      title={t(hint)}
      data-testid={`open-${which}`}
      onClick={() => toggle(which)}
    >
      {label}
    </button>
  );

  return (
    <>
      <div className="ip-insights" role="toolbar" aria-label={t('health.section')}>
        {permissions.comment && (
          <button
            type="button"
            className="ip-insights__button ip-insights__note"
            title={t('annotations.noteHint')}
            aria-label={t('annotations.noteHint')}
            data-testid="add-note"
            onClick={() => addNote()}
          >
            ✎ <span className="ip-insights__label">{t('annotations.note')}</span>
          </button>
        )}
        {drawerButton('insights', t('insight.panel'), 'insight.panelHint')}
        {drawerButton('comments', t('annotations.drawerButton', { count }), 'annotations.drawerHint')}
        {drawerButton('health', t('health.table'), 'health.tableHint')}
        {drawerButton('balance', t('giveTake.balance'), 'giveTake.balanceHint')}
        <label className="ip-insights__toggle" title={t('health.colourByHint')}>
          <input
            type="checkbox"
            checked={colourByHealth}
            data-testid="colour-by-health"
            onChange={(event) => store.getState().setColourByHealth(event.currentTarget.checked)}
          />
          {t('health.colourBy')}
        </label>
        {colourByHealth && <HealthLegend />}
      </div>
      {drawer && (
        <aside
          id="ip-insights-drawer"
          className={`ip-drawer ip-drawer--${drawer}`}
          aria-label={t(TITLES[drawer])}
          data-testid="insights-drawer"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setDrawer(null);
          }}
        >
          <header className="ip-drawer__head">
            <h2>{t(TITLES[drawer])}</h2>
            <button
              type="button"
              className="ip-icon-button"
              aria-label={t('annotations.close')}
              title={t('annotations.close')}
              data-testid="close-drawer"
              onClick={() => setDrawer(null)}
            >
              ×
            </button>
          </header>
          <div className="ip-drawer__body">
            {drawer === 'insights' && <InsightsPanel />}
            {drawer === 'comments' && <CommentsDrawer />}
            {drawer === 'health' && <HealthDrawer />}
            {drawer === 'balance' && <BalanceDrawer />}
          </div>
        </aside>
      )}
    </>
  );
});
