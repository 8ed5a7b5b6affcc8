import type { IncomingMessage, ServerResponse } from 'node:http';

/** Sends a JSON body with the given status. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** Sends the API's error shape: `{ error: <code>, message: <human text> }`. */
export function sendError(res: ServerResponse, status: number, error: string, message: string): void {
  sendJson(res, status, { error, message });
}

export class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The client went away before its body was read (a cancelled upload): nothing to answer, nothing wrong here. */
export class RequestAborted extends Error {
  constructor() {
    super('the client aborted the request');
  }
}

/** Reads a request body of at most `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > limit)
        throw new BodyError(413, 'body-too-large', `request body is larger than ${limit} bytes`);
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof BodyError || req.complete) throw error;
    throw new RequestAborted();
  }
  if (!req.complete) throw new RequestAborted();
  return Buffer.concat(chunks);
}

/** The media type of a request without its parameters, in lower case (`application/json`). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export const invalidJson = (): BodyError =>
  new BodyError(400, 'invalid-json', 'request body is not valid JSON');
