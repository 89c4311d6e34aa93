import type { Activity, CloudAdapter } from 'botbuilder';
import type { LocalDirectLineConfig } from '../config';
import type { ChannelLogger } from '../logger';
import { createTurnDispatcher, type RunTurn } from './bridge';
import type { Conversation } from './conversation';
import { DirectLineError } from './errors';
import { conversationStartActivity, toActivity, type ChannelIdentity } from './inbound';
import { ConversationStore, type StoreOptions } from './store';

export interface LocalDirectLineOptions {
  adapter: CloudAdapter;
  runTurn: RunTurn;
  /** The bot's Microsoft App ID ('' without authentication): the audience of the turn's identity. */
  botAppId: string;
  bot: { id: string; name: string };
  /** Where the bot believes its channel lives; only a label, replies never leave the process. */
  serviceUrl: () => string;
  limits: LocalDirectLineConfig & Pick<StoreOptions, 'minIdleBeforeEvictionMs' | 'now'>;
  logger: ChannelLogger;
}

const MAX_WAITING_TURNS = 5;
const SWEEP_INTERVAL_MS = 60_000;

/** The local Direct Line channel: conversations in memory, turns through the bot's adapter. */
export class LocalDirectLine {
  readonly store: ConversationStore;
  private readonly dispatch: (activity: Activity) => Promise<void>;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: LocalDirectLineOptions) {
    this.store = new ConversationStore(options.limits);
    this.dispatch = createTurnDispatcher(options.adapter, options.runTurn, options.botAppId, (id, activity) => this.receiveFromBot(id, activity));
    this.sweeper = setInterval(() => this.store.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  get identity(): ChannelIdentity {
    return { serviceUrl: this.options.serviceUrl(), bot: this.options.bot };
  }

  /** Tells the bot the conversation began (once), as Direct Line does on its first start. */
  start(conversation: Conversation): void {
    if (conversation.started) return;
    conversation.started = true;
    const update = conversationStartActivity(conversation, this.identity);
    void this.runTurn(conversation, update).catch(() => undefined);
  }

  /** Echoes the visitor's activity into the conversation, then runs the bot's turn on it. */
  async post(conversation: Conversation, activity: Activity): Promise<Activity> {
    const stored = conversation.append(activity, new Date());
    await this.runTurn(conversation, stored);
    return stored;
  }

  close(): void {
    clearInterval(this.sweeper);
    this.store.closeAll();
  }

  private runTurn(conversation: Conversation, activity: Activity): Promise<void> {
    const turn = conversation.enqueueTurn(async () => {
      // The bot may change what it is given (removeRecipientMention does); the history keeps the original.
      await this.dispatch(structuredClone(activity));
    }, MAX_WAITING_TURNS);
    if (!turn) return Promise.reject(new DirectLineError(429, 'TooManyRequests', 'Too many activities waiting for the bot.'));
    return turn.catch((error: unknown) => {
      this.options.logger.error({ err: error, conversationId: conversation.id, activityType: activity.type }, 'local Direct Line: bot turn failed');
      throw new DirectLineError(502, 'BotError', 'The bot failed to process the activity.');
    });
  }

  private receiveFromBot(conversationId: string, activity: Activity): { id: string } | undefined {
    const conversation = this.store.find(conversationId);
    if (!conversation || conversation.isClosed) return undefined;
    const stored = conversation.append(
      toActivity({
        ...activity,
        // Direct Line never shows the client the bot's serviceUrl or caller id.
        serviceUrl: undefined,
        callerId: undefined,
        channelId: 'directline',
        conversation: { id: conversation.id },
        from: { id: this.options.bot.id, name: activity.from?.name || this.options.bot.name, role: 'bot' },
        recipient: conversation.user,
      }),
      new Date(),
    );
    return { id: stored.id ?? '' };
  }
}
