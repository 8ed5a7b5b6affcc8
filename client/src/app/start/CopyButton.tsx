import { useEffect, useState } from 'react';
import { useT } from '../../i18n/index.ts';

interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy the participant link". */
  label: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** How long "Copied" stays on the button. */
const FEEDBACK_MS = 2000;

/** Copies `text` to the clipboard and says so on the button for a moment. */
export function CopyButton({ text, label }: CopyButtonProps) {
  const t = useT();
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy(): Promise<void> {
    try {
      // The async clipboard needs a secure context; a LAN address over http is not one.
      if (!navigator.clipboard) throw new Error('clipboard unavailable');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState(copyWithSelection(text) ? 'copied' : 'failed');
    }
  }

  return (
    <span className="copy">
      <button
        type="button"
        className={`button copy__button${state === 'copied' ? ' copy__button--done' : ''}`}
        aria-label={label}
        onClick={() => void copy()}
      >
        {state === 'copied' ? `✓ ${t('start.links.copied')}` : t('start.links.copy')}
      </button>
      <span className={state === 'failed' ? 'copy__feedback' : 'visually-hidden'} role="status">
        {state === 'failed' ? t('start.links.copyFailed') : state === 'copied' ? t('start.links.copied') : ''}
      </span>
    </span>
  );
}

/** Fallback for plain-http LAN addresses, where `navigator.clipboard` is missing. */
function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
