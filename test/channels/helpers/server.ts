import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import restify, { type Server } from 'restify';
import { DEFAULT_LOCAL_DIRECT_LINE, type ChannelsConfig } from '../../../src/channels/config';
import { registerWebChannels, type Channels } from '../../../src/channels';
import { silentLogger, type ChannelLogger } from '../../../src/channels/logger';
import type { FetchLike } from '../../../src/channels/webchat/token';

export interface TestServer {
  url: string;
  server: Server;
  channels: Channels;
  errors: unknown[];
  close(): Promise<void>;
}

export interface TestServerOptions {
  runTurn: (context: TurnContext) => Promise<void>;
  config?: Partial<ChannelsConfig>;
  fetch?: FetchLike;
  adapter?: CloudAdapter;
}

export const testConfig = (overrides: Partial<ChannelsConfig> = {}): ChannelsConfig => ({
  botAppId: '',
  botName: 'Test bot',
  directLineDomain: 'https://directline.botframework.com/v3/directline',
  local: { ...DEFAULT_LOCAL_DIRECT_LINE },
  ...overrides,
});

/** A restify server with only the channels on it, listening on a free local port. */
export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const errors: unknown[] = [];
  const logger: ChannelLogger = { ...silentLogger, error: (obj) => errors.push(obj) };
  const adapter = options.adapter ?? new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = (_context, error) => {
    errors.push(error);
    return Promise.resolve();
  };
  const server = restify.createServer({ handleUncaughtExceptions: false });
  const channels = registerWebChannels(server, {
    adapter,
    runTurn: options.runTurn,
    config: testConfig(options.config),
    logger,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    channels,
    errors,
    close: async () => {
      channels.close();
      server.server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
    },
  };
}
