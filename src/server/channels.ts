import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { TurnRunner } from '../bot/turns';
import type { BotAdapter, TurnLogic } from '../bot/adapter';
import type { Translations } from '../i18n';

/** What an extra channel gets to work with when it adds its routes to the server. */
export interface ChannelDeps {
  config: Config;
  logger: Logger;
  /** `turns.run(activity)` runs one activity through the bot in-process and returns its replies (expectReplies). */
  turns: TurnRunner;
  /** The bot's CloudAdapter (its onTurnError set), for `adapter.processActivityDirect(auth, activity, runTurn)`. */
  adapter: BotAdapter;
  /** The bot's turn logic for the adapter; shutdown waits for the turns it runs. */
  runTurn: TurnLogic;
  /** The Microsoft App ID, '' without authentication (the audience of an in-process turn's identity). */
  botAppId: string;
  i18n: Translations;
}

/** What a channel gives back so that shutdown can stop its timers and streams. */
export interface ChannelHandle {
  close(): void;
}

/**
 * Adds the routes of one extra channel (a Direct Line endpoint, a web page) to the bot's
 * restify server. Called once, after the bot's own routes exist and before listening.
 */
export type ChannelRegistrar = (server: Server, deps: ChannelDeps) => ChannelHandle | void;

/** Registers every channel; returns the handles to close at shutdown (after the turns in flight, before the server). */
export function registerChannels(server: Server, deps: ChannelDeps, registrars: readonly ChannelRegistrar[]): ChannelHandle[] {
  const handles: ChannelHandle[] = [];
  for (const register of registrars) {
    const handle = register(server, deps);
    if (handle) handles.push(handle);
  }
  return handles;
}
