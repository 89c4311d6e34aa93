import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Knowledge } from '../knowledge/load';
import type { QuestionClassifier } from '../dialogs/mainDialog';
import { createI18n, type Translations } from '../i18n';
import { BotAdapter, TurnRunner, createBot, type BotParts } from '../bot';
import { createStorage, type BotStorage } from '../storage';
import { createApp } from './app';

export interface ServiceOptions {
  config: Config;
  knowledge: Knowledge;
  classifier: QuestionClassifier;
  logger: Logger;
  /** Defaults to the locale files, missing texts logged as warnings. */
  i18n?: Translations;
}

export interface Service {
  server: Server;
  adapter: BotAdapter;
  turns: TurnRunner;
  i18n: Translations;
  storage: BotStorage;
  bot: BotParts;
  /** Refuses new turns and waits for those in flight (the HTTP server is closed by listen.stop). */
  drain(): Promise<void>;
  /** Releases the storage; call after drain. */
  close(): void;
}

/** Everything behind the HTTP port: storage, texts, bot, adapter and the restify app (not yet listening). */
export function createService(options: ServiceOptions): Service {
  const { config, knowledge, classifier, logger } = options;
  const i18n =
    options.i18n ??
    createI18n({ onMissingKey: (lang, namespace, key) => logger.warn({ lang, namespace, key }, 'missing translation, English used') });
  const storage = createStorage(config.storage);
  const bot = createBot({ storage: storage.storage, knowledge, classifier, i18n, logger });
  const adapter = new BotAdapter(config.credentials);
  adapter.onTurnError = bot.onTurnError;
  const turns = new TurnRunner(adapter, bot.bot);
  const server = createApp({
    turns,
    logger,
    readiness: [
      {
        name: 'knowledge',
        check: () => {
          if (knowledge.intents.length === 0) throw new Error('no intents loaded');
        },
      },
      { name: 'storage', check: () => storage.probe() },
      {
        name: 'accepting',
        check: () => {
          if (!turns.accepting) throw new Error('shutting down');
        },
      },
    ],
  });
  return {
    server,
    adapter,
    turns,
    i18n,
    storage,
    bot,
    drain: () => turns.drain(),
    close: () => storage.close(),
  };
}
