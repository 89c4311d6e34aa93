import { DeliveryModes, type Activity, type ActivityHandlerBase, type ExpectedReplies, type InvokeResponse } from 'botbuilder';
import { checkActivity } from './activityCheck';
import type { AuthenticateRequestResult, BotAdapter, TurnLogic } from './adapter';

/** An activity an in-process caller handed over that the bot cannot process. */
export class InvalidActivityError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InvalidActivityError';
  }
}

/** A turn offered after shutdown began. */
export class ShuttingDownError extends Error {
  constructor() {
    super('the bot is shutting down');
    this.name = 'ShuttingDownError';
  }
}

/**
 * Runs activities through the adapter and the bot, for the HTTP endpoint and for in-process
 * callers, and keeps count of the turns in flight so that shutdown can wait for them.
 */
export class TurnRunner {
  private readonly running = new Set<Promise<unknown>>();
  private closing = false;

  constructor(
    private readonly adapter: BotAdapter,
    private readonly bot: ActivityHandlerBase,
  ) {}

  /**
   * The bot's turn logic, for callers that drive the adapter themselves (e.g.
   * `adapter.processActivityDirect(auth, activity, turns.logic)` with their own connector).
   * Counted as in flight while it runs, so shutdown waits for it too.
   */
  readonly logic: TurnLogic = (context) => this.track(this.bot.run(context));

  get authenticationEnabled(): boolean {
    return this.adapter.authenticationEnabled;
  }

  /** False once shutdown has begun. */
  get accepting(): boolean {
    return !this.closing;
  }

  get inFlight(): number {
    return this.running.size;
  }

  /** Validates the bearer token of an HTTP request. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.adapter.authenticate(activity, authHeader);
  }

  /** Runs one authenticated activity from the HTTP endpoint. */
  process(auth: AuthenticateRequestResult, activity: Activity): Promise<InvokeResponse | undefined> {
    if (this.closing) return Promise.reject(new ShuttingDownError());
    return this.track(this.adapter.processAuthenticated(auth, activity, (context) => this.bot.run(context)));
  }

  /**
   * Runs one activity in-process and returns the bot's replies (delivery mode "expectReplies",
   * so nothing is posted to a serviceUrl). For trusted callers on this server, such as a
   * Direct Line endpoint: no token is checked. Throws InvalidActivityError for an activity
   * without type, conversation.id, from.id or recipient.id.
   */
  async run(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const checked = checkActivity({ ...activity, deliveryMode: DeliveryModes.ExpectReplies });
    if (!checked.ok) throw new InvalidActivityError(checked.reason);
    if (this.closing) throw new ShuttingDownError();
    const response = await this.track(this.adapter.processInProcess(checked.activity, (context) => this.bot.run(context)));
    const body = response?.body as ExpectedReplies | undefined;
    return body?.activities ?? [];
  }

  /** Refuses new turns from `process` and `run`, and resolves once every turn in flight has finished. */
  async drain(): Promise<void> {
    this.closing = true;
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.running.add(promise);
    const forget = (): void => {
      this.running.delete(promise);
    };
    promise.then(forget, forget);
    return promise;
  }
}
