import { SECTORS, MAX_NAME_LENGTH, MAX_NOTES_LENGTH } from '@interplay/shared';
import type { Organisation, OrganisationPatch, Sector } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { useBoardActions } from '../canvas/editing/useBoardActions.ts';
import { SECTOR_COLOURS } from '../theme/sectors.ts';
import { DeleteButton } from './DeleteButton.tsx';
import { DraftField, PanelSection, parseThemes, SelectField } from './fields.tsx';
import { GiveTakeSection } from '../giveTake/GiveTakeSection.tsx';

/** Every field of an organisation. */
export function OrganisationPanel({ organisation }: { organisation: Organisation }) {
  const t = useT();
  const actions = useBoardActions();
  const update = (patch: OrganisationPatch): void => actions.updateOrganisation(organisation.id, patch);
  return (
    <PanelSection title={t('panel.organisation')} colour={SECTOR_COLOURS[organisation.sector]}>
      <DraftField
        label={t('panel.name')}
        value={organisation.name}
        maxLength={MAX_NAME_LENGTH}
        onCommit={(name) => update({ name })}
        testId="panel-name"
      />
      <SelectField<Sector>
        label={t('panel.sector')}
        value={organisation.sector}
        options={SECTORS.map((sector) => ({ value: sector, label: t(`sector.${sector}`) }))}
        onChange={(sector) => update({ sector })}
        testId="panel-sector"
      />
      <DraftField
        label={t('panel.notes')}
        value={organisation.notes}
        multiline
        maxLength={MAX_NOTES_LENGTH}
        onCommit={(notes) => update({ notes })}
      />
      <DraftField
        label={t('panel.themes')}
        value={organisation.themes.join(', ')}
        hint={t('panel.themesHint')}
        maxLength={MAX_NOTES_LENGTH}
        onCommit={(text) => update({ themes: parseThemes(text) })}
      />
      <GiveTakeSection organisation={organisation} />
      <DeleteButton ids={[organisation.id]} />
    </PanelSection>
  );
}
