import { useEffect, useId, useRef, useState } from 'react';
import { readBoard } from '@interplay/shared';
import type * as Y from 'yjs';
import { useLanguage, useT } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { downloadBlob, exportFileName } from '../image/downloadBlob.ts';
import { exportImage } from '../image/exportImage.ts';
import { prewarmPngWorkers, releasePngWorkers } from '../image/png/pngWorkerPool.ts';
import { exportLabels } from '../image/exportLabels.ts';
import { DialogFrame } from './DialogFrame.tsx';
import { DATA_FORMATS, DATA_FORMAT_LABEL, dataFileSuffix, exportData } from './exportData.ts';
import type { DataFormat } from './exportData.ts';

type ImageFormat = 'png1' | 'png2' | 'png4' | 'svg';
const IMAGE_FORMATS: readonly ImageFormat[] = ['png2', 'png1', 'png4', 'svg'];
const IMAGE_FORMAT_LABEL: Record<ImageFormat, MessageKey> = {
  png1: 'export.format.png1',
  png2: 'export.format.png2',
  png4: 'export.format.png4',
  svg: 'export.format.svg',
};
const SCALE: Record<Exclude<ImageFormat, 'svg'>, 1 | 2 | 4> = { png1: 1, png2: 2, png4: 4 };

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly fraction: number }
  | { readonly kind: 'done'; readonly name: string; readonly scaledDown: string | null }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

interface ExportDialogProps {
  readonly doc: Y.Doc;
  readonly boardTitle: string;
  /** Ids selected on the map (nodes, relationships, project); empty when nothing is. */
  readonly selection: readonly string[];
  /** Whether the map colours relationships by health now: the image does the same unless unticked. */
  readonly colouredByHealth: boolean;
  readonly onClose: () => void;
}

/** Choose an image (PNG/SVG with options) or a data format, then download it. Open to every role. */
export function ExportDialog({ doc, boardTitle, selection, colouredByHealth, onClose }: ExportDialogProps) {
  const t = useT();
  const language = useLanguage();
  const id = useId();
  const [kind, setKind] = useState<'image' | 'data'>('image');
  const [imageFormat, setImageFormat] = useState<ImageFormat>('png2');
  const [dataFormat, setDataFormat] = useState<DataFormat>('json');
  const [onlySelection, setOnlySelection] = useState(false);
  const [showTitle, setShowTitle] = useState(true);
  const [title, setTitle] = useState(boardTitle);
  const [showDate, setShowDate] = useState(true);
  const [legend, setLegend] = useState(true);
  const [madeWith, setMadeWith] = useState(true);
  const [byHealth, setByHealth] = useState(colouredByHealth);
  const [background, setBackground] = useState<'white' | 'transparent'>('white');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    // The PNG workers start and load the fonts while the user picks options, not after the click.
    void prewarmPngWorkers();
    return () => {
      open.current = false;
      abort.current?.abort();
      releasePngWorkers();
    };
  }, []);

  const hasSelection = selection.length > 0;
  const useSelection = onlySelection && hasSelection;
  const fileName =
    kind === 'image'
      ? exportFileName(boardTitle, imageFormat === 'svg' ? 'svg' : 'png')
      : exportFileName(
          `${boardTitle}${dataFileSuffix(dataFormat).suffix}`,
          dataFileSuffix(dataFormat).extension,
        );
  const working = status.kind === 'working';
  const downloadButton = useRef<HTMLButtonElement>(null);
  // The Download button is disabled while working, which drops the focus: give it back afterwards.
  useEffect(() => {
    if (!working) downloadButton.current?.focus();
  }, [working]);

  async function download(): Promise<void> {
    if (working) return;
    const snapshot = readBoard(doc);
    if (kind === 'data') {
      downloadBlob(exportData(snapshot, dataFormat, boardTitle), fileName);
      setStatus({ kind: 'done', name: fileName, scaledDown: null });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ kind: 'working', fraction: 0 });
    try {
      const result = await exportImage(snapshot, {
        format: imageFormat === 'svg' ? 'svg' : 'png',
        ...(imageFormat === 'svg' ? {} : { scale: SCALE[imageFormat] }),
        labels: exportLabels(language),
        language,
        selection: useSelection ? selection : null,
        ...(showTitle && title.trim() ? { title: title.trim() } : {}),
        ...(showDate ? { date: new Date().toLocaleDateString(language, { dateStyle: 'long' }) } : {}),
        legend,
        madeWith,
        colourByHealth: byHealth,
        background,
        signal: controller.signal,
        onProgress: ({ fraction }) => setStatus({ kind: 'working', fraction }),
      });
      downloadBlob(result.blob, fileName);
      setStatus({
        kind: 'done',
        name: fileName,
        scaledDown:
          result.scaledDownTo === null
            ? null
            : t('export.scaledDown', {
                scale: result.scaledDownTo,
                width: result.width,
                height: result.height,
              }),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') setStatus({ kind: 'cancelled' });
      else setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (abort.current === controller) abort.current = null;
      // Each worker serves one export: have fresh ones ready for another, while the dialog stays open.
      if (open.current) void prewarmPngWorkers();
    }
  }

  const radio = <V extends string>(
    name: string,
    value: V,
    current: V,
    set: (value: V) => void,
    label: MessageKey,
    disabled = false,
  ) => (
    <label key={value} className="ip-xdialog__choice">
      <input
        type="radio"
        name={`${id}-${name}`}
        value={value}
        checked={current === value}
        disabled={disabled || working}
        onChange={() => set(value)}
      />
      {t(label)}
    </label>
  );
  const check = (checked: boolean, set: (value: boolean) => void, label: MessageKey, testId: string) => (
    <label className="ip-xdialog__choice">
      <input
        type="checkbox"
        checked={checked}
        disabled={working}
        onChange={(event) => set(event.target.checked)}
        data-testid={testId}
      />
      {t(label)}
    </label>
  );

  return (
    <DialogFrame
      title={t('export.heading')}
      onClose={() => {
        abort.current?.abort();
        onClose();
      }}
      onConfirm={() => void download()}
      testId="export-dialog"
    >
      <fieldset className="ip-xdialog__tabs">
        <legend>{t('export.kind')}</legend>
        {radio('kind', 'image', kind, setKind, 'export.kind.image')}
        {radio('kind', 'data', kind, setKind, 'export.kind.data')}
      </fieldset>
      {kind === 'image' ? (
        <div className="ip-xdialog__columns">
          <fieldset>
            <legend>{t('export.format')}</legend>
            {IMAGE_FORMATS.map((f) => radio('image', f, imageFormat, setImageFormat, IMAGE_FORMAT_LABEL[f]))}
          </fieldset>
          <fieldset>
            <legend>{t('export.scope')}</legend>
            {radio(
              'scope',
              'all',
              useSelection ? 'selection' : 'all',
              () => setOnlySelection(false),
              'export.scope.all',
            )}
            {radio(
              'scope',
              'selection',
              useSelection ? 'selection' : 'all',
              () => setOnlySelection(true),
              hasSelection ? 'export.scope.selection' : 'export.scope.noSelection',
              !hasSelection,
            )}
            <legend className="ip-xdialog__sublegend">{t('export.background')}</legend>
            {radio('background', 'white', background, setBackground, 'export.background.white')}
            {radio('background', 'transparent', background, setBackground, 'export.background.transparent')}
          </fieldset>
          <fieldset className="ip-xdialog__wide">
            {check(showTitle, setShowTitle, 'export.showTitle', 'export-show-title')}
            {showTitle && (
              <input
                type="text"
                className="ip-xdialog__title"
                aria-label={t('export.title')}
                value={title}
                maxLength={200}
                disabled={working}
                onChange={(event) => setTitle(event.target.value)}
              />
            )}
            {check(showDate, setShowDate, 'export.showDate', 'export-show-date')}
            {check(legend, setLegend, 'export.showLegend', 'export-show-legend')}
            {check(madeWith, setMadeWith, 'export.showMadeWith', 'export-made-with')}
            {check(byHealth, setByHealth, 'export.colourByHealth', 'export-colour-by-health')}
          </fieldset>
        </div>
      ) : (
        <fieldset>
          <legend>{t('export.format')}</legend>
          {DATA_FORMATS.map((f) => radio('data', f, dataFormat, setDataFormat, DATA_FORMAT_LABEL[f]))}
        </fieldset>
      )}
      <p className="ip-xdialog__filename">{t('export.fileName', { name: fileName })}</p>
      <div role="status" aria-live="polite" className="ip-xdialog__status" data-testid="export-status">
        {status.kind === 'working' && (
          <>
            <progress max={1} value={status.fraction} aria-label={t('export.working', { percent: '' })} />
            <span>{t('export.working', { percent: Math.round(status.fraction * 100) })}</span>
          </>
        )}
        {status.kind === 'done' && <span>{t('export.done', { name: status.name })}</span>}
        {status.kind === 'cancelled' && <span>{t('export.cancelled')}</span>}
      </div>
      {status.kind === 'done' && status.scaledDown && (
        <p className="ip-xdialog__warning" role="alert" data-testid="export-scaled-down">
          {status.scaledDown}
        </p>
      )}
      {status.kind === 'failed' && (
        <p className="ip-xdialog__error" role="alert">
          {t('export.failed', { message: status.message })}
        </p>
      )}
      <div className="modal__actions">
        {working ? (
          <button
            type="button"
            className="button"
            onClick={() => abort.current?.abort()}
            data-testid="export-cancel"
          >
            {t('export.cancel')}
          </button>
        ) : (
          <button type="button" className="button" onClick={onClose}>
            {t('export.close')}
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          onClick={() => void download()}
          disabled={working}
          data-testid="export-download"
          ref={downloadButton}
          data-autofocus
        >
          {t('export.download')}
        </button>
      </div>
    </DialogFrame>
  );
}
