import latinUrl from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url';
import latinExtUrl from '@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2?url';
import type { EmbeddedFont } from './embeddedFont.ts';
import { INTER_FONT_FILES } from './embeddedFont.ts';

let loading: Promise<readonly EmbeddedFont[]> | null = null;

function base64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with 85 k arguments would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

async function load(url: string, unicodeRange: string): Promise<EmbeddedFont> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the export font ${url}: HTTP ${response.status}`);
  return { unicodeRange, woff2Base64: base64(new Uint8Array(await response.arrayBuffer())) };
}

/**
 * The Inter files to embed in exports (browser only: Vite serves them with
 * the app). Loaded once per page; a failure is not cached, so a retry can succeed.
 */
export function loadExportFonts(): Promise<readonly EmbeddedFont[]> {
  loading ??= Promise.all([
    load(latinUrl, INTER_FONT_FILES.latin.unicodeRange),
    load(latinExtUrl, INTER_FONT_FILES.latinExt.unicodeRange),
  ]).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
