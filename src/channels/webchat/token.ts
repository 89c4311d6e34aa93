import type { Request } from 'restify';
import { z } from 'zod';
import { randomId } from '../directline/secrets';
import type { ConversationStore } from '../directline/store';
import { DIRECT_LINE_BASE } from '../directline/routes';
import { requestOrigin } from '../http';

/** What the page receives from POST /api/directline/token, in both modes. */
export interface PageSession {
  token: string;
  conversationId: string;
  expires_in: number;
  /** The Direct Line base URL Web Chat talks to. */
  domain: string;
}

export type TokenSource = (req: Request) => Promise<PageSession | undefined>;

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** A token for a new local conversation; undefined when the store is full. */
export function localTokenSource(store: ConversationStore, publicUrl: string | undefined): TokenSource {
  return (req) => {
    const created = store.create();
    if (!created) return Promise.resolve(undefined);
    return Promise.resolve({
      token: created.token.token,
      conversationId: created.conversation.id,
      expires_in: created.token.expiresIn,
      domain: `${requestOrigin(req, publicUrl)}${DIRECT_LINE_BASE}`,
    });
  };
}

const generated = z.object({ conversationId: z.string().min(1), token: z.string().min(1), expires_in: z.number().int().positive() });

const AZURE_TIMEOUT_MS = 10_000;

/**
 * Exchanges the Direct Line secret for a short-lived token bound to one conversation and a
 * fresh user id, server-side: the secret never reaches the browser.
 */
export function azureTokenSource(secret: string, domain: string, fetchImpl: FetchLike): TokenSource {
  return async () => {
    const response = await fetchImpl(`${domain}/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ user: { id: `dl_${randomId(12)}` } }),
      signal: AbortSignal.timeout(AZURE_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`Direct Line answered ${response.status}`);
    const body = generated.safeParse(await response.json());
    if (!body.success) throw new Error('Direct Line answered an unexpected token response');
    return { ...body.data, domain };
  };
}
