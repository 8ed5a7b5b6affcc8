import type { MessageKey } from '../../i18n/index.ts';
import { useT } from '../../i18n/index.ts';

interface RadioChoiceProps<V extends string> {
  /** The radio group's name, unique on the page. */
  readonly name: string;
  readonly value: V;
  readonly current: V;
  readonly onChoose: (value: V) => void;
  readonly label: MessageKey;
  readonly disabled?: boolean;
}

/** One option of a radio group, labelled in the interface's language. */
export function RadioChoice<V extends string>({
  name,
  value,
  current,
  onChoose,
  label,
  disabled = false,
}: RadioChoiceProps<V>) {
  const t = useT();
  return (
    <label className="ip-xdialog__choice">
      <input
        type="radio"
        name={name}
        value={value}
        checked={current === value}
        disabled={disabled}
        onChange={() => onChoose(value)}
      />
      {t(label)}
    </label>
  );
}

interface CheckChoiceProps {
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly label: MessageKey;
  readonly testId: string;
  readonly disabled: boolean;
}

/** A checkbox, labelled in the interface's language. */
export function CheckChoice({ checked, onChange, label, testId, disabled }: CheckChoiceProps) {
  const t = useT();
  return (
    <label className="ip-xdialog__choice">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        data-testid={testId}
      />
      {t(label)}
    </label>
  );
}

/** "Anonymise people", for every format: the same rule as the anonymised view link (`anonymiseBoard`). */
export function AnonymiseChoice({
  checked,
  onChange,
  disabled,
}: Pick<CheckChoiceProps, 'checked' | 'onChange' | 'disabled'>) {
  const t = useT();
  return (
    <fieldset>
      <CheckChoice
        checked={checked}
        onChange={onChange}
        label="export.anonymise"
        testId="export-anonymise"
        disabled={disabled}
      />
      <p className="ip-xdialog__hint">{t('export.anonymiseHint')}</p>
    </fieldset>
  );
}
