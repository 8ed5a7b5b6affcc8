import { parentPort } from 'node:worker_threads';
import { parseCreateRequest } from './parseCreateRequest.ts';
import type { CreateRequestJob, CreateRequestReply } from './CreateRequestReader.ts';

/** The worker thread of `CreateRequestReader`: reads one create request at a time, off the server's event loop. */
const port = parentPort;
if (!port) throw new Error('createRequestWorker.ts runs as a worker thread');
port.on('message', ({ id, body }: CreateRequestJob) => {
  let reply: CreateRequestReply;
  try {
    reply = { id, request: parseCreateRequest(body) };
  } catch (error) {
    reply = { id, failure: error instanceof Error ? error.message : String(error) };
  }
  const state = 'request' in reply && reply.request.kind === 'parsed' ? reply.request.board : null;
  port.postMessage(reply, state?.ok ? [state.value.buffer as ArrayBuffer] : []);
});
