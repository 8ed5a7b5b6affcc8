import { useCallback } from 'react';
import type { ReactNode } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { BoardSnapshot } from '@interplay/shared';
import { useT } from '../../i18n/index.ts';
import { useBoardViewContext } from '../../canvas/BoardViewContext.ts';
import { useInsight, useInsightStore } from '../InsightContext.ts';
import { highlightedNodes } from '../view/neighbourhood.ts';

const sameIds = (a: readonly string[] | null, b: readonly string[]): boolean =>
  a !== null && a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * Highlights ids on the map (everything else fades) and brings them into view; the same ids again turn
 * the highlight off.
 */
export function useShowOnMap(): (ids: readonly string[]) => void {
  const insight = useInsightStore();
  const { store } = useBoardViewContext();
  const { fitView } = useReactFlow();
  return useCallback(
    (ids) => {
      const { view, setHighlight } = insight.getState();
      if (sameIds(view.highlight, ids)) {
        setHighlight(null);
        return;
      }
      setHighlight(ids);
      const nodes = [...highlightedNodes(store.getState().snapshot as BoardSnapshot, ids)];
      if (nodes.length > 0) {
        // Clear of the drawer this row is in (over the right of the map) and of the bars at the top.
        const drawer = document.getElementById('ip-insights-drawer')?.getBoundingClientRect().width ?? 0;
        const right: `${number}px` = `${Math.round(drawer) + 40}px`;
        const padding = { top: '170px', bottom: '80px', left: '40px', right } as const;
        void fitView({ nodes: nodes.map((id) => ({ id })), padding, maxZoom: 1.1, duration: 400 });
      }
    },
    [insight, store, fitView],
  );
}

/** One row of a figure: its words, its number, and a button that highlights its items on the map. */
export function FigureRow({
  ids,
  label,
  value,
  swatch,
  children,
}: {
  ids: readonly string[];
  label: string;
  value?: ReactNode;
  swatch?: string;
  children?: ReactNode;
}) {
  const t = useT();
  const show = useShowOnMap();
  const lit = useInsight((s) => sameIds(s.view.highlight, ids));
  return (
    <li className="ip-figure__row" data-testid="figure-row">
      <button
        type="button"
        className="ip-figure__button"
        aria-pressed={lit}
        aria-label={t('insight.rowHint', { label })}
        title={t('insight.rowHint', { label })}
        onClick={() => show(ids)}
      >
        {swatch && <span className="ip-figure__swatch" style={{ background: swatch }} aria-hidden="true" />}
        <span className="ip-figure__label">{label}</span>
        {value !== undefined && <span className="ip-figure__value">{value}</span>}
      </button>
      {children}
    </li>
  );
}

/** One figure: its title, its sentence, and its rows (or "None"). */
export function FigureSection({
  id,
  title,
  help,
  children,
  empty,
}: {
  id: string;
  title: string;
  help: string;
  children: ReactNode;
  empty?: boolean;
}) {
  const t = useT();
  return (
    <section className="ip-figure" aria-labelledby={`ip-figure-${id}`} data-testid={`figure-${id}`}>
      <h3 id={`ip-figure-${id}`}>{title}</h3>
      <p className="ip-figure__help">{help}</p>
      {empty ? <p className="ip-muted">{t('insight.none')}</p> : children}
    </section>
  );
}

/** A list of at most `limit` rows, then "+n more". */
export function RowList<T>({
  items,
  limit = 10,
  row,
}: {
  items: readonly T[];
  limit?: number;
  row: (item: T, index: number) => ReactNode;
}) {
  const t = useT();
  return (
    <ul className="ip-figure__rows">
      {items.slice(0, limit).map(row)}
      {items.length > limit && (
        <li className="ip-muted">{t('insight.more', { count: items.length - limit })}</li>
      )}
    </ul>
  );
}
