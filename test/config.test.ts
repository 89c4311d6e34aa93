import path from 'node:path';
import { ConfigError, DEFAULT_STORAGE_PATH, loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('runs for local use with no settings at all', () => {
    expect(loadConfig({})).toEqual({
      port: 3978,
      host: '127.0.0.1',
      logLevel: 'info',
      storage: { kind: 'sqlite', path: path.resolve(DEFAULT_STORAGE_PATH) },
    });
  });

  it('treats empty variables (a committed .env template) as unset', () => {
    expect(loadConfig({ PORT: '', HOST: '', MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '', MicrosoftAppType: '', LOG_LEVEL: '' })).toEqual(
      loadConfig({}),
    );
  });

  it('reads credentials, host, port, log level and storage', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '::',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: 'tenant',
      MicrosoftAppType: 'SingleTenant',
      LOG_LEVEL: 'DEBUG',
      STORAGE: 'blobs',
      BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      BLOB_CONTAINER: 'bot-state',
    });
    expect(config).toEqual({
      port: 8080,
      host: '::',
      logLevel: 'debug',
      credentials: { MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tenant', MicrosoftAppType: 'SingleTenant' },
      storage: { kind: 'blobs', connectionString: 'UseDevelopmentStorage=true', container: 'bot-state' },
    });
  });

  it('listens on every interface by default once credentials are set', () => {
    expect(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' }).host).toBe('0.0.0.0');
    expect(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }).credentials?.MicrosoftAppType).toBe('UserAssignedMSI');
  });

  it('takes STORAGE=memory and a STORAGE_PATH', () => {
    expect(loadConfig({ STORAGE: 'memory' }).storage).toEqual({ kind: 'memory' });
    expect(loadConfig({ STORAGE_PATH: 'var/state.db' }).storage).toEqual({ kind: 'sqlite', path: path.resolve('var/state.db') });
  });

  it.each<[string, NodeJS.ProcessEnv, string]>([
    ['a port that is not a number', { PORT: 'eighty' }, 'PORT: must be a port number (0-65535)'],
    ['a port out of range', { PORT: '70000' }, 'PORT: must be a port number (0-65535)'],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent'],
    ['an unknown app type', { MicrosoftAppType: 'AnyTenant' }, 'MicrosoftAppType: must be one of MultiTenant, SingleTenant, UserAssignedMSI'],
    ['a password without an app id', { MicrosoftAppPassword: 'secret' }, 'MicrosoftAppPassword: is set but MicrosoftAppId is not'],
    ['an app id without a password', { MicrosoftAppId: 'app' }, 'MicrosoftAppPassword: is required for MultiTenant'],
    ['single tenant without a tenant', { MicrosoftAppId: 'app', MicrosoftAppPassword: 's', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId: is required for SingleTenant'],
    ['an unknown storage', { STORAGE: 'redis' }, 'STORAGE: must be one of sqlite, memory, blobs'],
    ['blobs without a connection string', { STORAGE: 'blobs', BLOB_CONTAINER: 'state' }, 'BLOB_CONNECTION_STRING: is required when STORAGE=blobs'],
    ['blobs without a container', { STORAGE: 'blobs', BLOB_CONNECTION_STRING: 'x' }, 'BLOB_CONTAINER: is required when STORAGE=blobs'],
    ['an invalid container name', { STORAGE: 'blobs', BLOB_CONNECTION_STRING: 'x', BLOB_CONTAINER: 'Bot_State' }, 'BLOB_CONTAINER: must be 3-63'],
  ])('stops with a clear message for %s', (_name, env, problem) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/^Invalid configuration:\n/);
    expect((error as ConfigError).problems.some((p) => p.startsWith(problem))).toBe(true);
  });
});
