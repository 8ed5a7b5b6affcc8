export type ExportScale = 1 | 2 | 4;

export type ExportPhase = 'fonts' | 'svg' | 'draw' | 'encode' | 'done';

/** `fraction` runs from 0 to 1 over the whole export. */
export interface ExportProgress {
  readonly phase: ExportPhase;
  readonly fraction: number;
}
