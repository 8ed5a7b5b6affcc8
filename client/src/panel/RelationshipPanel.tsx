import { FORMS, MAX_NOTES_LENGTH, RELATIONSHIP_KINDS } from '@interplay/shared';
import type {
  CollaborationForm,
  Direction,
  Relationship,
  RelationshipKind,
  RelationshipPatch,
  Strength,
} from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { useBoardView } from '../canvas/BoardViewContext.ts';
import { useBoardActions } from '../canvas/editing/useBoardActions.ts';
import { selectSnapshot } from '../canvas/view/selectors.ts';
import { KIND_COLOURS } from '../theme/relationshipStyle.ts';
import { DeleteButton } from './DeleteButton.tsx';
import { DraftField, PanelSection, SelectField } from './fields.tsx';
import { HealthSection } from '../health/HealthSection.tsx';

const STRENGTHS: readonly Strength[] = [1, 2, 3, 4, 5];
const DIRECTIONS: readonly Direction[] = ['none', 'oneWay', 'bothWays'];

/** Every field of a relationship: its ends, strength, kind, form, direction, notes and last check. */
export function RelationshipPanel({ relationship }: { relationship: Relationship }) {
  const t = useT();
  const actions = useBoardActions();
  const snapshot = useBoardView(selectSnapshot);
  const nameOf = (id: string): string =>
    snapshot.organisations.get(id as never)?.name ?? snapshot.people.get(id as never)?.name ?? '?';
  const update = (patch: RelationshipPatch): void => actions.updateRelationship(relationship.id, patch);
  const arrow = relationship.direction === 'bothWays' ? '↔' : relationship.direction === 'oneWay' ? '→' : '—';

  return (
    <PanelSection title={t('panel.relationship')} colour={KIND_COLOURS[relationship.kind]}>
      <div className="ip-field">
        <span className="ip-field__label">{t('panel.ends')}</span>
        <p className="ip-panel__ends" data-testid="panel-ends">
          <strong>{nameOf(relationship.source)}</strong> {arrow}{' '}
          <strong>{nameOf(relationship.target)}</strong>
        </p>
        <button
          type="button"
          className="ip-button"
          data-testid="panel-swap-direction"
          onClick={() => actions.reverseRelationship(relationship.id)}
        >
          {t('panel.swapDirection')}
        </button>
      </div>
      <div className="ip-field" role="group" aria-label={t('panel.strength')}>
        <span className="ip-field__label">{t('panel.strength')}</span>
        <div className="ip-segmented">
          {STRENGTHS.map((strength) => (
            <button
              key={strength}
              type="button"
              aria-pressed={relationship.strength === strength}
              aria-label={t('panel.strengthValue', { n: strength })}
              title={t('panel.strengthValue', { n: strength })}
              data-testid={`strength-${strength}`}
              onClick={() => actions.setStrength(relationship.id, strength)}
            >
              {strength}
            </button>
          ))}
        </div>
      </div>
      <SelectField<RelationshipKind>
        label={t('panel.kind')}
        value={relationship.kind}
        options={RELATIONSHIP_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
        onChange={(kind) => update({ kind })}
        testId="panel-kind"
      />
      <SelectField<CollaborationForm>
        label={t('panel.form')}
        value={relationship.form}
        options={FORMS.map((form) => ({
          value: form,
          label: `${t(`form.${form}`)} — ${t(`form.${form}Help`)}`,
        }))}
        onChange={(form) => update({ form })}
        testId="panel-form"
      />
      <SelectField<Direction>
        label={t('panel.direction')}
        value={relationship.direction}
        options={DIRECTIONS.map((direction) => ({ value: direction, label: t(`direction.${direction}`) }))}
        onChange={(direction) => update({ direction })}
        testId="panel-direction"
      />
      <DraftField
        label={t('panel.notes')}
        value={relationship.notes}
        multiline
        maxLength={MAX_NOTES_LENGTH}
        onCommit={(notes) => update({ notes })}
      />
      <HealthSection relationship={relationship} />
      <DeleteButton ids={[relationship.id]} />
    </PanelSection>
  );
}
