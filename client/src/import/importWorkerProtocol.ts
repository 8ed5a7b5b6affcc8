import type { BoardSnapshot } from '@interplay/shared';
import type { ImportFile } from '@interplay/shared/formats/index';
import type { PreparedImport } from './prepareImport.ts';

export interface ImportWorkerRequest {
  readonly files: readonly ImportFile[];
  readonly snapshot: BoardSnapshot;
}

export type ImportWorkerReply =
  { readonly ok: true; readonly result: PreparedImport } | { readonly ok: false; readonly message: string };
