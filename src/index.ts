import { ConfigError, loadConfig, type Config } from './config';
import { webChannels } from './channels';
import { buildEngine } from './knowledge/engine';
import { loadKnowledge } from './knowledge/load';
import { registerChannels, type ChannelRegistrar } from './server/channels';
import { listen, stop } from './server/listen';
import { createLogger } from './server/logger';
import { createService } from './server/service';

/**
 * Channels served on the same restify server besides /api/messages: the web chat page and its
 * local Direct Line endpoint. Each is a ChannelRegistrar (src/server/channels.ts); the handle it
 * returns is closed at shutdown.
 */
const CHANNELS: readonly ChannelRegistrar[] = [webChannels];

/** The longest a graceful shutdown may take before the process gives up and exits 1. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);

  const started = Date.now();
  const knowledge = loadKnowledge();
  const engine = buildEngine(knowledge);
  logger.info({ intents: engine.intentIds.length, examples: engine.report.examples, ms: Date.now() - started }, 'engine trained');

  const service = createService({ config, knowledge, classifier: engine, logger });
  const channels = registerChannels(
    service.server,
    {
      config,
      logger,
      turns: service.turns,
      adapter: service.adapter,
      runTurn: service.turns.logic,
      botAppId: config.credentials?.MicrosoftAppId ?? '',
      i18n: service.i18n,
    },
    CHANNELS,
  );

  const address = await listen(service.server, config.port, config.host);
  logger.info(
    { host: address.address, port: address.port, authentication: config.credentials ? 'on' : 'off (local use only)', storage: service.storage.describe },
    'listening on /api/messages',
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: service.turns.inFlight }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown timed out');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    // Open streams of the channels would keep the server from closing: they go once the turns are done.
    const drain = async (): Promise<void> => {
      await service.drain();
      for (const channel of channels) channel.close();
    };
    stop(service.server, drain)
      .then(() => {
        service.close();
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: { message: (error as Error).message } }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
