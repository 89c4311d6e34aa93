import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config';

/**
 * The service logger. Code never passes message text or user data to it; the redaction is
 * a second line of defence should an activity or a request ever be logged whole.
 */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'dngc-mou-bot' },
    redact: {
      paths: ['text', '*.text', 'activity', '*.activity', 'from', '*.from', 'headers.authorization', '*.headers.authorization', 'body', '*.body'],
      censor: '[redacted]',
    },
  });
}
