import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { BodyError, bearerToken, queryParams, readJsonBody, requestOrigin, sendJson } from '../http';
import type { ChannelLogger } from '../logger';
import type { Conversation } from './conversation';
import { DirectLineError, forbidden, sendDirectLineError } from './errors';
import { parseClientActivity } from './inbound';
import type { LocalDirectLine } from './service';

export const DIRECT_LINE_BASE = '/v3/directline';

const START_BODY_LIMIT = 4 * 1024;
const ACTIVITY_BODY_LIMIT = 16 * 1024;

const startBody = z
  .object({
    user: z.object({ id: z.string().optional() }).optional(),
    locale: z.string().regex(/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8}){0,3}$/).optional(),
  })
  .optional();

export interface DirectLineRouteOptions {
  publicUrl?: string;
  logger: ChannelLogger;
}

type Handler = (req: Request, res: Response) => Promise<void>;

/** Direct Line 3.0's REST surface for the local channel (the stream is in stream.ts). */
export function registerDirectLineRoutes(server: Server, directLine: LocalDirectLine, options: DirectLineRouteOptions): void {
  const { store } = directLine;
  const guard = (handler: Handler): Handler => withErrors(handler, options.logger);

  const authorize = (req: Request, conversationId?: string): { conversation: Conversation; token: string } => {
    const token = bearerToken(req);
    const conversation = store.authenticate(token);
    if (!token || !conversation || (conversationId !== undefined && conversation.id !== conversationId)) throw forbidden();
    return { conversation, token };
  };

  const conversationResponse = (req: Request, conversation: Conversation, token: string, watermark?: number) => ({
    conversationId: conversation.id,
    token,
    expires_in: store.expiresIn(token),
    streamUrl: streamUrl(req, conversation, store.issueStreamTicket(conversation, watermark), options.publicUrl),
    referenceGrammarId: '',
  });

  // Start a conversation: with a token, the token's own conversation; without one, a new conversation.
  server.post(
    `${DIRECT_LINE_BASE}/conversations`,
    guard(async (req, res) => {
      const existing = bearerToken(req) === undefined ? undefined : authorize(req);
      const body = startBody.safeParse(await readJsonBody(req, START_BODY_LIMIT));
      if (!body.success) throw new DirectLineError(400, 'BadArgument', 'Invalid conversation parameters.');
      let conversation: Conversation;
      let token: string;
      if (existing) {
        ({ conversation, token } = existing);
      } else {
        const created = store.create(body.data?.user?.id, body.data?.locale);
        if (!created) throw tooMany();
        ({ conversation } = created);
        token = created.token.token;
      }
      const isNew = !conversation.started;
      if (isNew && body.data?.locale) conversation.locale = body.data.locale;
      directLine.start(conversation);
      sendJson(res, isNew ? 201 : 200, conversationResponse(req, conversation, token));
    }),
  );

  // Reconnect: a fresh stream URL that replays from the watermark.
  server.get(
    `${DIRECT_LINE_BASE}/conversations/:conversationId`,
    guard((req, res) => {
      const { conversation, token } = authorize(req, conversationParam(req));
      sendJson(res, 200, conversationResponse(req, conversation, token, watermarkParam(req)));
      return Promise.resolve();
    }),
  );

  server.post(
    `${DIRECT_LINE_BASE}/conversations/:conversationId/activities`,
    guard(async (req, res) => {
      const { conversation } = authorize(req, conversationParam(req));
      const parsed = parseClientActivity(await readJsonBody(req, ACTIVITY_BODY_LIMIT), conversation, directLine.identity);
      if (!parsed.ok) throw new DirectLineError(400, 'BadArgument', parsed.message);
      directLine.start(conversation);
      const stored = await directLine.post(conversation, parsed.activity);
      sendJson(res, 200, { id: stored.id });
    }),
  );

  server.get(
    `${DIRECT_LINE_BASE}/conversations/:conversationId/activities`,
    guard((req, res) => {
      const { conversation } = authorize(req, conversationParam(req));
      sendJson(res, 200, conversation.since(watermarkParam(req) ?? 0));
      return Promise.resolve();
    }),
  );

  server.post(
    `${DIRECT_LINE_BASE}/tokens/refresh`,
    guard((req, res) => {
      const { conversation } = authorize(req);
      const issued = store.issueToken(conversation);
      sendJson(res, 200, { conversationId: conversation.id, token: issued.token, expires_in: issued.expiresIn });
      return Promise.resolve();
    }),
  );
}

function withErrors(handler: Handler, logger: ChannelLogger): Handler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (error instanceof DirectLineError) {
        sendDirectLineError(res, error, error.status === 429 ? { 'Retry-After': '60' } : {});
      } else if (error instanceof BodyError) {
        sendDirectLineError(res, new DirectLineError(error.status, 'BadArgument', error.message));
      } else {
        logger.error({ err: error, path: req.path() }, 'local Direct Line: request failed');
        sendDirectLineError(res, new DirectLineError(500, 'ServiceError', 'Internal error.'));
      }
    }
  };
}

const tooMany = (): DirectLineError => new DirectLineError(429, 'TooManyRequests', 'Too many conversations; try again later.');

function conversationParam(req: Request): string {
  const value: unknown = (req.params as Record<string, unknown> | undefined)?.conversationId;
  if (typeof value !== 'string' || value === '') throw forbidden();
  return value;
}

function watermarkParam(req: Request): number | undefined {
  const raw = queryParams(req).get('watermark');
  if (raw === null || raw === '') return undefined;
  if (!/^\d{1,9}$/.test(raw)) throw new DirectLineError(400, 'BadArgument', 'Invalid watermark.');
  return Number(raw);
}

function streamUrl(req: Request, conversation: Conversation, ticket: string, publicUrl: string | undefined): string {
  const origin = requestOrigin(req, publicUrl).replace(/^http/, 'ws');
  return `${origin}${DIRECT_LINE_BASE}/conversations/${encodeURIComponent(conversation.id)}/stream?t=${encodeURIComponent(ticket)}`;
}
