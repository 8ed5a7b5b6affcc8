import { memo } from 'react';
import {
  GIVE_TAKE_LEVELS,
  GIVE_TAKE_RESOURCES,
  GIVE_TAKE_SIDES,
  giveTakeOf,
  refusalReason,
} from '@interplay/shared';
import type { GiveTakeResource, GiveTakeSide, Organisation } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { useBoardView, useBoardViewContext } from '../canvas/BoardViewContext.ts';
import { useBoardActions } from '../canvas/editing/useBoardActions.ts';
import { useMyPermissions } from '../annotations/useMyPermissions.ts';
import './giveTake.css';

const REFUSALS: Record<string, MessageKey> = {
  viewer: 'giveTake.refused.viewer',
  boardLocked: 'giveTake.refused.boardLocked',
  phase: 'giveTake.refused.phase',
};

export const resourceKey = (resource: GiveTakeResource): MessageKey =>
  `giveTake.resource.${resource}` as MessageKey;
/** Compact marks for the levels (the full words are in each button's accessible name and tooltip). */
const LEVEL_MARKS = { none: '–', some: '+', much: '++' } as const;

const sideKey = (side: GiveTakeSide): MessageKey => `giveTake.${side}` as MessageKey;

/**
 * What an organisation brings and takes, per resource (money, staff,
 * clients, position, power, knowledge), each none / some / much. Counts as
 * scoring: open in the open and scoring phases only.
 */
export const GiveTakeSection = memo(function GiveTakeSection({
  organisation,
}: {
  organisation: Organisation;
}) {
  const t = useT();
  const { session } = useBoardViewContext();
  const actions = useBoardActions();
  const giveTake = useBoardView((s) => giveTakeOf(s.snapshot, organisation.id));
  const { settings } = useMyPermissions();
  const reason = refusalReason(session.role, settings, 'score');

  return (
    <section className="ip-give-take" data-testid="give-take-section" aria-labelledby="ip-give-take-title">
      <h3 id="ip-give-take-title" className="ip-give-take__title">
        {t('giveTake.section')}
      </h3>
      <p className="ip-field__hint">{t('giveTake.help')}</p>
      <p className="ip-give-take__key" aria-hidden="true">
        {t('giveTake.key')}
      </p>
      {reason !== null && (
        <p className="ip-health__refused" role="note" data-testid="give-take-refused">
          {t(REFUSALS[reason] ?? 'giveTake.refused.phase')}
        </p>
      )}
      <table className="ip-give-take__grid">
        <thead>
          <tr>
            <td />
            {GIVE_TAKE_SIDES.map((side) => (
              <th key={side} scope="col">
                {t(sideKey(side))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {GIVE_TAKE_RESOURCES.map((resource) => (
            <tr key={resource}>
              <th scope="row">{t(resourceKey(resource))}</th>
              {GIVE_TAKE_SIDES.map((side) => (
                <td key={side}>
                  <div
                    className="ip-segmented ip-give-take__levels"
                    role="group"
                    aria-label={`${t(resourceKey(resource))}: ${t(sideKey(side))}`}
                  >
                    {GIVE_TAKE_LEVELS.map((level) => {
                      const label = t('giveTake.cell', {
                        resource: t(resourceKey(resource)),
                        side: t(sideKey(side)).toLowerCase(),
                        level: t(`giveTake.level.${level}`),
                      });
                      return (
                        <button
                          key={level}
                          type="button"
                          disabled={reason !== null}
                          aria-pressed={giveTake[resource][side] === level}
                          aria-label={label}
                          title={label}
                          data-level={level}
                          data-testid={`give-take-${resource}-${side}-${level}`}
                          onClick={() => actions.setGiveTake(organisation.id, resource, side, level)}
                        >
                          {LEVEL_MARKS[level]}
                        </button>
                      );
                    })}
                  </div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
});
