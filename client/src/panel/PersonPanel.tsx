import { MAX_NAME_LENGTH, MAX_NOTES_LENGTH, ROLES } from '@interplay/shared';
import type { OrganisationId, Person, PersonPatch, Role } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { useBoardView } from '../canvas/BoardViewContext.ts';
import { useBoardActions } from '../canvas/editing/useBoardActions.ts';
import { useMapContext } from '../canvas/MapContext.ts';
import { RoleBadge } from '../canvas/nodes/RoleBadge.tsx';
import { selectOrganisations } from '../canvas/view/selectors.ts';
import { PurgePersonButton } from '../privacy/PurgePersonButton.tsx';
import { DeleteButton } from './DeleteButton.tsx';
import { DraftField, PanelSection, SelectField } from './fields.tsx';

const NO_ORGANISATION = '';

/** Every field of a person: name, organisation, network roles, notes. */
export function PersonPanel({ person }: { person: Person }) {
  const t = useT();
  const actions = useBoardActions();
  const organisations = useBoardView(selectOrganisations);
  // The anonymised view holds no notes on people: no empty field for them.
  const anonymous = useMapContext().permissions.role === 'anonymous';
  const update = (patch: PersonPatch): void => actions.updatePerson(person.id, patch);
  const toggleRole = (role: Role, on: boolean): void => {
    const roles = on ? [...person.roles, role] : person.roles.filter((r) => r !== role);
    update({ roles });
  };
  const options = [
    { value: NO_ORGANISATION, label: t('panel.noOrganisation') },
    ...[...organisations.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((o) => ({ value: o.id as string, label: o.name })),
  ];
  return (
    <PanelSection title={t('panel.person')}>
      <DraftField
        label={t('panel.name')}
        value={person.name}
        maxLength={MAX_NAME_LENGTH}
        onCommit={(name) => update({ name })}
        testId="panel-name"
      />
      <SelectField
        label={t('panel.personOrganisation')}
        value={person.organisationId ?? NO_ORGANISATION}
        options={options}
        onChange={(value) =>
          update({ organisationId: value === NO_ORGANISATION ? null : (value as OrganisationId) })
        }
        testId="panel-person-organisation"
      />
      <fieldset className="ip-field ip-roles">
        <legend>{t('panel.roles')}</legend>
        {ROLES.map((role) => (
          <label key={role} className="ip-check">
            <input
              type="checkbox"
              checked={person.roles.includes(role)}
              onChange={(event) => toggleRole(role, event.currentTarget.checked)}
              data-testid={`role-${role}`}
            />
            <RoleBadge role={role} label={t(`roleBadge.${role}`)} size={18} />
            {t(`roleBadge.${role}`)}
          </label>
        ))}
      </fieldset>
      {!anonymous && (
        <DraftField
          label={t('panel.notes')}
          value={person.notes}
          multiline
          maxLength={MAX_NOTES_LENGTH}
          onCommit={(notes) => update({ notes })}
        />
      )}
      <DeleteButton ids={[person.id]} />
      <PurgePersonButton person={person} />
    </PanelSection>
  );
}
