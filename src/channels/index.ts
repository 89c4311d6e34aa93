import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { loadChannelsConfig, type ChannelsConfig } from './config';
import { registerDirectLineRoutes, DIRECT_LINE_BASE } from './directline/routes';
import { LocalDirectLine } from './directline/service';
import { attachDirectLineStream } from './directline/stream';
import type { ChannelDeps as BotChannelDeps } from '../server/channels';
import type { ChannelLogger } from './logger';
import { webChatBundlePresent, registerWebChatPage } from './webchat/routes';
import { directLineOrigins } from './webchat/securityHeaders';
import { azureTokenSource, localTokenSource, type FetchLike } from './webchat/token';

export { loadChannelsConfig, type ChannelsConfig } from './config';
export type { ChannelLogger } from './logger';

export interface ChannelDeps {
  adapter: CloudAdapter;
  /** The bot's turn logic, the same function /api/messages hands to adapter.process. */
  runTurn: (context: TurnContext) => Promise<void>;
  config?: ChannelsConfig;
  logger: ChannelLogger;
  /** For the Azure token exchange; the global fetch by default. */
  fetch?: FetchLike;
}

export interface Channels {
  /** 'local': this process is the Direct Line service; 'azure': the page uses Azure Direct Line. */
  readonly mode: 'local' | 'azure';
  /** The local Direct Line service (local mode only), for tests and diagnostics. */
  readonly directLine?: LocalDirectLine;
  /** Stops timers and closes streams; call before closing the server. */
  close(): void;
}

/**
 * Adds the web chat page (GET /), its token endpoint and, unless a Direct Line secret is
 * configured, a local Direct Line 3.0 service at /v3/directline to the bot's restify server.
 */
export function registerWebChannels(server: Server, deps: ChannelDeps): Channels {
  const config = deps.config ?? loadChannelsConfig();
  const { logger } = deps;
  if (!webChatBundlePresent()) logger.warn({}, 'web chat: botframework-webchat/dist/webchat.js is missing; the page will not load');

  if (config.directLineSecret) {
    const fetchImpl: FetchLike = deps.fetch ?? ((url, init) => fetch(url, init));
    registerWebChatPage(server, {
      connectOrigins: directLineOrigins(config.directLineDomain),
      tokens: azureTokenSource(config.directLineSecret, config.directLineDomain, fetchImpl),
      logger,
    });
    logger.info({ domain: config.directLineDomain }, 'web chat: using Azure Direct Line; the local endpoint is off');
    return { mode: 'azure', close: () => undefined };
  }

  const directLine = new LocalDirectLine({
    adapter: deps.adapter,
    runTurn: deps.runTurn,
    botAppId: config.botAppId,
    bot: { id: config.botAppId || 'bot', name: config.botName },
    serviceUrl: () => serviceUrl(server, config.publicUrl),
    limits: config.local,
    logger,
  });
  registerDirectLineRoutes(server, directLine, { ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}), logger });
  const stream = attachDirectLineStream(server.server, directLine.store, logger);
  registerWebChatPage(server, { connectOrigins: [], tokens: localTokenSource(directLine.store, config.publicUrl), logger });
  logger.info({ path: DIRECT_LINE_BASE }, 'web chat: local Direct Line endpoint enabled');
  server.server.once('listening', () => logger.info({ url: `${pageOrigin(server, config.publicUrl)}/` }, 'web chat: open the page in a browser'));
  let closed = false;
  return {
    mode: 'local',
    directLine,
    close: () => {
      if (closed) return;
      closed = true;
      stream.close();
      directLine.close();
    },
  };
}

/** PUBLIC_URL, else the address the server listens on (a wildcard address as localhost). */
function pageOrigin(server: Server, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl;
  const address = server.address() as ReturnType<Server['address']> | null;
  if (!address) return 'http://localhost';
  const wildcard = !address.address || address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function serviceUrl(server: Server, publicUrl: string | undefined): string {
  return `${pageOrigin(server, publicUrl)}${DIRECT_LINE_BASE}`;
}

/**
 * The channels as a ChannelRegistrar for src/index.ts: the bot's adapter and tracked turn
 * logic, this module's settings from the environment. src/index.ts calls `close()` at
 * shutdown once the turns in flight are done, so open streams do not hold the server open.
 */
export function webChannels(server: Server, deps: Pick<BotChannelDeps, 'adapter' | 'runTurn' | 'botAppId' | 'logger'>): Channels {
  const config = loadChannelsConfig(process.env);
  return registerWebChannels(server, {
    adapter: deps.adapter,
    runTurn: deps.runTurn,
    logger: deps.logger,
    config: { ...config, botAppId: deps.botAppId },
  });
}
