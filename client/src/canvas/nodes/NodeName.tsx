import type { CSSProperties } from 'react';
import { useT } from '../../i18n/index.ts';
import { nameText } from '../../theme/lineBreaks.ts';
import { useMapContext } from '../MapContext.ts';

interface NodeNameProps {
  readonly id: string;
  /** The name as the view labels the node. */
  readonly label: string;
  readonly className: string;
  readonly style?: CSSProperties;
  /** The tooltip; by default the hint that a double-click renames. */
  readonly title?: string;
  /** See `nameText`. */
  readonly longWordLetters?: number;
}

/** A card's or a person's name, hyphenated where long words may break; a double-click renames the node. */
export function NodeName({ id, label, className, style, title, longWordLetters }: NodeNameProps) {
  const t = useT();
  const { readOnly, store } = useMapContext();
  return (
    <span
      className={className}
      style={style}
      title={title ?? (readOnly ? undefined : t('canvas.renameHint'))}
      onDoubleClick={(event) => {
        if (readOnly) return;
        event.stopPropagation();
        store.getState().setEditing(id);
      }}
    >
      {nameText(label, longWordLetters)}
    </span>
  );
}
