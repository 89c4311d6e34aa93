import restify, { type Next, type Request, type Response, type Server } from 'restify';
import type { Logger } from 'pino';
import type { Activity, InvokeResponse } from 'botbuilder';
import { checkActivity } from '../bot/activityCheck';
import { ShuttingDownError, type TurnRunner } from '../bot/turns';
import type { AuthenticateRequestResult } from '../bot/adapter';
import { bearerProblem } from './bearer';

/** The largest request body accepted, in bytes; activities are a few kilobytes. */
export const MAX_BODY_BYTES = 256 * 1024;
/** How long token validation (which may fetch signing keys) may take before the request is refused. */
export const AUTH_TIMEOUT_MS = 10_000;
const READINESS_TIMEOUT_MS = 2_000;

export interface ReadinessCheck {
  name: string;
  /** Resolves when the dependency is usable; throws or rejects when not. */
  readonly check: () => Promise<void> | void;
}

export interface AppDeps {
  turns: TurnRunner;
  logger: Logger;
  readiness: readonly ReadinessCheck[];
}

/**
 * Builds the HTTP app without listening: `POST /api/messages`, `GET /healthz`, `GET /readyz`.
 * Only /api/messages reads its body (no server-wide body parser), so routes added later to the
 * returned server (see ChannelRegistrar in ./channels) read theirs as they like.
 */
export function createApp(deps: AppDeps): Server {
  const { turns, logger } = deps;
  const server = restify.createServer({ name: 'dngc-mou-bot', handleUncaughtExceptions: false });
  server.on('after', (req: Request, res: Response) => {
    const status = res.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 ? 'info' : 'debug';
    logger[level]({ method: req.method, path: req.path(), status, ms: Date.now() - req.time() }, 'request');
  });

  server.get('/healthz', (_req: Request, res: Response, next: Next) => {
    res.send(200, { status: 'ok' });
    next();
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const results = await Promise.all(
      deps.readiness.map(async ({ name, check }) => {
        try {
          await withTimeout(Promise.resolve().then(check), READINESS_TIMEOUT_MS);
          return [name, 'ok'] as const;
        } catch (error) {
          logger.warn({ check: name, err: { message: (error as Error).message } }, 'not ready');
          return [name, 'failed'] as const;
        }
      }),
    );
    const ready = results.every(([, state]) => state === 'ok');
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) });
  });

  const readBody = restify.plugins.bodyReader({ maxBodySize: MAX_BODY_BYTES });
  server.post('/api/messages', readBody, async (req: Request, res: Response) => {
    const authHeader = req.header('authorization') ?? '';
    if (turns.authenticationEnabled) {
      const problem = bearerProblem(authHeader);
      if (problem) return refuse(res, 401, problem);
    }
    const body = parseJson(req.body);
    if (body === MALFORMED) return refuse(res, 400, 'malformed JSON');
    const checked = checkActivity(body);
    if (!checked.ok) return refuse(res, 400, checked.reason);
    const activity: Activity = checked.activity;

    let auth: AuthenticateRequestResult;
    try {
      auth = await withTimeout(turns.authenticate(activity, authHeader), AUTH_TIMEOUT_MS);
    } catch (error) {
      // Any failure to validate, a signing-key fetch that fails included, means "not authenticated".
      logger.info({ err: { type: (error as Error).name, message: (error as Error).message } }, 'authentication failed');
      return refuse(res, 401, 'the token could not be validated');
    }

    let response: InvokeResponse | undefined;
    try {
      response = await turns.process(auth, activity);
    } catch (error) {
      if (error instanceof ShuttingDownError) return refuse(res, 503, error.message);
      logger.error({ err: { type: (error as Error).name, message: (error as Error).message }, activityType: activity.type }, 'turn could not be processed');
      return refuse(res, 500, 'the activity could not be processed');
    }
    if (response?.body === undefined) res.send(response?.status ?? 200);
    else res.send(response.status, response.body);
  });

  return server;
}

const MALFORMED = Symbol('malformed');

/** The raw body as JSON; bodyReader leaves it a string or Buffer (undefined when empty). */
function parseJson(raw: unknown): unknown {
  if (raw === undefined || raw === null) return undefined;
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : typeof raw === 'string' ? raw : undefined;
  if (text === undefined) return MALFORMED;
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return MALFORMED;
  }
}

function refuse(res: Response, status: number, reason: string): void {
  res.send(status, { error: reason });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
