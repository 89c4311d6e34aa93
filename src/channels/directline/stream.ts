import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { ChannelLogger } from '../logger';
import type { ActivitySet, Conversation } from './conversation';
import { DIRECT_LINE_BASE } from './routes';
import type { ConversationStore } from './store';

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_BASE}/conversations/([^/]+)/stream$`);
const HEARTBEAT_MS = 30_000;
const MAX_STREAMS_PER_CONVERSATION = 3;
/** A client this far behind is not reading; dropping it bounds the memory it can pin. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface DirectLineStream {
  close(): void;
}

/**
 * Direct Line's WebSocket stream on the HTTP server's 'upgrade' event. The stream URL carries
 * a single-use ticket instead of the token, as browsers cannot set headers on a WebSocket.
 * Clients only ever send empty keep-alive messages, so incoming data is ignored.
 */
export function attachDirectLineStream(httpServer: HttpServer, store: ConversationStore, logger: ChannelLogger): DirectLineStream {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const alive = new WeakMap<WebSocket, boolean>();
  const byConversation = new Map<string, WebSocket[]>();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match?.[1]) {
      // Another listener may own this path; with none, nobody would ever answer.
      if (httpServer.listenerCount('upgrade') === 1) refuse(socket, 404, 'Not Found');
      return;
    }
    const redeemed = store.redeemStreamTicket(decodeURIComponent(match[1]), url.searchParams.get('t'));
    if (!redeemed) {
      refuse(socket, 403, 'Forbidden');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => stream(ws, redeemed.conversation, redeemed.watermark));
  };

  const stream = (ws: WebSocket, conversation: Conversation, watermark: number | undefined): void => {
    if (conversation.isClosed) {
      ws.close(1000, 'Conversation ended');
      return;
    }
    const sockets = [...(byConversation.get(conversation.id) ?? []), ws];
    while (sockets.length > MAX_STREAMS_PER_CONVERSATION) sockets.shift()?.close(1000, 'Replaced by a newer stream');
    byConversation.set(conversation.id, sockets);
    alive.set(ws, true);

    const send = (set: ActivitySet): void => {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.terminate();
        return;
      }
      ws.send(JSON.stringify(set));
    };
    const backlog = conversation.since(watermark ?? 0);
    if (backlog.activities.length > 0) send(backlog);
    const unsubscribe = conversation.subscribe({ onActivities: send, onClose: () => ws.close(1000, 'Conversation ended') });

    ws.on('pong', () => alive.set(ws, true));
    ws.on('error', (error) => logger.debug({ err: error, conversationId: conversation.id }, 'local Direct Line: stream error'));
    ws.on('close', () => {
      unsubscribe();
      const remaining = (byConversation.get(conversation.id) ?? []).filter((s) => s !== ws);
      if (remaining.length > 0) byConversation.set(conversation.id, remaining);
      else byConversation.delete(conversation.id);
    });
  };

  // Proxies drop idle connections, and a vanished client is only noticed when a ping goes unanswered.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  httpServer.on('upgrade', onUpgrade);
  return {
    close(): void {
      clearInterval(heartbeat);
      httpServer.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
