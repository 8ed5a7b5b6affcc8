import { prepareImport } from './prepareImport.ts';
import type { ImportWorkerReply, ImportWorkerRequest } from './importWorkerProtocol.ts';

// Parsing a big file and laying out its new nodes (d3-force) can take seconds: done here, off the page's thread.
self.addEventListener('message', (event: MessageEvent<ImportWorkerRequest>) => {
  let reply: ImportWorkerReply;
  try {
    reply = { ok: true, result: prepareImport(event.data.files, event.data.snapshot) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
});
