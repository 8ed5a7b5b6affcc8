import { memo } from 'react';
import { GIVE_TAKE_RESOURCES, giveTakeBalance } from '@interplay/shared';
import type { BoardSnapshot, GiveTakeBalance, Organisation } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { useBoardView } from '../canvas/BoardViewContext.ts';
import { useJumpTo } from '../annotations/useJumpTo.ts';
import { SECTOR_COLOURS } from '../theme/sectors.ts';

/** The most one side can reach: six resources × "much" (2). */
const MAX_SIDE = GIVE_TAKE_RESOURCES.length * 2;
/** A difference of this much (e.g. two resources "much" more) counts as "far more". */
export const IMBALANCE_THRESHOLD = 4;

interface BalanceRow {
  organisation: Organisation;
  balance: GiveTakeBalance;
}

/** Organisations that filled in give and take, most bringing first; and those that did not. */
export function balanceRows(snapshot: BoardSnapshot): { rows: BalanceRow[]; missing: Organisation[] } {
  const rows: BalanceRow[] = [];
  const missing: Organisation[] = [];
  for (const organisation of snapshot.organisations.values()) {
    const giveTake = snapshot.giveTake.get(organisation.id);
    if (!giveTake) missing.push(organisation);
    else rows.push({ organisation, balance: giveTakeBalance(giveTake) });
  }
  rows.sort(
    (a, b) => b.balance.balance - a.balance.balance || a.organisation.name.localeCompare(b.organisation.name),
  );
  return { rows, missing };
}

/**
 * The balance view: per organisation a diverging bar, takes to the left and
 * brings to the right of a centre line, flagged when one side is far larger.
 */
export const BalanceDrawer = memo(function BalanceDrawer() {
  const t = useT();
  const snapshot = useBoardView((s) => s.snapshot);
  const jumpTo = useJumpTo();
  const { rows, missing } = balanceRows(snapshot);
  const percent = (value: number): string => `${(value / MAX_SIDE) * 50}%`;

  return (
    <div className="ip-balance" data-testid="balance-drawer">
      <p className="ip-field__hint">{t('giveTake.balanceHelp')}</p>
      {rows.length === 0 ? (
        <p className="ip-muted">{t('giveTake.balanceEmpty')}</p>
      ) : (
        <>
          <div className="ip-balance__axis" aria-hidden="true">
            <span>← {t('giveTake.takes')}</span>
            <span>{t('giveTake.brings')} →</span>
          </div>
          <ul className="ip-balance__list">
            {rows.map(({ organisation, balance }) => {
              const flag =
                balance.balance >= IMBALANCE_THRESHOLD
                  ? 'bringsMore'
                  : balance.balance <= -IMBALANCE_THRESHOLD
                    ? 'takesMore'
                    : null;
              const label = t('giveTake.row', {
                name: organisation.name,
                brings: balance.brings,
                takes: balance.takes,
              });
              return (
                <li
                  key={organisation.id}
                  className="ip-balance__row"
                  data-testid="balance-row"
                  data-brings={balance.brings}
                  data-takes={balance.takes}
                  data-flag={flag ?? undefined}
                >
                  <button
                    type="button"
                    className="ip-link-button ip-balance__name"
                    aria-label={label}
                    onClick={() => jumpTo(organisation.id)}
                  >
                    <span
                      className="ip-balance__swatch"
                      style={{ background: SECTOR_COLOURS[organisation.sector] }}
                      aria-hidden="true"
                    />
                    {organisation.name}
                  </button>
                  <div className="ip-balance__bar" role="img" aria-label={label}>
                    <span className="ip-balance__centre" />
                    <span
                      className="ip-balance__takes"
                      style={{ width: percent(balance.takes) }}
                      data-value={balance.takes}
                    />
                    <span
                      className="ip-balance__brings"
                      style={{ width: percent(balance.brings) }}
                      data-value={balance.brings}
                    />
                    <span className="ip-balance__num ip-balance__num--takes">{balance.takes}</span>
                    <span className="ip-balance__num ip-balance__num--brings">{balance.brings}</span>
                  </div>
                  {flag && (
                    <span className={`ip-balance__flag ip-balance__flag--${flag}`} data-testid="balance-flag">
                      ⚠ {t(`giveTake.${flag}`)}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {missing.length > 0 && (
        <p className="ip-muted">
          {t('giveTake.notFilled', { names: missing.map((organisation) => organisation.name).join(', ') })}
        </p>
      )}
    </div>
  );
});
