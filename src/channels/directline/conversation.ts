import type { Activity } from 'botbuilder';

/** What GET /activities returns and what each stream message carries. */
export interface ActivitySet {
  activities: Activity[];
  watermark: string;
}

/** The visitor's account; Direct Line knows no name for an anonymous visitor. */
export interface DirectLineUser {
  id: string;
  name?: string;
  role: 'user';
}

export interface ConversationSubscriber {
  onActivities(set: ActivitySet): void;
  onClose(): void;
}

interface StoredActivity {
  seq: number;
  activity: Activity;
  bytes: number;
}

export interface HistoryLimits {
  maxHistory: number;
  maxHistoryBytes: number;
}

interface StreamTicket {
  hash: string;
  expiresAt: number;
  watermark: number | undefined;
}

/** Direct Line ids look like `conversationId|0000042`. */
const SEQ_DIGITS = 7;
const MAX_STREAM_TICKETS = 3;
const MAX_TOKENS = 3;

/**
 * One Direct Line conversation: its bounded activity history (for watermarks),
 * its live subscribers (WebSocket streams) and a queue that runs its turns one at a time.
 */
export class Conversation {
  lastSeen: number;
  /** Set once the bot has been told about the conversation (conversationUpdate). */
  started = false;
  private nextSeq = 0;
  private readonly history: StoredActivity[] = [];
  private historyBytes = 0;
  private readonly subscribers = new Set<ConversationSubscriber>();
  private tickets: StreamTicket[] = [];
  private tokenHashes: string[] = [];
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private closed = false;

  constructor(
    readonly id: string,
    readonly user: DirectLineUser,
    public locale: string | undefined,
    private readonly limits: HistoryLimits,
    now: number,
  ) {
    this.lastSeen = now;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Gives the activity its Direct Line id and timestamp, keeps it, and pushes it to every stream. */
  append(activity: Activity, now: Date): Activity {
    const seq = this.nextSeq++;
    const stored: Activity = { ...activity, id: `${this.id}|${String(seq).padStart(SEQ_DIGITS, '0')}`, timestamp: now };
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    this.history.push({ seq, activity: stored, bytes });
    this.historyBytes += bytes;
    while (this.history.length > 1 && (this.history.length > this.limits.maxHistory || this.historyBytes > this.limits.maxHistoryBytes)) {
      this.historyBytes -= this.history.shift()?.bytes ?? 0;
    }
    const set: ActivitySet = { activities: [stored], watermark: String(this.nextSeq) };
    for (const subscriber of this.subscribers) subscriber.onActivities(set);
    return stored;
  }

  /** Activities at or after the watermark still in the history; older ones are gone for good. */
  since(watermark: number): ActivitySet {
    const activities = this.history.filter((item) => item.seq >= watermark).map((item) => item.activity);
    return { activities, watermark: String(this.nextSeq) };
  }

  subscribe(subscriber: ConversationSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  addTokenHash(hash: string): string[] {
    this.tokenHashes.push(hash);
    return this.tokenHashes.length > MAX_TOKENS ? this.tokenHashes.splice(0, this.tokenHashes.length - MAX_TOKENS) : [];
  }

  get tokens(): readonly string[] {
    return this.tokenHashes;
  }

  /** A stream URL's ticket is single-use and short-lived, so URLs in logs are worthless. */
  addStreamTicket(hash: string, expiresAt: number, watermark: number | undefined): void {
    this.tickets.push({ hash, expiresAt, watermark });
    if (this.tickets.length > MAX_STREAM_TICKETS) this.tickets.splice(0, this.tickets.length - MAX_STREAM_TICKETS);
  }

  redeemStreamTicket(hash: string, now: number): { watermark: number | undefined } | undefined {
    const ticket = this.tickets.find((t) => t.hash === hash && t.expiresAt > now);
    this.tickets = this.tickets.filter((t) => t !== ticket && t.expiresAt > now);
    return ticket ? { watermark: ticket.watermark } : undefined;
  }

  /**
   * Runs turns one after another so two quick messages do not race on the bot's state.
   * Returns undefined when too many turns are already waiting.
   */
  enqueueTurn(work: () => Promise<void>, maxPending: number): Promise<void> | undefined {
    if (this.pending >= maxPending) return undefined;
    this.pending++;
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined).finally(() => {
      this.pending--;
    });
    return run;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const subscriber of this.subscribers) subscriber.onClose();
    this.subscribers.clear();
    this.tickets = [];
  }
}
