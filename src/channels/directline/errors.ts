import type { Response } from 'restify';
import { sendJson } from '../http';

/** Error codes as the Azure Direct Line service spells them. */
export type DirectLineErrorCode =
  | 'BadArgument'
  | 'BotError'
  | 'ConversationNotFound'
  | 'TokenExpired'
  | 'TokenInvalid'
  | 'TooManyRequests'
  | 'ServiceError';

export class DirectLineError extends Error {
  constructor(
    readonly status: number,
    readonly code: DirectLineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DirectLineError';
  }
}

/** Direct Line's error body: `{ "error": { "code": ..., "message": ... } }`. */
export function sendDirectLineError(res: Response, error: DirectLineError, headers: Readonly<Record<string, string>> = {}): void {
  sendJson(res, error.status, { error: { code: error.code, message: error.message } }, headers);
}

export const forbidden = (): DirectLineError => new DirectLineError(403, 'TokenInvalid', 'Missing, invalid or expired token.');
