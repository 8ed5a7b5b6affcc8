import { memo, useState } from 'react';
import { OverflowRow } from '../app/common/OverflowRow.tsx';
import { useLanguage, useT } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { useBoardView, useBoardViewContext } from '../canvas/BoardViewContext.ts';
import { CommentsDrawer } from '../annotations/CommentsDrawer.tsx';
import { openThreads } from '../annotations/threadQueries.ts';
import { useAddNote } from '../annotations/useAddNote.ts';
import { useMyPermissions } from '../annotations/useMyPermissions.ts';
import { BalanceDrawer } from '../giveTake/BalanceDrawer.tsx';
import { HealthDrawer } from './HealthDrawer.tsx';
import { HealthColourToggles } from './HealthColourToggles.tsx';
import { useHealthColouring } from './useHealthColouring.ts';
import { InsightsPanel } from '../insight/panel/InsightsPanel.tsx';
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

/**
 * The session bar at the bottom of the map: add a note, the network's figures (insights), the open
 * comments, the health table, the give-and-take balance, and "Colour by health"
 * (a local view option). Each list opens in a drawer over the right of the map.
 */
export const BoardInsights = memo(function BoardInsights() {
  const t = useT();
  const language = useLanguage();
  const [drawer, setDrawer] = useState<Drawer | null>(null);
  const count = useBoardView(openThreadCount);
  const health = useHealthColouring();
  const isFacilitator = useBoardViewContext().session.role === 'facilitator';
  const { permissions } = useMyPermissions();
  const addNote = useAddNote();
  const toggle = (which: Drawer): void => setDrawer(drawer === which ? null : which);

  const drawerButton = (which: Drawer, label: string, hint: MessageKey) => (
    <button
      type="button"
      className="ip-insights__button"
      aria-pressed={drawer === which}
      aria-controls={drawer === null ? undefined : 'ip-insights-drawer'}
      title={t(hint)}
      data-testid={`open-${which}`}
      onClick={() => toggle(which)}
    >
      {label}
    </button>
  );

  return (
    <>
      <OverflowRow
        className="ip-insights"
        trackClassName="ip-insights__track"
        mapOverlay
        menuClassName="ip-overflow__more--up"
        role="toolbar"
        label={t('health.section')}
        moreLabel={t('common.more')}
        measureKey={`${language}|${String(permissions.comment)}`}
        items={[
          ...(permissions.comment
            ? [
                {
                  key: 'note',
                  node: (
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
                  ),
                },
              ]
            : []),
          { key: 'insights', node: drawerButton('insights', t('insight.panel'), 'insight.panelHint') },
          {
            key: 'comments',
            node: drawerButton(
              'comments',
              t('annotations.drawerButton', { count }),
              'annotations.drawerHint',
            ),
          },
          { key: 'health', node: drawerButton('health', t('health.table'), 'health.tableHint') },
          { key: 'balance', node: drawerButton('balance', t('giveTake.balance'), 'giveTake.balanceHint') },
          {
            key: 'colour',
            node: <HealthColourToggles health={health} isFacilitator={isFacilitator} />,
          },
        ]}
      />
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
