import { useT, type MessageKey } from '../../i18n/index.ts';
import { boardLink, type CreatedBoard } from '../api/boardApi.ts';
import { CopyButton } from './CopyButton.tsx';

interface BoardLinksProps {
  board: CreatedBoard;
  origin: string;
  onAnother: () => void;
}

type LinkKind = 'facilitator' | 'edit' | 'view';

const LINK_TEXT: Record<LinkKind, { name: MessageKey; who: MessageKey }> = {
  facilitator: { name: 'start.links.facilitator.name', who: 'start.links.facilitator.who' },
  edit: { name: 'start.links.edit.name', who: 'start.links.edit.who' },
  view: { name: 'start.links.view.name', who: 'start.links.view.who' },
};

const KINDS: readonly LinkKind[] = ['facilitator', 'edit', 'view'];

/** The three links of a new board, each with who it is for and a copy button. */
export function BoardLinks({ board, origin, onAnother }: BoardLinksProps) {
  const t = useT();
  const facilitatorLink = boardLink(origin, board.id, board.keys.facilitator);
  return (
    <section className="card board-links" aria-labelledby="board-links-heading">
      <h2 id="board-links-heading">{t('start.links.heading', { title: board.title })}</h2>
      <p>{t('start.links.intro')}</p>
      <ul className="board-links__list">
        {KINDS.map((kind) => {
          const link = boardLink(origin, board.id, board.keys[kind]);
          const name = t(LINK_TEXT[kind].name);
          const inputId = `board-link-${kind}`;
          return (
            <li key={kind} className={`board-link board-link--${kind}`} data-link={kind}>
              <label className="board-link__name" htmlFor={inputId}>
                {name}
              </label>
              <p className="board-link__who">{t(LINK_TEXT[kind].who)}</p>
              <div className="board-link__row">
                <input
                  id={inputId}
                  className="board-link__url"
                  type="text"
                  readOnly
                  value={link}
                  onFocus={(event) => event.currentTarget.select()}
                />
                <CopyButton text={link} label={t('start.links.copyLabel', { name: name.toLowerCase() })} />
              </div>
            </li>
          );
        })}
      </ul>
      <div className="board-links__actions">
        <a className="button button--primary" href={facilitatorLink}>
          {t('start.links.open')}
        </a>
        <button type="button" className="button" onClick={onAnother}>
          {t('start.links.another')}
        </button>
      </div>
    </section>
  );
}
