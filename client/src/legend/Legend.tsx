import { memo, useState } from 'react';
import { FORMS, RELATIONSHIP_KINDS, ROLES, SECTORS } from '@interplay/shared';
import type { Direction, Strength } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { SectorIcon } from '../canvas/nodes/SectorIcon.tsx';
import { RoleBadge } from '../canvas/nodes/RoleBadge.tsx';
import { directionMarkers, formDashArray, KIND_COLOURS, strengthWidth } from '../theme/relationshipStyle.ts';
import { SECTOR_COLOURS } from '../theme/sectors.ts';
import './legend.css';

const STRENGTHS: readonly Strength[] = [1, 2, 3, 4, 5];
const DIRECTIONS: readonly Direction[] = ['none', 'oneWay', 'bothWays'];

/** A short sample line in the legend. */
function Line({
  colour,
  width,
  dash,
  direction = 'none',
}: {
  colour: string;
  width: number;
  dash?: string | undefined;
  direction?: Direction;
}) {
  const markers = directionMarkers(direction);
  return (
    <svg className="ip-legend__line" width="56" height="18" viewBox="0 0 56 18" aria-hidden="true">
      <line
        x1={markers.start ? 12 : 4}
        y1="9"
        x2={markers.end ? 44 : 52}
        y2="9"
        stroke={colour}
        strokeWidth={width}
        strokeDasharray={dash}
        strokeLinecap="round"
      />
      {markers.end && <polygon points="54,9 43,3.5 43,14.5" fill={colour} />}
      {markers.start && <polygon points="2,9 13,3.5 13,14.5" fill={colour} />}
    </svg>
  );
}

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
          <div className="ip-legend__column">
            <h3>{t('legend.sectors')}</h3>
            <ul className="ip-legend__grid">
              {SECTORS.map((sector) => (
                <li key={sector}>
                  <span className="ip-legend__sector" style={{ background: SECTOR_COLOURS[sector] }}>
                    <SectorIcon sector={sector} size={16} />
                  </span>
                  {t(`sector.${sector}`)}
                </li>
              ))}
            </ul>
            <h3>{t('legend.roles')}</h3>
            <ul>
              {ROLES.map((role) => (
                <li key={role}>
                  <RoleBadge role={role} label={t(`roleBadge.${role}`)} size={20} />
                  <span>
                    <strong>{t(`roleBadge.${role}`)}</strong> — {t(`roleBadge.${role}Help`)}
                  </span>
                </li>
              ))}
            </ul>
            <h3>{t('legend.projects')}</h3>
            <ul>
              <li>
                <svg width="56" height="26" viewBox="0 0 56 26" aria-hidden="true">
                  <rect
                    x="2"
                    y="2"
                    width="34"
                    height="22"
                    rx="9"
                    fill="#3b82f6"
                    fillOpacity="0.18"
                    stroke="#3b82f6"
                    strokeOpacity="0.6"
                    strokeWidth="2"
                  />
                  <rect
                    x="20"
                    y="2"
                    width="34"
                    height="22"
                    rx="9"
                    fill="#f59e0b"
                    fillOpacity="0.18"
                    stroke="#f59e0b"
                    strokeOpacity="0.6"
                    strokeWidth="2"
                  />
                </svg>
                {t('legend.projectArea')}
              </li>
              <li>
                <svg width="56" height="18" viewBox="0 0 56 18" aria-hidden="true">
                  <line
                    x1="4"
                    y1="9"
                    x2="52"
                    y2="9"
                    stroke="#64748b"
                    strokeWidth="1.5"
                    strokeDasharray="5 4"
                  />
                </svg>
                {t('legend.personLink')}
              </li>
            </ul>
          </div>
          <div className="ip-legend__column">
            <h3>{t('legend.kinds')}</h3>
            <ul>
              {RELATIONSHIP_KINDS.map((kind) => (
                <li key={kind}>
                  <Line colour={KIND_COLOURS[kind]} width={4} />
                  {t(`kind.${kind}`)}
                </li>
              ))}
            </ul>
            <h3>{t('legend.forms')}</h3>
            <ul>
              {FORMS.map((form) => (
                <li key={form}>
                  <Line colour="#334155" width={3.5} dash={formDashArray(form, 3.5)} />
                  <span>
                    <strong>{t(`form.${form}`)}</strong> — {t(`form.${form}Help`)}
                  </span>
                </li>
              ))}
            </ul>
            <h3>{t('legend.strength')}</h3>
            <ul className="ip-legend__row">
              {STRENGTHS.map((strength) => (
                <li key={strength}>
                  <Line colour="#334155" width={strengthWidth(strength)} />
                  {strength}
                </li>
              ))}
            </ul>
            <h3>{t('legend.directions')}</h3>
            <ul className="ip-legend__row">
              {DIRECTIONS.map((direction) => (
                <li key={direction}>
                  <Line colour="#334155" width={2.5} direction={direction} />
                  {t(`direction.${direction}`)}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </section>
  );
});
