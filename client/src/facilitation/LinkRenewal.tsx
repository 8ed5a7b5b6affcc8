import { useDismissableDetails } from '../app/common/useDismissableDetails.ts';
import { useState } from 'react';
import { CopyButton } from '../app/start/CopyButton.tsx';
import { boardLink } from '../app/api/boardApi.ts';
import { useT } from '../i18n/index.ts';
import { renewKey, type RenewableLink } from './renewKey.ts';

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
  const label = link === 'edit' ? t('facilitation.links.renewEdit') : t('facilitation.links.renewView');
  const renew = async (): Promise<void> => {
    if (
      !window.confirm(
        link === 'edit' ? t('facilitation.links.confirmEdit') : t('facilitation.links.confirmView'),
      )
    ) {
      return;
    }
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
        {label}
      </button>
      {renewal.state === 'done' && (
        <div className="ip-links__result">
          <label className="ip-links__label">
            {link === 'edit' ? t('facilitation.links.newEdit') : t('facilitation.links.newView')}
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

/** Renew the participant or view-only link: the old one stops working at once for everyone who has it. */
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
      </div>
    </details>
  );
}
