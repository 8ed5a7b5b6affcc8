import { useState } from 'react';
import type { NodeId, OrganisationId, PersonId } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { useBoardView } from '../canvas/BoardViewContext.ts';
import { selectSelection, selectSnapshot } from '../canvas/view/selectors.ts';
import { useInsight, useInsightStore } from './InsightContext.ts';
import { FilterPanel } from './filter/FilterPanel.tsx';
import { filterChips } from './filter/filterChips.ts';
import { plural } from './plural.ts';
import type { PluralPhrase } from './plural.ts';
import { SearchBox } from './search/SearchBox.tsx';
import { SharedViewControl } from './SharedViewControl.tsx';
import './insight.css';
import { hasFilters } from './view/filters.ts';
import type { ShownCounts } from './view/insightView.ts';

const NOUNS: Record<keyof ShownCounts, PluralPhrase> = {
  organisations: 'insight.noun.organisation',
  people: 'insight.noun.person',
  relationships: 'insight.noun.relationship',
};

/**
 * The bar under the tool bar: search, the filter menu, a selected node's neighbours, and, while any of them
 * is on, the removable chips, what the map shows of how much, and fade or hide. Everything here is this
 * person's own view of the map.
 */
export function InsightBar() {
  const t = useT();
  const insight = useInsightStore();
  const view = useInsight((s) => s.view);
  const snapshot = useBoardView(selectSnapshot);
  const selection = useBoardView(selectSelection);
  const [filtering, setFiltering] = useState(false);
  const actions = insight.getState();
  const chipCount = filterChips(view.filters, snapshot, t).length;
  const selectedNode =
    selection.nodeIds.length === 1 ? (selection.nodeIds[0] as NodeId | undefined) : undefined;
  const anything = hasFilters(view.filters) || view.neighbourhood !== null || view.highlight !== null;

  return (
    <div className="ip-insight-bar" data-testid="insight-bar">
      <div className="ip-insight-bar__row">
        <SearchBox />
        <button
          type="button"
          className="ip-insight-bar__button"
          aria-expanded={filtering}
          aria-controls="ip-filter-panel"
          title={t('insight.filterHint')}
          data-testid="open-filters"
          onClick={() => setFiltering(!filtering)}
        >
          ▾ {t('insight.filter')}
          {chipCount > 0 && <span className="ip-insight-bar__count">{chipCount}</span>}
        </button>
        {(selectedNode || view.neighbourhood) && (
          <div className="ip-insight-bar__group" role="group" aria-label={t('insight.neighbourhood')}>
            <span className="ip-insight-bar__label" title={t('insight.neighbourhoodHint')}>
              {t('insight.neighbourhood')}
            </span>
            {([1, 2] as const).map((steps) => (
              <button
                key={steps}
                type="button"
                className="ip-insight-bar__button"
                title={t('insight.neighbourhoodHint')}
                disabled={!selectedNode && view.neighbourhood?.steps !== steps}
                aria-pressed={view.neighbourhood?.steps === steps}
                data-testid={`neighbours-${steps}`}
                onClick={() =>
                  actions.setNeighbourhood(
                    view.neighbourhood?.steps === steps &&
                      (!selectedNode || selectedNode === view.neighbourhood.nodeId)
                      ? null
                      : { nodeId: selectedNode ?? view.neighbourhood?.nodeId ?? '', steps },
                  )
                }
              >
                {t(`insight.steps.${steps}`)}
              </button>
            ))}
          </div>
        )}
      </div>
      <SharedViewControl />
      {filtering && (
        <div id="ip-filter-panel" className="ip-filter" role="group" aria-label={t('insight.filters')}>
          <FilterPanel filters={view.filters} snapshot={snapshot} onChange={(f) => actions.setFilters(f)} />
        </div>
      )}
      {anything && <ViewChips />}
    </div>
  );
}

/** The chips of what narrows the view, what the map shows of how much, fade or hide, and "Clear all". */
function ViewChips() {
  const t = useT();
  const insight = useInsightStore();
  const view = useInsight((s) => s.view);
  const counts = useInsight((s) => s.counts);
  const snapshot = useBoardView(selectSnapshot);
  const actions = insight.getState();
  const chips = filterChips(view.filters, snapshot, t);
  const nameOf = (id: string): string =>
    snapshot.organisations.get(id as OrganisationId)?.name ??
    snapshot.people.get(id as PersonId)?.name ??
    '?';
  const narrowed = hasFilters(view.filters) || view.neighbourhood !== null;
  return (
    <div className="ip-insight-bar__chips" data-testid="filter-chips">
      {chips.map((chip) => (
        <Chip key={chip.key} label={chip.label} onRemove={() => actions.setFilters(chip.without)} />
      ))}
      {view.neighbourhood && (
        <Chip
          label={t('insight.neighbourhoodChip', {
            name: nameOf(view.neighbourhood.nodeId),
            steps: t(`insight.steps.${view.neighbourhood.steps}`),
          })}
          onRemove={() => actions.setNeighbourhood(null)}
        />
      )}
      {view.highlight && (
        <Chip
          label={t('insight.highlightChip', { label: highlightLabel(view.highlight, nameOf) })}
          onRemove={() => actions.setHighlight(null)}
        />
      )}
      {narrowed && counts && (
        <span className="ip-insight-bar__shown" role="status" data-testid="shown-counts">
          {(Object.keys(NOUNS) as Array<keyof ShownCounts>)
            .map((kind) => {
              const [shown, total] = counts[kind];
              return t('insight.shownOf', { shown, total, noun: plural(t, NOUNS[kind], total) });
            })
            .join(' · ')}
        </span>
      )}
      {narrowed && (
        <span className="ip-insight-bar__mode" role="group" aria-label={t('insight.mode')}>
          {(['dim', 'hide'] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              className="ip-insight-bar__button"
              aria-pressed={view.mode === mode}
              data-testid={`mode-${mode}`}
              onClick={() => actions.setMode(mode)}
            >
              {t(`insight.mode.${mode}`)}
            </button>
          ))}
        </span>
      )}
      <button
        type="button"
        className="ip-insight-bar__button"
        data-testid="clear-view"
        onClick={() => actions.clearView()}
      >
        {t('insight.clear')}
      </button>
    </div>
  );
}

/** A highlight in a few words: the one thing's name, or the first names. */
function highlightLabel(ids: readonly string[], nameOf: (id: string) => string): string {
  const names = ids
    .slice(0, 2)
    .map(nameOf)
    .filter((name) => name !== '?');
  return names.length === 0
    ? String(ids.length)
    : names.join(', ') + (ids.length > 2 ? ` +${ids.length - 2}` : '');
}

function Chip({ label, onRemove }: { label: string; onRemove(): void }) {
  const t = useT();
  return (
    <span className="ip-chip" data-testid="filter-chip">
      {label}
      <button
        type="button"
        className="ip-chip__remove"
        aria-label={t('insight.chipRemove', { label })}
        title={t('insight.chipRemove', { label })}
        onClick={onRemove}
      >
        ×
      </button>
    </span>
  );
}
