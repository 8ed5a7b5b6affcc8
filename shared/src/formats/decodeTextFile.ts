/**
 * Turns the bytes of an uploaded file into text, refusing what would only
 * produce garbage: files over the size limit (checked before anything is
 * read), UTF-16/UTF-32 files, binary files and invalid UTF-8.
 */
import { importError } from './importError.ts';
import type { FormatResult, ImportErrorCode } from './importError.ts';

/** Largest file an import accepts: generous for a partner list, small enough to parse in a tab. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

/** The part of the WHATWG TextDecoder we need; typed here so `shared` does not need the DOM library. */
interface StrictDecoder {
  decode(bytes: Uint8Array): string;
}
type StrictDecoderConstructor = new (
  label: string,
  options: { fatal: boolean; ignoreBOM: boolean },
) => StrictDecoder;

function utf8Decoder(fatal: boolean): StrictDecoder {
  const Decoder = (globalThis as unknown as { TextDecoder: StrictDecoderConstructor }).TextDecoder;
  // fatal: invalid UTF-8 throws instead of silently turning into U+FFFD; the BOM is removed by hand.
  return new Decoder('utf-8', { fatal, ignoreBOM: true });
}

export interface DecodeOptions {
  readonly file: string;
  readonly maxBytes?: number;
}

/** Refuses a file by its size alone, so the caller can check `File.size` before reading a byte. */
export function checkFileSize(
  file: string,
  byteLength: number,
  maxBytes = MAX_IMPORT_FILE_BYTES,
): FormatResult<null> {
  if (byteLength > maxBytes) {
    return {
      ok: false,
      errors: [
        importError(
          { file },
          'file.tooLarge',
          `the file is ${formatMegabytes(byteLength)}; the limit is ${formatMegabytes(maxBytes)} per file`,
          { size: formatMegabytes(byteLength), limit: formatMegabytes(maxBytes) },
        ),
      ],
    };
  }
  return { ok: true, value: null };
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Decodes UTF-8 (with or without a byte-order mark) and rejects every other encoding with a precise reason. */
export function decodeTextFile(bytes: Uint8Array, options: DecodeOptions): FormatResult<string> {
  const { file } = options;
  const size = checkFileSize(file, bytes.byteLength, options.maxBytes);
  if (!size.ok) return size;
  const fail = (code: ImportErrorCode, message: string): FormatResult<string> => ({
    ok: false,
    errors: [importError({ file }, code, message)],
  });
  const [b0, b1, b2] = bytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return fail(
      'encoding.utf16',
      'the file is UTF-16 encoded; save it as UTF-8 (in Excel: "CSV UTF-8") and import it again',
    );
  }
  let start = 0;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) start = 3;
  const body = bytes.subarray(start);
  if (body.includes(0)) {
    return fail('encoding.binary', 'the file contains binary data (NUL bytes); expected a UTF-8 text file');
  }
  try {
    return { ok: true, value: utf8Decoder(true).decode(body) };
  } catch {
    // Decode again leniently only to tell the user on which line the first bad byte sits.
    const lenient = utf8Decoder(false).decode(body);
    const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
    const row = before.split('\n').length;
    return {
      ok: false,
      errors: [
        importError(
          { file, row },
          'encoding.invalidUtf8',
          'the file is not valid UTF-8; save it as UTF-8 (in Excel: "CSV UTF-8") and import it again',
        ),
      ],
    };
  }
}
