import http from 'node:http';
import type { Logger } from '../log.ts';
import { AddressSlots } from './AddressSlots.ts';

export interface HttpServerLimits {
  /** A request (headers and body) not fully received after this long is answered 408 and closed. */
  requestTimeoutMs: number;
  /** TCP connections one client address may hold open, websockets included. */
  maxConnectionsPerAddress: number;
}

/**
 * The HTTP server with the limits that protect every client from one: slow bodies time out instead of holding
 * their sockets for minutes, and no address may take more than its share of the file descriptors.
 */
export function createHttpServer(
  handler: http.RequestListener,
  limits: HttpServerLimits,
  log: Logger,
): http.Server {
  const server = http.createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      // Above the keep-alive timeout below while the request limit allows it (a reused socket is not timed out).
      headersTimeout: Math.min(66_000, limits.requestTimeoutMs),
      // Node checks those timeouts at this interval: a quarter of the limit, at least every 30 s.
      connectionsCheckingInterval: Math.floor(Math.min(30_000, Math.max(50, limits.requestTimeoutMs / 4))),
    },
    handler,
  );
  // Longer than browsers' and undici's idle reuse windows, so a client never reuses a socket we just closed.
  server.keepAliveTimeout = 65_000;
  const connections = new AddressSlots(limits.maxConnectionsPerAddress);
  server.on('connection', (socket) => {
    const release = connections.acquire(socket.remoteAddress ?? '');
    if (release === null) {
      log.debug('connection refused: too many from one address', { address: socket.remoteAddress });
      socket.destroy();
      return;
    }
    socket.once('close', release);
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    log.debug('http client error', { error: error.message });
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    else socket.destroy();
  });
  return server;
}
