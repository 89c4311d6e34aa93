import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Captured {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** Stands in for a channel's connector: records what the bot posts to its serviceUrl. */
export class CaptureServer {
  readonly received: Captured[] = [];
  private readonly server: Server;
  private count = 0;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        this.received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
        this.count += 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${this.count}` }));
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  start(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface Reply {
  status: number;
  body: unknown;
}

export async function post(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

export async function get(url: string): Promise<Reply> {
  const res = await fetch(url);
  const body: unknown = await res.json();
  return { status: res.status, body };
}

let counter = 0;
/** A message activity as a channel sends it; each call gets a new activity id. */
export function message(serviceUrl: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    type: 'message',
    id: `activity-${counter}`,
    text,
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: 'conversation-http' },
    from: { id: 'user-1', name: 'User' },
    recipient: { id: 'bot-1', name: 'MoU Bot' },
    locale: 'en-US',
    ...extra,
  };
}
