import { z } from 'zod';

/** Empty variables (as in a committed .env template) count as unset. */
const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());

const positiveInt = (fallback: number, max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : v),
    z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`).default(fallback),
  );

const envSchema = z.object({
  MicrosoftAppId: optionalText,
  BOT_NAME: optionalText,
  PUBLIC_URL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  ),
  DIRECT_LINE_SECRET: optionalText,
  DIRECT_LINE_DOMAIN: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .url({ protocol: /^https$/, message: 'must be an https URL' })
      .default('https://directline.botframework.com/v3/directline'),
  ),
  DIRECT_LINE_MAX_CONVERSATIONS: positiveInt(1000, 100_000),
  DIRECT_LINE_IDLE_MINUTES: positiveInt(30, 24 * 60),
  DIRECT_LINE_MAX_HISTORY: positiveInt(200, 10_000),
});

export interface LocalDirectLineConfig {
  /** Conversations kept at once; when full the least recently used idle one is evicted, or 429. */
  maxConversations: number;
  /** A conversation with no request for this long is dropped with its tokens. */
  idleTimeoutMs: number;
  /** Activities kept per conversation for watermark replay. */
  maxHistory: number;
  /** Bytes of JSON kept per conversation, however few activities that is. */
  maxHistoryBytes: number;
  /** Lifetime of a token; refreshing issues a new one. */
  tokenTtlMs: number;
}

export interface ChannelsConfig {
  /** The bot's Microsoft App ID, or '' for local use without authentication. */
  botAppId: string;
  botName: string;
  /** Public origin of the bot (e.g. https://bot.example.org); derived from each request when unset. */
  publicUrl?: string;
  /** Set for a real Azure Direct Line channel: the page gets tokens from it and the local endpoint is off. */
  directLineSecret?: string;
  /** Base URL of the Azure Direct Line API (regional endpoints differ). */
  directLineDomain: string;
  local: LocalDirectLineConfig;
}

export const DEFAULT_LOCAL_DIRECT_LINE: LocalDirectLineConfig = {
  maxConversations: 1000,
  idleTimeoutMs: 30 * 60_000,
  maxHistory: 200,
  maxHistoryBytes: 256 * 1024,
  tokenTtlMs: 30 * 60_000,
};

/** Reads the channel settings from the environment; throws naming every wrong variable. */
export function loadChannelsConfig(env: NodeJS.ProcessEnv = process.env): ChannelsConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.map(String).join('.')}: ${issue.message}`);
    throw new Error(`Invalid channel configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  return {
    botAppId: e.MicrosoftAppId ?? '',
    botName: e.BOT_NAME ?? 'MoU FAQ bot',
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') } : {}),
    ...(e.DIRECT_LINE_SECRET ? { directLineSecret: e.DIRECT_LINE_SECRET } : {}),
    directLineDomain: e.DIRECT_LINE_DOMAIN.replace(/\/+$/, ''),
    local: {
      maxConversations: e.DIRECT_LINE_MAX_CONVERSATIONS,
      idleTimeoutMs: e.DIRECT_LINE_IDLE_MINUTES * 60_000,
      maxHistory: e.DIRECT_LINE_MAX_HISTORY,
      maxHistoryBytes: DEFAULT_LOCAL_DIRECT_LINE.maxHistoryBytes,
      tokenTtlMs: DEFAULT_LOCAL_DIRECT_LINE.tokenTtlMs,
    },
  };
}
