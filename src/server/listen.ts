import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';

const httpServer = (server: Server): HttpServer => server.server;

/** Starts listening; resolves with the bound address (port 0 picks a free port). */
export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const http = httpServer(server);
    const onError = (error: Error): void => reject(error);
    http.once('error', onError);
    server.listen(port, host, () => {
      http.off('error', onError);
      resolve(http.address() as AddressInfo);
    });
  });
}

/**
 * Graceful stop: refuses new connections, waits for `drain` (the turns in flight), then waits
 * for the open connections to end, closing those still open after `graceMs` (idle keep-alive
 * connections).
 */
export async function stop(server: Server, drain: () => Promise<void>, graceMs = 2000): Promise<void> {
  const http = httpServer(server);
  const closed = http.listening ? new Promise<void>((resolve) => http.close(() => resolve())) : Promise.resolve();
  http.closeIdleConnections();
  await drain();
  // The answered keep-alive connections are idle now.
  setImmediate(() => http.closeIdleConnections());
  const timer = setTimeout(() => http.closeAllConnections(), graceMs);
  timer.unref();
  await closed;
  clearTimeout(timer);
}
