import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useT } from '../../i18n/index.ts';
import { useBoardView } from '../../canvas/BoardViewContext.ts';
import { selectSnapshot } from '../../canvas/view/selectors.ts';
import { useJumpTo } from '../../annotations/useJumpTo.ts';
import { searchBoard } from './searchBoard.ts';
import type { SearchHit } from './searchBoard.ts';
import { useSearchShortcut } from './useSearchShortcut.ts';

/**
 * The map's search box (Ctrl/Cmd+F or `/` to focus): a list of what matches as you type; choosing a result
 * (click, or arrows and Enter; Enter alone takes the first) selects it and moves the map to it.
 */
export function SearchBox() {
  const t = useT();
  const snapshot = useBoardView(selectSnapshot);
  const jumpTo = useJumpTo();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  useSearchShortcut(input);
  const hits = useMemo(() => (query.trim() === '' ? [] : searchBoard(snapshot, query)), [snapshot, query]);
  useEffect(() => setActive(0), [query]);

  const choose = (hit: SearchHit | undefined): void => {
    if (!hit) return;
    jumpTo(hit.id);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (hits.length === 0 ? 0 : (index + step + hits.length) % hits.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(hits[active] ?? hits[0]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (open && query !== '') setOpen(false);
      else {
        setQuery('');
        input.current?.blur();
      }
    }
  };
  const showList = open && query.trim() !== '';

  return (
    <div className="ip-search" data-testid="search">
      <input
        ref={input}
        type="search"
        className="ip-search__input"
        aria-label={t('insight.search')}
        placeholder={t('insight.searchPlaceholder')}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul className="ip-search__results" id={listId} role="listbox" aria-label={t('insight.searchResults')}>
          {hits.length === 0 && <li className="ip-search__none">{t('insight.searchNone', { query })}</li>}
          {hits.map((hit, index) => (
            <li
              key={hit.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="ip-search__hit"
              data-testid="search-hit"
              // Chosen on mouse down: the input's blur (which closes the list) comes after it.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(hit);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span className="ip-search__name">{hit.name}</span>
              <span className="ip-search__kind">
                {t(`insight.searchKind.${hit.kind}`)}
                {hit.field !== 'name' && hit.context !== null && (
                  <> · {t(`insight.searchIn.${hit.field}`, { text: hit.context })}</>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
