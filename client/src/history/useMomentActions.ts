import { useState } from 'react';
import type { BoardRole } from '@interplay/shared';
import type { Moment } from '@interplay/shared/history/moment';
import { boardLink, createBoard } from '../app/api/boardApi.ts';
import type { ApiResult } from '../app/api/boardApi.ts';
import { useIdentity } from '../app/identity/userIdentity.ts';
import { anonymiseBoard } from '@interplay/shared';
import { exportBoardJson } from '@interplay/shared/formats/index';
import { anonymousWords } from '../anonymous/anonymousWords.ts';
import { downloadBlob } from '../export/image/downloadBlob.ts';
import { useLanguage, useT } from '../i18n/index.ts';
import {
  confirmMoment,
  deleteMoment,
  fetchMomentBoardFile,
  recordMoment,
  restoreMoment,
} from './historyApi.ts';
import type { HistoryEndpoint, NewMoment } from './historyApi.ts';
import type { MomentActions } from './MomentItem.tsx';
import { formatMomentDate, momentTitle } from './momentText.ts';
import type { HistoryView } from './useHistoryView.ts';

export type Notice = { tone: 'ok' | 'alert'; text: string; link?: string } | null;

/** A file name from the board's title: letters and digits joined by dashes. */
export const fileName = (title: string, suffix: string): string =>
  `${title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'board'}-${suffix}`;

export interface MomentCommands {
  readonly actions: MomentActions;
  readonly busy: boolean;
  readonly notice: Notice;
  record(moment: NewMoment): Promise<boolean>;
}

/**
 * What the timeline's buttons do: each request to the server, what the page says when it worked or failed,
 * and reloading the timeline afterwards. Facilitator-only actions are offered to the facilitator only (the
 * server refuses them to anyone else anyway).
 */
export function useMomentActions(
  endpoint: HistoryEndpoint,
  role: BoardRole,
  boardTitle: string,
  view: HistoryView,
  reload: () => void,
  /** When the timeline's "Anonymise people" is ticked: the names to cut out (`watchNames`); else null. */
  anonymise: ReadonlySet<string> | null = null,
): MomentCommands {
  const t = useT();
  const language = useLanguage();
  const { name } = useIdentity();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const failed = (): void =>
    setNotice({ tone: 'alert', text: t('history.failed', { reason: t('error.network') }) });

  const run = async <T>(request: () => Promise<ApiResult<T>>): Promise<T | null> => {
    setBusy(true);
    try {
      const result = await request();
      if (result.ok) return result.value;
      const reason = result.failure.kind === 'network' ? t('error.network') : result.failure.message;
      setNotice({ tone: 'alert', text: t('history.failed', { reason }) });
      return null;
    } finally {
      setBusy(false);
      reload();
    }
  };

  const record = async (moment: NewMoment): Promise<boolean> => {
    const as = role === 'facilitator' ? 'name' : 'propose';
    const withName = as === 'propose' && name !== null ? { ...moment, proposedBy: name } : moment;
    const done = await run(() => recordMoment(endpoint, withName, as));
    if (done !== null) setNotice(null);
    return done !== null;
  };

  const download = (moment: Moment): void => {
    const file = fileName(boardTitle, `${moment.at.slice(0, 10)}.json`);
    // Anonymised, the file is made here from the past board, by the same rule as every export.
    const made =
      anonymise === null
        ? fetchMomentBoardFile(endpoint, moment.id)
        : view
            .loadBoard(moment)
            .then((board) =>
              exportBoardJson(anonymiseBoard(board, anonymousWords(t), anonymise), { title: boardTitle }),
            );
    made.then((text) => downloadBlob(new Blob([text], { type: 'application/json' }), file), failed);
  };

  const restore = (moment: Moment): void => {
    if (!window.confirm(t('history.restoreAsk', { title: momentTitle(moment, t) }))) return;
    void run(() => restoreMoment(endpoint, moment.id)).then((counts) => {
      if (counts === null) return;
      view.backToLive();
      setNotice({ tone: 'ok', text: t('history.restored', counts) });
    });
  };

  const copy = async (moment: Moment): Promise<void> => {
    const file = await fetchMomentBoardFile(endpoint, moment.id).catch(() => null);
    if (file === null) return failed();
    const title = `${boardTitle} – ${formatMomentDate(moment.at, language)}`.slice(0, 200);
    const created = await run(() => createBoard(title, file));
    if (created === null) return;
    const link = boardLink(window.location.origin, created.id, created.keys.facilitator);
    setNotice({ tone: 'ok', text: t('history.copied'), link });
  };

  const actions: MomentActions = {
    view: view.show,
    prefetch: view.prefetch,
    compare: view.compare,
    download,
    ...(role === 'facilitator'
      ? {
          confirm: (moment: Moment) => void run(() => confirmMoment(endpoint, moment.id)),
          remove: (moment: Moment) => {
            if (window.confirm(t('history.deleteAsk', { title: momentTitle(moment, t) })))
              void run(() => deleteMoment(endpoint, moment.id));
          },
          restore,
          copy: (moment: Moment) => void copy(moment),
        }
      : {}),
  };
  return { actions, busy, notice, record };
}
