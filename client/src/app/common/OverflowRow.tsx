import { useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useDismissableDetails } from './useDismissableDetails.ts';
import { MAP_OVERLAY_ATTRIBUTE } from '../../canvas/fitPadding.ts';
import './overflowRow.css';

export interface OverflowItem {
  readonly key: string;
  readonly node: ReactNode;
}

/** Room kept for the "More" button when some items go into its menu. */
const MORE_WIDTH = 96;

/** How many leading items fit in `available` px, given each item's width (gap included). */
export function itemsThatFit(widths: readonly number[], available: number, moreWidth = MORE_WIDTH): number {
  const total = widths.reduce((sum, width) => sum + width, 0);
  if (total <= available) return widths.length;
  let used = moreWidth;
  let count = 0;
  for (const width of widths) {
    if (used + width > available) break;
    used += width;
    count += 1;
  }
  return count;
}

/**
 * A bar that stays on one row: the items that do not fit go, in order, into a
 * "More" menu at its end (a `<details>` that closes on Escape and outside
 * clicks). The outer element is the room the bar may take (it should be as wide
 * as that room); the track inside it holds the items and may be narrower.
 * Widths are measured with every item in the row, again whenever `measureKey`
 * changes (the language, what the items are).
 */
export function OverflowRow({
  items,
  moreLabel,
  measureKey,
  className,
  trackClassName,
  menuClassName = '',
  label,
  role,
  mapOverlay = false,
}: {
  items: readonly OverflowItem[];
  moreLabel: string;
  measureKey: string;
  className: string;
  trackClassName: string;
  /** E.g. a modifier that opens the menu upwards. */
  menuClassName?: string;
  /** The track's accessible name and role (e.g. a toolbar). */
  label?: string;
  role?: string;
  /** The bar floats over the map: a fit keeps the cards clear of it (`MAP_OVERLAY_ATTRIBUTE`). */
  mapOverlay?: boolean;
}) {
  const room = useRef<HTMLDivElement | null>(null);
  const track = useRef<HTMLDivElement | null>(null);
  const widths = useRef(new Map<string, number>());
  const [shown, setShown] = useState<{ key: string; count: number }>({ key: '', count: items.length });
  const menu = useDismissableDetails();
  // A new measureKey shows every item again, so all are measured before any goes into the menu.
  const count = shown.key === measureKey ? shown.count : items.length;
  const keys = items.map((item) => item.key).join('|');

  useLayoutEffect(() => {
    const outer = room.current;
    const inner = track.current;
    if (!outer || !inner) return;
    const fit = (): void => {
      const style = getComputedStyle(inner);
      const gap = Number.parseFloat(style.columnGap) || 0;
      for (const child of inner.querySelectorAll<HTMLElement>(':scope > [data-overflow-key]')) {
        widths.current.set(child.dataset.overflowKey ?? '', child.offsetWidth + gap);
      }
      const known = keys.split('|').map((key) => widths.current.get(key) ?? 0);
      const chrome =
        Number.parseFloat(style.paddingLeft) +
        Number.parseFloat(style.paddingRight) +
        Number.parseFloat(style.borderLeftWidth) +
        Number.parseFloat(style.borderRightWidth);
      const next = itemsThatFit(known, outer.clientWidth - chrome);
      setShown((previous) =>
        previous.key === measureKey && previous.count === next ? previous : { key: measureKey, count: next },
      );
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(outer);
    return () => observer.disconnect();
  }, [keys, measureKey]);

  const rest = items.slice(count);
  return (
    <div className={`ip-overflow ${className}`} ref={room}>
      <div
        className={`ip-overflow__track ${trackClassName}`}
        ref={track}
        role={role}
        aria-label={label}
        {...(mapOverlay ? { [MAP_OVERLAY_ATTRIBUTE]: '' } : {})}
      >
        {items.slice(0, count).map((item) => (
          <div key={item.key} className="ip-overflow__item" data-overflow-key={item.key}>
            {item.node}
          </div>
        ))}
        {rest.length > 0 && (
          <details ref={menu} className={`ip-overflow__more ${menuClassName}`}>
            <summary className="ip-overflow__summary" data-testid="overflow-more">
              {moreLabel} <span aria-hidden="true">▾</span>
            </summary>
            {/* A button chosen in the menu closes it, as a menu does (a nested popover's summary is no button). */}
            <div
              className="ip-overflow__menu"
              onClick={(event) => {
                if (menu.current && (event.target as Element).closest('button')) menu.current.open = false;
              }}
            >
              {rest.map((item) => (
                <div key={item.key} className="ip-overflow__item">
                  {item.node}
                </div>
              ))}
            </div>
          </details>
        )}
      </div>
    </div>
  );
}
