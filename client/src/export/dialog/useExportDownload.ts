import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { anonymiseBoard, readBoard, watchNames } from '@interplay/shared';
import { anonymousWords } from '../../anonymous/anonymousWords.ts';
import type { BoardSnapshot } from '@interplay/shared';
import type * as Y from 'yjs';
import { useT } from '../../i18n/index.ts';
import { downloadBlob } from '../image/downloadBlob.ts';
import { exportImage } from '../image/exportImage.ts';
import type { ExportImageOptions } from '../image/exportImage.ts';
import { prewarmPngWorkers, releasePngWorkers } from '../image/png/pngWorkerPool.ts';
import type { ExportStatus } from './ExportStatusView.tsx';

/** What to make: a data file from the board, or an image with these options (progress and cancel are the hook's). */
export type ExportRequest =
  | { readonly kind: 'data'; readonly make: (snapshot: BoardSnapshot) => Blob }
  | { readonly kind: 'image'; readonly options: Omit<ExportImageOptions, 'signal' | 'onProgress'> };

interface ExportDownload {
  readonly status: ExportStatus;
  readonly working: boolean;
  /**
   * Makes the file and downloads it as `fileName`, with people anonymised (`anonymiseBoard`) when asked;
   * ignored while an export is under way.
   */
  readonly download: (request: ExportRequest, fileName: string, anonymise: boolean) => Promise<void>;
  /** The running image export, if any: abort it to cancel. */
  readonly abort: RefObject<AbortController | null>;
}

/**
 * The export dialog's downloads: reads the board, makes the file (images in
 * workers, with progress and cancel) and reports where it stands. While the
 * dialog is open, PNG workers are kept started and their fonts loaded, so
 * a click does not wait for them.
 */
export function useExportDownload(doc: Y.Doc): ExportDownload {
  const t = useT();
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    void prewarmPngWorkers();
    return () => {
      open.current = false;
      abort.current?.abort();
      releasePngWorkers();
    };
  }, []);
  const working = status.kind === 'working';

  async function download(request: ExportRequest, fileName: string, anonymise: boolean): Promise<void> {
    if (working) return;
    const board = readBoard(doc);
    const snapshot = anonymise ? anonymiseBoard(board, anonymousWords(t), watchNames(doc)) : board;
    if (request.kind === 'data') {
      downloadBlob(request.make(snapshot), fileName);
      setStatus({ kind: 'done', name: fileName, scaledDown: null });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ kind: 'working', fraction: 0 });
    try {
      const result = await exportImage(snapshot, {
        ...request.options,
        signal: controller.signal,
        onProgress: ({ fraction }) => setStatus({ kind: 'working', fraction }),
      });
      downloadBlob(result.blob, fileName);
      const { scaledDownTo: scale, width, height } = result;
      const scaledDown = scale === null ? null : t('export.scaledDown', { scale, width, height });
      setStatus({ kind: 'done', name: fileName, scaledDown });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') setStatus({ kind: 'cancelled' });
      else setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (abort.current === controller) abort.current = null;
      // Each worker serves one export: have fresh ones ready for another, while the dialog stays open.
      if (open.current) void prewarmPngWorkers();
    }
  }

  return { status, working, download, abort };
}
