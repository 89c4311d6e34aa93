import type { Activity } from 'botbuilder';
import { ConversationStore } from '../../src/channels/directline/store';

const limits = {
  maxConversations: 3,
  idleTimeoutMs: 30 * 60_000,
  maxHistory: 5,
  maxHistoryBytes: 4096,
  tokenTtlMs: 30 * 60_000,
  minIdleBeforeEvictionMs: 60_000,
};

function storeAt(start = 0): { store: ConversationStore; clock: { now: number } } {
  const clock = { now: start };
  return { store: new ConversationStore({ ...limits, now: () => clock.now }), clock };
}

const message = (text: string): Activity => ({ type: 'message', text }) as Activity;

describe('ConversationStore', () => {
  it('gives each conversation its own random token and id', () => {
    const { store } = storeAt();
    const a = store.create();
    const b = store.create();
    expect(a && b).toBeTruthy();
    expect(a?.token.token).toMatch(/^[\w-]{43}$/);
    expect(a?.token.token).not.toBe(b?.token.token);
    expect(a?.conversation.id).not.toBe(b?.conversation.id);
    expect(store.authenticate(a?.token.token)).toBe(a?.conversation);
    expect(store.authenticate(b?.token.token)).toBe(b?.conversation);
    expect(store.authenticate('guess')).toBeUndefined();
    expect(store.authenticate(undefined)).toBeUndefined();
  });

  it('refuses new conversations when full of active ones, then evicts the least recently used idle one', () => {
    const { store, clock } = storeAt();
    const created = [store.create(), store.create(), store.create()];
    expect(store.create()).toBeUndefined();

    clock.now += 61_000;
    store.authenticate(created[0]?.token.token); // the first one is in use again
    const fourth = store.create();
    expect(fourth).toBeDefined();
    expect(store.size).toBe(3);
    expect(store.authenticate(created[0]?.token.token)).toBeDefined();
    expect(store.authenticate(created[1]?.token.token)).toBeUndefined(); // evicted
    expect(created[1]?.conversation.isClosed).toBe(true);
  });

  it('drops conversations and their tokens after the idle time', () => {
    const { store, clock } = storeAt();
    const a = store.create();
    clock.now += limits.idleTimeoutMs - 1;
    expect(store.authenticate(a?.token.token)).toBeDefined();
    clock.now += limits.idleTimeoutMs;
    expect(store.authenticate(a?.token.token)).toBeUndefined();
    expect(store.sweep()).toBe(1);
    expect(store.size).toBe(0);
  });

  it('expires tokens, and a refreshed token keeps the conversation', () => {
    const { store, clock } = storeAt();
    const created = store.create();
    if (!created) throw new Error('not created');
    clock.now += limits.tokenTtlMs - 60_000;
    expect(store.authenticate(created.token.token)).toBe(created.conversation); // as POST /tokens/refresh does
    const refreshed = store.issueToken(created.conversation);
    clock.now += 60_000;
    expect(store.authenticate(created.token.token)).toBeUndefined();
    expect(store.authenticate(refreshed.token)).toBe(created.conversation);
  });

  it('keeps a bounded history with stable ids and watermarks', () => {
    const { store } = storeAt();
    const { conversation } = store.create() ?? {};
    if (!conversation) throw new Error('not created');
    for (let i = 0; i < 8; i++) conversation.append(message(`m${i}`), new Date());
    const all = conversation.since(0);
    expect(all.watermark).toBe('8');
    expect(all.activities.map((a) => a.text)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
    expect(all.activities[0]?.id).toBe(`${conversation.id}|0000003`);
    expect(conversation.since(6).activities.map((a) => a.text)).toEqual(['m6', 'm7']);
    expect(conversation.since(8).activities).toEqual([]);
  });

  it('keeps the history within its byte budget, always with the newest activity', () => {
    const { store } = storeAt();
    const { conversation } = store.create() ?? {};
    if (!conversation) throw new Error('not created');
    conversation.append(message('a'.repeat(1500)), new Date());
    conversation.append(message('b'.repeat(1500)), new Date());
    conversation.append(message('c'.repeat(1500)), new Date());
    expect(conversation.since(0).activities.map((a) => a.text?.[0])).toEqual(['b', 'c']);
    conversation.append(message('d'.repeat(9000)), new Date());
    expect(conversation.since(0).activities.map((a) => a.text?.[0])).toEqual(['d']);
    expect(conversation.since(0).watermark).toBe('4');
  });

  it('lets a stream ticket be used once, within a minute', () => {
    const { store, clock } = storeAt();
    const { conversation } = store.create() ?? {};
    if (!conversation) throw new Error('not created');
    const ticket = store.issueStreamTicket(conversation, 4);
    expect(store.redeemStreamTicket(conversation.id, ticket)).toMatchObject({ watermark: 4 });
    expect(store.redeemStreamTicket(conversation.id, ticket)).toBeUndefined();
    const late = store.issueStreamTicket(conversation, undefined);
    clock.now += 61_000;
    expect(store.redeemStreamTicket(conversation.id, late)).toBeUndefined();
    expect(store.redeemStreamTicket('other', store.issueStreamTicket(conversation, undefined))).toBeUndefined();
  });

  it('runs turns one at a time and refuses a flood', async () => {
    const { store } = storeAt();
    const { conversation } = store.create() ?? {};
    if (!conversation) throw new Error('not created');
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = conversation.enqueueTurn(() => new Promise<void>((resolve) => (release = () => (order.push('first'), resolve()))), 2);
    const second = conversation.enqueueTurn(() => Promise.resolve(void order.push('second')), 2);
    expect(conversation.enqueueTurn(() => Promise.resolve(), 2)).toBeUndefined();
    await Promise.resolve();
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
  });
});
