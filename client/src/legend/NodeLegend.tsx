import { ROLES, SECTORS } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { RoleBadge } from '../canvas/nodes/RoleBadge.tsx';
import { OUTSIDER_FRAME } from '../canvas/projects/projectAreaLayout.ts';
import { SectorItem } from './LegendItems.tsx';

/** The legend's column for nodes and projects: sector colours and icons, role badges, project areas. */
export function NodeLegend() {
  const t = useT();
  return (
    <div className="ip-legend__column">
      <h3>{t('legend.sectors')}</h3>
      <ul className="ip-legend__grid">
        {SECTORS.map((sector) => (
          <SectorItem key={sector} sector={sector} />
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
          <svg width="56" height="26" viewBox="0 0 56 26" aria-hidden="true">
            <rect
              x="2"
              y="2"
              width="52"
              height="22"
              rx="9"
              fill="#6d28d9"
              fillOpacity="0.13"
              stroke="#6d28d9"
              strokeOpacity="0.55"
              strokeWidth="2"
            />
            <rect
              x="12"
              y="7"
              width="32"
              height="12"
              rx="4"
              fill={OUTSIDER_FRAME.fill}
              fillOpacity={OUTSIDER_FRAME.fillOpacity}
              strokeOpacity={OUTSIDER_FRAME.strokeOpacity}
              stroke="#6d28d9"
              strokeWidth="1.5"
              strokeDasharray="4 3"
            />
          </svg>
          {t('legend.projectOutsider')}
        </li>
        <li>
          <svg width="56" height="18" viewBox="0 0 56 18" aria-hidden="true">
            <line x1="4" y1="9" x2="52" y2="9" stroke="#64748b" strokeWidth="1.5" strokeDasharray="5 4" />
          </svg>
          {t('legend.personLink')}
        </li>
      </ul>
    </div>
  );
}
