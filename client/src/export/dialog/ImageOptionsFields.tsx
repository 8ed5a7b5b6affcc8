import type { MessageKey } from '../../i18n/index.ts';
import { useT } from '../../i18n/index.ts';
import { CheckChoice, RadioChoice } from './dialogChoices.tsx';

export type ImageFormat = 'png1' | 'png2' | 'png4' | 'svg';
const IMAGE_FORMATS: readonly ImageFormat[] = ['png2', 'png1', 'png4', 'svg'];
const IMAGE_FORMAT_LABEL: Record<ImageFormat, MessageKey> = {
  png1: 'export.format.png1',
  png2: 'export.format.png2',
  png4: 'export.format.png4',
  svg: 'export.format.svg',
};

/** What the user chose for an image export. */
export interface ImageChoices {
  readonly format: ImageFormat;
  readonly onlySelection: boolean;
  /** Only what the map shows now (filters, neighbours, a highlight); takes precedence over the selection. */
  readonly asShown: boolean;
  readonly background: 'white' | 'transparent';
  readonly showTitle: boolean;
  readonly title: string;
  readonly showDate: boolean;
  readonly legend: boolean;
  readonly madeWith: boolean;
  readonly byHealth: boolean;
  /** The free notes on the map (whole-map images only). */
  readonly notes: boolean;
}

interface ImageOptionsFieldsProps {
  readonly choices: ImageChoices;
  readonly onChange: (change: Partial<ImageChoices>) => void;
  readonly hasSelection: boolean;
  /** The map shows only part of the board now (so "as shown" differs from the whole map). */
  readonly narrowed: boolean;
  readonly disabled: boolean;
  /** Prefix of the radio groups' names, unique to the dialog. */
  readonly groupId: string;
}

/** The image half of the export dialog: format, scope, background, and what goes around the map. */
export function ImageOptionsFields({
  choices,
  onChange,
  hasSelection,
  narrowed,
  disabled,
  groupId,
}: ImageOptionsFieldsProps) {
  const t = useT();
  const scope =
    choices.asShown && narrowed ? 'shown' : choices.onlySelection && hasSelection ? 'selection' : 'all';
  const check = (
    key: 'showTitle' | 'showDate' | 'legend' | 'madeWith' | 'byHealth' | 'notes',
    label: MessageKey,
    testId: string,
  ) => (
    <CheckChoice
      checked={choices[key]}
      onChange={(checked) => onChange({ [key]: checked })}
      label={label}
      testId={testId}
      disabled={disabled}
    />
  );
  return (
    <div className="ip-xdialog__columns">
      <fieldset>
        <legend>{t('export.format')}</legend>
        {IMAGE_FORMATS.map((format) => (
          <RadioChoice
            key={format}
            name={`${groupId}-image`}
            value={format}
            current={choices.format}
            onChoose={() => onChange({ format })}
            label={IMAGE_FORMAT_LABEL[format]}
            disabled={disabled}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('export.scope')}</legend>
        <RadioChoice
          name={`${groupId}-scope`}
          value="all"
          current={scope}
          onChoose={() => onChange({ onlySelection: false, asShown: false })}
          label="export.scope.all"
          disabled={disabled}
        />
        <RadioChoice
          name={`${groupId}-scope`}
          value="shown"
          current={scope}
          onChoose={() => onChange({ onlySelection: false, asShown: true })}
          label={narrowed ? 'export.scope.shown' : 'export.scope.shownAll'}
          disabled={disabled || !narrowed}
        />
        <RadioChoice
          name={`${groupId}-scope`}
          value="selection"
          current={scope}
          onChoose={() => onChange({ onlySelection: true, asShown: false })}
          label={hasSelection ? 'export.scope.selection' : 'export.scope.noSelection'}
          disabled={disabled || !hasSelection}
        />
        <legend className="ip-xdialog__sublegend">{t('export.background')}</legend>
        {(['white', 'transparent'] as const).map((background) => (
          <RadioChoice
            key={background}
            name={`${groupId}-background`}
            value={background}
            current={choices.background}
            onChoose={() => onChange({ background })}
            label={background === 'white' ? 'export.background.white' : 'export.background.transparent'}
            disabled={disabled}
          />
        ))}
      </fieldset>
      <fieldset className="ip-xdialog__wide">
        {check('showTitle', 'export.showTitle', 'export-show-title')}
        {choices.showTitle && (
          <input
            type="text"
            className="ip-xdialog__title"
            aria-label={t('export.title')}
            value={choices.title}
            maxLength={200}
            disabled={disabled}
            onChange={(event) => onChange({ title: event.target.value })}
          />
        )}
        {check('showDate', 'export.showDate', 'export-show-date')}
        {check('legend', 'export.showLegend', 'export-show-legend')}
        {check('madeWith', 'export.showMadeWith', 'export-made-with')}
        {check('byHealth', 'export.colourByHealth', 'export-colour-by-health')}
        {check('notes', 'export.showNotes', 'export-show-notes')}
      </fieldset>
    </div>
  );
}
