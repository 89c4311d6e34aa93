import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'restify';

/** Headers every channel response carries; the page adds its Content-Security-Policy on top. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function setHeaders(res: Response, headers: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

export function sendJson(res: Response, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const payload = JSON.stringify(body);
  setHeaders(res, BASE_SECURITY_HEADERS);
  setHeaders(res, { 'Cache-Control': 'no-store', ...headers });
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

/**
 * The JSON body of a request, at most `limit` bytes. Works whether or not the server
 * already runs restify's bodyParser (then `req.body` is set and the stream is consumed).
 */
export async function readJsonBody(req: Request, limit: number): Promise<unknown> {
  const parsed: unknown = (req as { body?: unknown }).body;
  if (parsed !== undefined) {
    const raw = typeof parsed === 'string' || Buffer.isBuffer(parsed) ? parsed.toString() : JSON.stringify(parsed);
    if (Buffer.byteLength(raw) > limit) throw new BodyError(413, 'Request body too large');
    return typeof parsed === 'string' || Buffer.isBuffer(parsed) ? parseJson(raw) : parsed;
  }
  const contentType = req.headers['content-type'] ?? '';
  const text = await readText(req, limit);
  if (text.trim() === '') return undefined;
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) throw new BodyError(415, 'Content-Type must be application/json');
  return parseJson(text);
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, 'Malformed JSON');
  }
}

async function readText(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyError(413, 'Request body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyError(413, 'Request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** Query parameters of the request URL, without relying on restify's queryParser plugin. */
export function queryParams(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

const HOST_PATTERN = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin the visitor reached us at: PUBLIC_URL when configured, else the Host header
 * (checked, so it cannot inject anything into the URLs built from it).
 */
export function requestOrigin(req: IncomingMessage, publicUrl: string | undefined): string {
  if (publicUrl) return new URL(publicUrl).origin;
  const host = req.headers.host ?? '';
  const safeHost = HOST_PATTERN.test(host) ? host : 'localhost';
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  return `${encrypted ? 'https' : 'http'}://${safeHost}`;
}
