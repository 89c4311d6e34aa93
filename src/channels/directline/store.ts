import type { LocalDirectLineConfig } from '../config';
import { Conversation } from './conversation';
import { hashSecret, randomId } from './secrets';

export interface StoreOptions extends LocalDirectLineConfig {
  /** A conversation must have been idle this long before a newcomer may evict it. */
  minIdleBeforeEvictionMs?: number;
  now?: () => number;
}

export interface IssuedToken {
  token: string;
  /** Seconds, as Direct Line's `expires_in`. */
  expiresIn: number;
}

interface TokenRecord {
  conversationId: string;
  expiresAt: number;
}

const USER_ID = /^[\w.:@-]{1,64}$/;
const STREAM_TICKET_TTL_MS = 60_000;

/**
 * All local Direct Line conversations, bounded in number, each reachable only with its own tokens.
 * The map keeps least-recently-used order (a touch re-inserts), so expiry and eviction look at the front.
 */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly now: () => number;
  private readonly minIdleBeforeEvictionMs: number;

  constructor(private readonly options: StoreOptions) {
    this.now = options.now ?? Date.now;
    this.minIdleBeforeEvictionMs = options.minIdleBeforeEvictionMs ?? Math.min(60_000, options.idleTimeoutMs);
  }

  get size(): number {
    return this.conversations.size;
  }

  /** A new conversation and its first token, or undefined when the store is full of active ones. */
  create(requestedUserId?: string, locale?: string): { conversation: Conversation; token: IssuedToken } | undefined {
    this.sweep();
    if (this.conversations.size >= this.options.maxConversations && !this.evictOne()) return undefined;
    const userId = requestedUserId && USER_ID.test(requestedUserId) ? requestedUserId : `dl_${randomId(12)}`;
    const conversation = new Conversation(randomId(18), { id: userId, role: 'user' }, locale, this.options, this.now());
    this.conversations.set(conversation.id, conversation);
    return { conversation, token: this.issueToken(conversation) };
  }

  issueToken(conversation: Conversation): IssuedToken {
    const token = randomId(32);
    const hash = hashSecret(token);
    this.tokens.set(hash, { conversationId: conversation.id, expiresAt: this.now() + this.options.tokenTtlMs });
    for (const dropped of conversation.addTokenHash(hash)) this.tokens.delete(dropped);
    return { token, expiresIn: Math.floor(this.options.tokenTtlMs / 1000) };
  }

  /** Seconds left on a live token (0 when unknown or expired). */
  expiresIn(token: string): number {
    const record = this.tokens.get(hashSecret(token));
    return record ? Math.max(0, Math.floor((record.expiresAt - this.now()) / 1000)) : 0;
  }

  /** The conversation a live token belongs to, marked as just used. */
  authenticate(token: string | undefined): Conversation | undefined {
    if (!token) return undefined;
    const record = this.tokens.get(hashSecret(token));
    if (!record) return undefined;
    if (record.expiresAt <= this.now()) {
      this.tokens.delete(hashSecret(token));
      return undefined;
    }
    const conversation = this.conversations.get(record.conversationId);
    if (!conversation || this.isExpired(conversation)) return undefined;
    this.touch(conversation);
    return conversation;
  }

  /** Looks a conversation up without touching it (for the bot's replies and stream checks). */
  find(conversationId: string): Conversation | undefined {
    const conversation = this.conversations.get(conversationId);
    return conversation && !this.isExpired(conversation) ? conversation : undefined;
  }

  touch(conversation: Conversation): void {
    conversation.lastSeen = this.now();
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  /** A single-use ticket for the stream URL, valid for a minute. */
  issueStreamTicket(conversation: Conversation, watermark: number | undefined): string {
    const ticket = randomId(24);
    conversation.addStreamTicket(hashSecret(ticket), this.now() + STREAM_TICKET_TTL_MS, watermark);
    return ticket;
  }

  redeemStreamTicket(conversationId: string, ticket: string | null): { conversation: Conversation; watermark: number | undefined } | undefined {
    const conversation = this.find(conversationId);
    if (!conversation || !ticket) return undefined;
    const redeemed = conversation.redeemStreamTicket(hashSecret(ticket), this.now());
    if (!redeemed) return undefined;
    this.touch(conversation);
    return { conversation, watermark: redeemed.watermark };
  }

  /** Drops every conversation idle past the timeout, and expired tokens. */
  sweep(): number {
    let removed = 0;
    for (const conversation of this.conversations.values()) {
      if (!this.isExpired(conversation)) break;
      this.remove(conversation);
      removed++;
    }
    const now = this.now();
    for (const [hash, record] of this.tokens) if (record.expiresAt <= now) this.tokens.delete(hash);
    return removed;
  }

  remove(conversation: Conversation): void {
    this.conversations.delete(conversation.id);
    for (const hash of conversation.tokens) this.tokens.delete(hash);
    conversation.close();
  }

  closeAll(): void {
    for (const conversation of [...this.conversations.values()]) this.remove(conversation);
  }

  private isExpired(conversation: Conversation): boolean {
    return this.now() - conversation.lastSeen >= this.options.idleTimeoutMs;
  }

  private evictOne(): boolean {
    const oldest = this.conversations.values().next();
    if (oldest.done || this.now() - oldest.value.lastSeen < this.minIdleBeforeEvictionMs) return false;
    this.remove(oldest.value);
    return true;
  }
}
