import path from 'node:path';
import { z } from 'zod';

/** Environment variables left empty (as in a committed .env template) count as unset. */
const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
const STORAGE_KINDS = ['sqlite', 'memory', 'blobs'] as const;

export const DEFAULT_STORAGE_PATH = path.join('data', 'bot-state.sqlite');

const envSchema = z
  .object({
    PORT: z.preprocess(
      (v) => (v === undefined || v === '' ? undefined : v),
      z.coerce.number({ error: 'must be a port number (0-65535)' }).int('must be a port number (0-65535)').min(0, 'must be a port number (0-65535)').max(65535, 'must be a port number (0-65535)').default(3978),
    ),
    HOST: optionalText,
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppTenantId: optionalText,
    MicrosoftAppType: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.enum(APP_TYPES, { message: `must be one of ${APP_TYPES.join(', ')}` }).optional(),
    ),
    LOG_LEVEL: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : undefined),
      z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    ),
    STORAGE: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : undefined),
      z.enum(STORAGE_KINDS, { message: `must be one of ${STORAGE_KINDS.join(', ')}` }).default('sqlite'),
    ),
    STORAGE_PATH: optionalText,
    BLOB_CONNECTION_STRING: optionalText,
    BLOB_CONTAINER: optionalText,
  })
  .superRefine((env, ctx) => {
    const problem = (key: string, message: string): void => ctx.addIssue({ code: 'custom', path: [key], message });
    if (!env.MicrosoftAppId) {
      for (const key of ['MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppType'] as const) {
        if (env[key]) problem(key, 'is set but MicrosoftAppId is not (set both, or neither for local use)');
      }
    } else {
      const type = env.MicrosoftAppType ?? 'MultiTenant';
      if (type !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) problem('MicrosoftAppPassword', `is required for ${type}`);
      if (type !== 'MultiTenant' && !env.MicrosoftAppTenantId) problem('MicrosoftAppTenantId', `is required for ${type}`);
    }
    if (env.STORAGE === 'blobs') {
      if (!env.BLOB_CONNECTION_STRING) problem('BLOB_CONNECTION_STRING', 'is required when STORAGE=blobs');
      if (!env.BLOB_CONTAINER) problem('BLOB_CONTAINER', 'is required when STORAGE=blobs');
      else if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(env.BLOB_CONTAINER)) {
        problem('BLOB_CONTAINER', 'must be 3-63 lower-case letters, digits and single hyphens');
      }
    }
  });

export type LogLevel = (typeof LOG_LEVELS)[number];

export type StorageConfig =
  | { kind: 'memory' }
  | { kind: 'sqlite'; path: string }
  | { kind: 'blobs'; connectionString: string; container: string };

export interface BotCredentials {
  MicrosoftAppId: string;
  MicrosoftAppPassword?: string;
  MicrosoftAppTenantId?: string;
  MicrosoftAppType: (typeof APP_TYPES)[number];
}

export interface Config {
  port: number;
  host: string;
  logLevel: LogLevel;
  /** Undefined for local use: no authentication, as with the Emulator or the Agents Playground. */
  credentials?: BotCredentials;
  storage: StorageConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment; throws ConfigError naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'environment'}: ${issue.message}`));
  }
  const e = parsed.data;
  const credentials: BotCredentials | undefined = e.MicrosoftAppId
    ? {
        MicrosoftAppId: e.MicrosoftAppId,
        MicrosoftAppType: e.MicrosoftAppType ?? 'MultiTenant',
        ...(e.MicrosoftAppPassword ? { MicrosoftAppPassword: e.MicrosoftAppPassword } : {}),
        ...(e.MicrosoftAppTenantId ? { MicrosoftAppTenantId: e.MicrosoftAppTenantId } : {}),
      }
    : undefined;
  const storage: StorageConfig =
    e.STORAGE === 'memory'
      ? { kind: 'memory' }
      : e.STORAGE === 'blobs'
        ? { kind: 'blobs', connectionString: e.BLOB_CONNECTION_STRING as string, container: e.BLOB_CONTAINER as string }
        : { kind: 'sqlite', path: path.resolve(e.STORAGE_PATH ?? DEFAULT_STORAGE_PATH) };
  return {
    port: e.PORT,
    // Without credentials every request is accepted, so the bot is only reachable from this machine.
    host: e.HOST ?? (credentials ? '0.0.0.0' : '127.0.0.1'),
    logLevel: e.LOG_LEVEL,
    ...(credentials ? { credentials } : {}),
    storage,
  };
}
