import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { webChannels, type Channels } from '../../../src/channels';
import { loadConfig } from '../../../src/config';
import { buildEngine } from '../../../src/knowledge/engine';
import { loadKnowledge } from '../../../src/knowledge/load';
import { registerChannels, type ChannelRegistrar } from '../../../src/server/channels';
import { listen } from '../../../src/server/listen';
import { createService, type Service } from '../../../src/server/service';

/** Training the real engine takes seconds: start the bot in beforeAll with this timeout. */
export const REAL_BOT_TIMEOUT_MS = 180_000;

export interface RealBot {
  url: string;
  service: Service;
  channels: Channels;
  close(): Promise<void>;
}

/**
 * The real bot composed as src/index.ts composes it (memory storage, no credentials), with
 * the channels added through the ChannelRegistrar hook, listening on a free local port.
 */
export async function startRealBot(): Promise<RealBot> {
  const config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', PORT: '0' });
  const logger = pino({ level: 'silent' });
  const knowledge = loadKnowledge();
  const engine = buildEngine(knowledge);
  const service = createService({ config, knowledge, classifier: engine, logger });
  let channels: Channels | undefined;
  const capture: ChannelRegistrar = (server, deps) => {
    channels = webChannels(server, deps);
  };
  registerChannels(
    service.server,
    { config, logger, turns: service.turns, adapter: service.adapter, runTurn: service.turns.logic, botAppId: '', i18n: service.i18n },
    [capture],
  );
  if (!channels) throw new Error('channels not registered');
  const address: AddressInfo = await listen(service.server, 0, '127.0.0.1');
  const registered = channels;
  return {
    url: `http://127.0.0.1:${address.port}`,
    service,
    channels: registered,
    close: async () => {
      registered.close();
      service.server.server.closeAllConnections();
      await new Promise<void>((resolve) => {
        service.server.close(() => resolve());
      });
      await service.drain();
      service.close();
    },
  };
}

type Lang = 'da' | 'fr' | 'en';

/** The fact sentence of an intent's answer, read from the locale files the bot answers from. */
export function answerFact(lang: Lang, intent: string): string {
  const answers = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', 'locales', lang, 'answers.json'), 'utf8')) as Record<
    string,
    { fact: string }
  >;
  const fact = answers[intent]?.fact;
  if (!fact) throw new Error(`no answer ${intent} in ${lang}`);
  return fact;
}
