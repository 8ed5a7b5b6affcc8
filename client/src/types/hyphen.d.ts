/** The part of `hyphen` (Liang's patterns, one module per language) that we use; it ships no types. */
declare module 'hyphen/nl' {
  interface HyphenateOptions {
    /** Inserted at each hyphenation point; default the soft hyphen U+00AD. */
    readonly hyphenChar?: string;
    /** Shorter words are left whole; default 5. */
    readonly minWordLength?: number;
  }
  export function hyphenateSync(text: string, options?: HyphenateOptions): string;
}
