import { checkFileSize } from '@interplay/shared/formats/index';
import type { FormatResult, ImportError, ImportFile } from '@interplay/shared/formats/index';

/**
 * Reads the picked files' bytes, after checking each one's size, so a 200 MB
 * file is refused before a single byte of it is read.
 */
export async function readPickedFiles(files: readonly File[]): Promise<FormatResult<ImportFile[]>> {
  const errors: ImportError[] = files.flatMap((file) => {
    const size = checkFileSize(file.name, file.size);
    return size.ok ? [] : size.errors;
  });
  if (errors.length > 0) return { ok: false, errors };
  const read = await Promise.all(
    files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  return { ok: true, value: read };
}
