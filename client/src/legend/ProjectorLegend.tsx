import { memo } from 'react';
import { FORMS, RELATIONSHIP_KINDS, ROLES, SECTORS } from '@interplay/shared';
import type { BoardSnapshot, Strength } from '@interplay/shared';
import { useMapView } from '../canvas/MapContext.ts';
import { RoleBadge } from '../canvas/nodes/RoleBadge.tsx';
import { useT } from '../i18n/index.ts';
import { formDashArray, KIND_COLOURS } from '../theme/relationshipStyle.ts';
import { HealthScale } from './HealthScale.tsx';
import { LegendLine } from './LegendLine.tsx';
import { SectorItem, StrengthItems } from './LegendItems.tsx';
import './legend.css';

const STRENGTHS: readonly Strength[] = [1, 3, 5];

/** What the board uses, so the projector's legend lists only that (in the fixed order of the full legend). */
function usedOnBoard(snapshot: BoardSnapshot) {
  const sectors = new Set([...snapshot.organisations.values()].map((o) => o.sector));
  const kinds = new Set([...snapshot.relationships.values()].map((r) => r.kind));
  const forms = new Set([...snapshot.relationships.values()].map((r) => r.form));
  const roles = new Set([...snapshot.people.values()].flatMap((p) => p.roles));
  return {
    sectors: SECTORS.filter((s) => sectors.has(s)),
    kinds: RELATIONSHIP_KINDS.filter((k) => kinds.has(k)),
    forms: FORMS.filter((f) => forms.has(f)),
    roles: ROLES.filter((r) => roles.has(r)),
  };
}

/**
 * The legend of present mode: one short column for the projector, naming only
 * the sectors, roles, kinds and forms this board uses, and the health scale
 * instead of the kinds while the map colours lines by health.
 */
export const ProjectorLegend = memo(function ProjectorLegend() {
  const t = useT();
  const snapshot = useMapView((s) => s.snapshot);
  const byHealth = useMapView((s) => s.colourByHealth);
  const used = usedOnBoard(snapshot);
  return (
    <section className="ip-projector-legend" aria-label={t('legend.title')} data-testid="projector-legend">
      {used.sectors.length > 0 && (
        <ul>
          {used.sectors.map((sector) => (
            <SectorItem key={sector} sector={sector} />
          ))}
        </ul>
      )}
      {used.roles.length > 0 && (
        <ul>
          {used.roles.map((role) => (
            <li key={role}>
              <RoleBadge role={role} label={t(`roleBadge.${role}`)} size={22} />
              {t(`roleBadge.${role}`)}
            </li>
          ))}
        </ul>
      )}
      {byHealth ? (
        <HealthScale />
      ) : (
        used.kinds.length > 0 && (
          <ul>
            {used.kinds.map((kind) => (
              <li key={kind}>
                <LegendLine colour={KIND_COLOURS[kind]} width={4} />
                {t(`kind.${kind}`)}
              </li>
            ))}
          </ul>
        )
      )}
      {used.forms.length > 0 && (
        <ul>
          {used.forms.map((form) => (
            <li key={form}>
              <LegendLine colour="#334155" width={3.5} dash={formDashArray(form, 3.5)} />
              {t(`form.${form}`)}
            </li>
          ))}
        </ul>
      )}
      {used.kinds.length > 0 && (
        <div className="ip-projector-legend__strength">
          <span>{t('legend.strength')}</span>
          <StrengthItems strengths={STRENGTHS} className="ip-projector-legend__strengths" />
        </div>
      )}
    </section>
  );
});
