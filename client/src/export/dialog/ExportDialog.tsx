import { useEffect, useId, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type * as Y from 'yjs';
import { useLanguage, useT } from '../../i18n/index.ts';
import type { Language } from '../../i18n/index.ts';
import { exportFileName } from '../image/downloadBlob.ts';
import { exportLabels } from '../image/exportLabels.ts';
import { DialogFrame } from './DialogFrame.tsx';
import { AnonymiseChoice, RadioChoice } from './dialogChoices.tsx';
import { DATA_FORMATS, DATA_FORMAT_LABEL, dataFileSuffix, exportData } from './exportData.ts';
import type { DataFormat } from './exportData.ts';
import { ExportStatusView } from './ExportStatusView.tsx';
import { ImageOptionsFields } from './ImageOptionsFields.tsx';
import type { ImageChoices } from './ImageOptionsFields.tsx';
import type { ShownScope } from './shownScope.ts';
import { useExportDownload } from './useExportDownload.ts';
import type { ExportRequest } from './useExportDownload.ts';

const SCALE = { png1: 1, png2: 2, png4: 4 } as const;

interface ExportDialogProps {
  readonly doc: Y.Doc;
  readonly boardTitle: string;
  /** Ids selected on the map (nodes, relationships, project); empty when nothing is. */
  readonly selection: readonly string[];
  /** What the map shows now when it hides or fades part of the board (filters, neighbours, a highlight); else null. */
  readonly shown: ShownScope | null;
  /** Whether the map colours relationships by health now: the image does the same unless unticked. */
  readonly colouredByHealth: boolean;
  readonly onClose: () => void;
}

/** The image export the dialog's choices ask for. */
function imageRequest(choices: ImageChoices, language: Language, scope: ImageScope): ExportRequest {
  const title = choices.title.trim();
  return {
    kind: 'image',
    options: {
      format: choices.format === 'svg' ? 'svg' : 'png',
      ...(choices.format === 'svg' ? {} : { scale: SCALE[choices.format] }),
      labels: exportLabels(language),
      language,
      selection: scope.selection,
      faded: scope.faded,
      ...(choices.showTitle && title ? { title } : {}),
      ...(choices.showDate ? { date: new Date().toLocaleDateString(language, { dateStyle: 'long' }) } : {}),
      legend: choices.legend,
      madeWith: choices.madeWith,
      notes: choices.notes,
      colourByHealth: choices.byHealth,
      background: choices.background,
    },
  };
}

interface ImageScope {
  /** The ids the image keeps; null: everything. */
  readonly selection: readonly string[] | null;
  /** The ids it draws faded; null: none. */
  readonly faded: readonly string[] | null;
}

/** What an image export keeps and fades: what the map shows (as it shows it), the selection, or everything. */
function imageScope(
  choices: ImageChoices,
  selection: readonly string[],
  shown: ShownScope | null,
): ImageScope {
  if (choices.asShown && shown) return { selection: shown.ids, faded: shown.faded };
  return { selection: choices.onlySelection && selection.length > 0 ? selection : null, faded: null };
}

/** The image choices the dialog opens with: what the map shows (as shown when it is narrowed), PNG 2×. */
function initialChoices(boardTitle: string, colouredByHealth: boolean, narrowed: boolean): ImageChoices {
  return {
    format: 'png2',
    onlySelection: false,
    asShown: narrowed,
    background: 'white',
    showTitle: true,
    title: boardTitle,
    showDate: true,
    legend: true,
    madeWith: true,
    notes: true,
    byHealth: colouredByHealth,
  };
}

/** Cancel or close, and Download (disabled while working). */
function ExportActions({
  working,
  onCancel,
  onClose,
  onDownload,
  downloadButton,
}: {
  readonly working: boolean;
  readonly onCancel: () => void;
  readonly onClose: () => void;
  readonly onDownload: () => void;
  readonly downloadButton: RefObject<HTMLButtonElement | null>;
}) {
  const t = useT();
  return (
    <div className="modal__actions">
      {working ? (
        <button type="button" className="button" onClick={onCancel} data-testid="export-cancel">
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
        onClick={onDownload}
        disabled={working}
        data-testid="export-download"
        ref={downloadButton}
        data-autofocus
      >
        {t('export.download')}
      </button>
    </div>
  );
}

/** Choose an image (PNG/SVG with options) or a data format, then download it. Open to every role. */
export function ExportDialog({
  doc,
  boardTitle,
  selection,
  shown,
  colouredByHealth,
  onClose,
}: ExportDialogProps) {
  const t = useT();
  const language = useLanguage();
  const id = useId();
  const [kind, setKind] = useState<'image' | 'data'>('image');
  const [dataFormat, setDataFormat] = useState<DataFormat>('json');
  const [anonymise, setAnonymise] = useState(false);
  const [choices, setChoices] = useState<ImageChoices>(() =>
    initialChoices(boardTitle, colouredByHealth, shown !== null),
  );
  const { status, working, download, abort } = useExportDownload(doc);
  const hasSelection = selection.length > 0;
  const fileName =
    kind === 'image'
      ? exportFileName(boardTitle, choices.format === 'svg' ? 'svg' : 'png')
      : exportFileName(
          `${boardTitle}${dataFileSuffix(dataFormat).suffix}`,
          dataFileSuffix(dataFormat).extension,
        );
  const downloadButton = useRef<HTMLButtonElement>(null);
  // The Download button is disabled while working, which drops the focus: give it back afterwards.
  useEffect(() => {
    if (!working) downloadButton.current?.focus();
  }, [working]);

  const start = (): void =>
    void download(
      kind === 'data'
        ? { kind: 'data', make: (snapshot) => exportData(snapshot, dataFormat, boardTitle, language) }
        : imageRequest(choices, language, imageScope(choices, selection, shown)),
      fileName,
      anonymise,
    );

  return (
    <DialogFrame
      title={t('export.heading')}
      onClose={() => {
        abort.current?.abort();
        onClose();
      }}
      onConfirm={start}
      testId="export-dialog"
    >
      <fieldset className="ip-xdialog__tabs">
        <legend>{t('export.kind')}</legend>
        {(['image', 'data'] as const).map((value) => (
          <RadioChoice
            key={value}
            name={`${id}-kind`}
            value={value}
            current={kind}
            onChoose={setKind}
            label={value === 'image' ? 'export.kind.image' : 'export.kind.data'}
            disabled={working}
          />
        ))}
      </fieldset>
      {kind === 'image' ? (
        <ImageOptionsFields
          choices={choices}
          onChange={(change) => setChoices((current) => ({ ...current, ...change }))}
          hasSelection={hasSelection}
          narrowed={shown !== null}
          disabled={working}
          groupId={id}
        />
      ) : (
        <fieldset>
          <legend>{t('export.format')}</legend>
          {DATA_FORMATS.map((format) => (
            <RadioChoice
              key={format}
              name={`${id}-data`}
              value={format}
              current={dataFormat}
              onChoose={setDataFormat}
              label={DATA_FORMAT_LABEL[format]}
              disabled={working}
            />
          ))}
        </fieldset>
      )}
      <AnonymiseChoice checked={anonymise} onChange={setAnonymise} disabled={working} />
      <p className="ip-xdialog__filename">{t('export.fileName', { name: fileName })}</p>
      <ExportStatusView status={status} />
      <ExportActions
        working={working}
        onCancel={() => abort.current?.abort()}
        onClose={onClose}
        onDownload={start}
        downloadButton={downloadButton}
      />
    </DialogFrame>
  );
}
