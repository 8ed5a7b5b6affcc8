import { useDismissableDetails } from '../app/common/useDismissableDetails.ts';
import { useState } from 'react';
import { CopyButton } from '../app/start/CopyButton.tsx';
import { boardLink } from '../app/api/boardApi.ts';
import { useT, type MessageKey } from '../i18n/index.ts';
import { renewKey, type RenewableLink } from './renewKey.ts';

/** The words of each link's button, confirmation and result. */
const LINK_WORDS = {
  edit: {
    renew: 'facilitation.links.renewEdit',
    confirm: 'facilitation.links.confirmEdit',
    result: 'facilitation.links.newEdit',
  },
  view: {
    renew: 'facilitation.links.renewView',
    confirm: 'facilitation.links.confirmView',
    result: 'facilitation.links.newView',
  },
  anonymous: {
    renew: 'facilitation.links.renewAnonymous',
    confirm: 'facilitation.links.confirmAnonymous',
    result: 'facilitation.links.newAnonymous',
  },
} as const satisfies Record<RenewableLink, Record<string, MessageKey>>;

type Renewal =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; link: string }
  | { state: 'failed'; message: string };

function RenewOne({
  boardId,
  facilitatorKey,
  link,
}: {
  boardId: string;
  facilitatorKey: string;
  link: RenewableLink;
}) {
  const t = useT();
  const [renewal, setRenewal] = useState<Renewal>({ state: 'idle' });
  const words = LINK_WORDS[link];
  const renew = async (): Promise<void> => {
    if (!window.confirm(t(words.confirm))) return;
    setRenewal({ state: 'busy' });
    const result = await renewKey(boardId, link, facilitatorKey);
    setRenewal(
      result.ok
        ? { state: 'done', link: boardLink(window.location.origin, boardId, result.key) }
        : { state: 'failed', message: result.message },
    );
  };
  return (
    <div className="ip-links__row">
      <button
        type="button"
        className="ip-fbar__button"
        disabled={renewal.state === 'busy'}
        onClick={() => void renew()}
        data-testid={`renew-${link}`}
      >
        {t(words.renew)}
      </button>
      {renewal.state === 'done' && (
        <div className="ip-links__result">
          <label className="ip-links__label">
            {t(words.result)}
            <input
              className="ip-links__input"
              readOnly
              value={renewal.link}
              onFocus={(event) => event.currentTarget.select()}
              data-testid={`renewed-${link}`}
            />
          </label>
          <CopyButton text={renewal.link} label={t('facilitation.links.copy')} />
        </div>
      )}
      {renewal.state === 'failed' && (
        <p className="form-error" role="alert">
          {t('facilitation.links.failed', { message: renewal.message })}
        </p>
      )}
    </div>
  );
}

/**
 * Renew the participant or view-only link, or make a new anonymised view link: the old one stops working at
 * once for everyone who has it.
 */
export function LinkRenewal({ boardId, facilitatorKey }: { boardId: string; facilitatorKey: string }) {
  const t = useT();
  const details = useDismissableDetails();
  return (
    <details ref={details} className="ip-fbar__menu" data-testid="links-menu">
      <summary className="ip-fbar__button" title={t('facilitation.links.hint')}>
        {t('facilitation.links.button')}
      </summary>
      <div className="ip-fbar__popover ip-fbar__popover--links">
        <p className="ip-fbar__note">{t('facilitation.links.explain')}</p>
        <RenewOne boardId={boardId} facilitatorKey={facilitatorKey} link="edit" />
        <RenewOne boardId={boardId} facilitatorKey={facilitatorKey} link="view" />
        <p className="ip-fbar__note ip-links__anonymous">{t('facilitation.links.anonymousExplain')}</p>
        <RenewOne boardId={boardId} facilitatorKey={facilitatorKey} link="anonymous" />
      </div>
    </details>
  );
}
