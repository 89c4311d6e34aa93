import { MemoryStorage, type Activity, type StoreItems } from 'botbuilder';
import { BotAdapter } from '../../src/bot/adapter';
import { InvalidActivityError, ShuttingDownError, TurnRunner } from '../../src/bot/turns';
import { createBot } from '../../src/bot';
import { StubClassifier, classification, common, expectedAnswer, knowledge, question, recordingI18n, silentLogger } from './support';

const { i18n } = recordingI18n();

/** MemoryStorage whose reads wait until the test lets them go. */
class GatedStorage extends MemoryStorage {
  private release: () => void = () => undefined;
  private gate: Promise<void> = Promise.resolve();
  readonly reads: number[] = [];

  close(): void {
    this.gate = new Promise((resolve) => (this.release = resolve));
  }

  open(): void {
    this.release();
  }

  override async read(keys: string[]): Promise<StoreItems> {
    this.reads.push(keys.length);
    await this.gate;
    return super.read(keys);
  }
}

function setup(credentials?: ConstructorParameters<typeof BotAdapter>[0], storage = new MemoryStorage()) {
  const classifier = new StubClassifier((_t, lang) => classification('answer', ['place'], lang));
  const parts = createBot({ storage, knowledge, classifier, i18n, logger: silentLogger() });
  const adapter = new BotAdapter(credentials);
  adapter.onTurnError = parts.onTurnError;
  return { turns: new TurnRunner(adapter, parts.bot), adapter, classifier };
}

const activity = (text: string, extra: Partial<Activity> = {}): Partial<Activity> => ({
  type: 'message',
  id: 'in-1',
  text,
  locale: 'da-DK',
  channelId: 'directline',
  conversation: { id: 'dl-1', isGroup: false, conversationType: 'personal', name: '' },
  from: { id: 'visitor-1', name: 'Visitor' },
  recipient: { id: 'bot', name: 'MoU Bot' },
  ...extra,
});

describe('TurnRunner.run (in-process)', () => {
  it('runs one activity through the adapter and returns the replies, without a serviceUrl', async () => {
    const { turns } = setup();
    const replies = await turns.run(activity(question('da', 'place')));
    expect(replies.map((r) => r.text)).toEqual([expectedAnswer('da', 'place')]);
    expect(replies[0]?.replyToId).toBe('in-1');
  });

  it('needs no token when the bot has credentials', async () => {
    const { turns } = setup({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' });
    const replies = await turns.run(activity('hvor?', { serviceUrl: 'https://example.org/directline' }));
    expect(replies.map((r) => r.text)).toEqual([expectedAnswer('da', 'place')]);
  });

  it('runs a conversation update (the welcome)', async () => {
    const { turns } = setup();
    const update = activity('', { type: 'conversationUpdate', membersAdded: [{ id: 'visitor-1', name: '' }], locale: 'fr-FR' });
    delete update.text;
    expect((await turns.run(update)).map((r) => r.text)).toEqual([common('fr', 'welcome')]);
  });

  it('does not change the activity it is given', async () => {
    const { turns } = setup();
    const given = activity('<at>MoU Bot</at> hvor?', { entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'MoU Bot' }, text: '<at>MoU Bot</at>' }] });
    const copy = structuredClone(given);
    await turns.run(given);
    expect(given).toEqual(copy);
  });

  it.each<[string, Partial<Activity>, string]>([
    ['no type', { type: undefined }, 'the activity has no type'],
    ['no conversation', { conversation: undefined }, 'the activity has no conversation.id'],
    ['no sender', { from: undefined }, 'the activity has no from.id'],
    ['no recipient', { recipient: undefined }, 'the activity has no recipient.id'],
  ])('refuses an activity with %s', async (_name, change, reason) => {
    const { turns, classifier } = setup();
    await expect(turns.run({ ...activity('hvor?'), ...change })).rejects.toEqual(new InvalidActivityError(reason));
    expect(classifier.calls).toEqual([]);
  });
});

describe('TurnRunner.drain', () => {
  it('waits for the turns in flight, then refuses new ones', async () => {
    const storage = new GatedStorage();
    const { turns } = setup(undefined, storage);
    storage.close();
    const turn = turns.run(activity('hvor?'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(turns.inFlight).toBe(1);

    let drained = false;
    const draining = turns.drain().then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(drained).toBe(false);
    expect(turns.accepting).toBe(false);

    storage.open();
    expect((await turn).map((r) => r.text)).toEqual([expectedAnswer('da', 'place')]);
    await draining;
    expect(turns.inFlight).toBe(0);
    await expect(turns.run(activity('hvor?'))).rejects.toBeInstanceOf(ShuttingDownError);
  });

  it('counts turns run through turns.logic by callers that drive the adapter themselves', async () => {
    const storage = new GatedStorage();
    const { turns, adapter } = setup(undefined, storage);
    storage.close();
    // As a Direct Line endpoint does: its own authentication result and connector.
    const logicSeen: boolean[] = [];
    const direct = adapter.processInProcess({ ...(activity('hvor?') as Activity), deliveryMode: 'expectReplies' }, async (context) => {
      logicSeen.push(true);
      await turns.logic(context);
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(turns.inFlight).toBe(1);
    storage.open();
    await direct;
    await turns.drain();
    expect(logicSeen).toEqual([true]);
    expect(turns.inFlight).toBe(0);
  });
});
