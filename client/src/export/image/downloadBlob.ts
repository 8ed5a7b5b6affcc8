/**
 * Offers `blob` as a download named `filename`. The object URL is revoked a
 * minute later, not at once: some browsers start reading it after `click()` returns.
 */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name from a board title: letters, digits and dashes, never empty. */
export function exportFileName(title: string, extension: string, date = new Date()): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'interplay-board'}-${date.toISOString().slice(0, 10)}.${extension}`;
}
