import { ActivityTypes, MemoryStorage, type Activity, type ChannelAccount } from 'botbuilder';
import { EXAMPLE_INTENTS } from '../../src/dialogs/replies';
import type { Lang } from '../../src/nlu/types';
import {
  StubClassifier,
  classification,
  common,
  expectedAnswer,
  harness,
  heroCardButtons,
  question,
  recordingI18n,
  suggestedValues,
  type MissingKey,
} from './support';

const { i18n, missing } = recordingI18n();
afterAll(() => expect(missing).toEqual<MissingKey[]>([]));

const user: ChannelAccount = { id: 'user1', name: 'User1' };
const bot: ChannelAccount = { id: 'bot', name: 'Bot' };

function membersAdded(members: ChannelAccount[], extra: Partial<Activity> = {}): Partial<Activity> {
  return { type: ActivityTypes.ConversationUpdate, membersAdded: members, from: user, recipient: bot, ...extra };
}

const languageButtons = ['Dansk', 'Français', 'English'];

describe('welcome', () => {
  it.each<[string, Lang]>([
    ['da-DK', 'da'],
    ['fr-FR', 'fr'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
  ])('greets a new member once, in the channel locale %s', async (locale, lang) => {
    const h = harness({ classifier: new StubClassifier(() => classification('decline', [])), i18n });
    const adapter = h.conversation({ locale });
    await adapter.processActivity(membersAdded([user, bot]));
    expect(adapter.activeQueue).toHaveLength(1);
    const reply = adapter.activeQueue[0] as Partial<Activity>;
    expect(reply.text).toBe(common(lang, 'welcome'));
    expect(reply.locale).toBe(lang);
    expect(suggestedValues(reply)).toEqual([...EXAMPLE_INTENTS.map((intent) => question(lang, intent)), ...languageButtons]);
  });

  it('sends one welcome when several people join at once, none when only the bot joins', async () => {
    const h = harness({ classifier: new StubClassifier(() => classification('decline', [])), i18n });
    const adapter = h.conversation();
    await adapter.processActivity(membersAdded([user, { id: 'user2', name: 'User2' }]));
    expect(adapter.activeQueue.map((a) => a.text)).toEqual([common('en', 'welcome')]);
    adapter.activeQueue.length = 0;
    await adapter.processActivity(membersAdded([bot]));
    expect(adapter.activeQueue).toEqual([]);
  });

  it('greets the user when Teams adds the bot to a personal chat', async () => {
    const h = harness({ classifier: new StubClassifier(() => classification('decline', [])), i18n });
    const adapter = h.conversation({ conversationType: 'personal', channelId: 'msteams', locale: 'da-DK' });
    await adapter.processActivity(membersAdded([bot]));
    expect(adapter.activeQueue.map((a) => a.text)).toEqual([common('da', 'welcome')]);
  });

  it('takes the language from a Teams clientInfo entity when the activity has no locale', async () => {
    const h = harness({ classifier: new StubClassifier(() => classification('decline', [])), i18n });
    const adapter = h.conversation({ locale: '' });
    const activity = { ...membersAdded([user]), entities: [{ type: 'clientInfo', locale: 'fr-FR' }] };
    await adapter.processActivity(activity);
    expect(adapter.activeQueue.map((a) => a.text)).toEqual([common('fr', 'welcome')]);
  });

  it('puts the buttons on a HeroCard in a Teams channel, where suggested actions do not show', async () => {
    const h = harness({ classifier: new StubClassifier(() => classification('decline', [])), i18n });
    const adapter = h.conversation({ conversationType: 'channel', channelId: 'msteams', locale: 'da-DK' });
    await adapter.send(membersAdded([user])).assertReply((reply) => {
      expect(reply.text).toBe(common('da', 'welcome'));
      expect(reply.suggestedActions).toBeUndefined();
      expect(heroCardButtons(reply).map((b): unknown[] => [b.type, b.value])).toEqual(
        [...EXAMPLE_INTENTS.map((intent) => question('da', intent)), ...languageButtons].map((v) => ['imBack', v]),
      );
    });
  });
});

describe('Teams @mentions', () => {
  const mention = { type: 'mention', mentioned: { id: bot.id, name: 'MoU Bot' }, text: '<at>MoU Bot</at>' };

  it.each([
    ['once', '<at>MoU Bot</at> hvem underskrev?', [mention]],
    ['twice', '<at>MoU Bot</at> hvem underskrev? <at>MoU Bot</at>', [mention, mention]],
  ])('strips the bot mention (%s) before the question is read', async (_name, text, entities) => {
    const classifier = new StubClassifier((_text, lang) => classification('answer', ['signatories'], lang));
    const h = harness({ classifier, i18n });
    const adapter = h.conversation({ channelId: 'msteams', locale: 'da-DK' });
    await adapter
      .send({ type: 'message', text, entities })
      .assertReply((reply) => expect(reply.text).toBe(expectedAnswer('da', 'signatories')));
    expect(classifier.calls).toEqual([{ text: 'hvem underskrev?', lang: 'da' }]);
  });
});

describe('activities the bot does not handle', () => {
  it.each([ActivityTypes.Typing, ActivityTypes.MessageReaction, ActivityTypes.Event, ActivityTypes.EndOfConversation, ActivityTypes.InstallationUpdate])(
    'ignores %s without error or reply',
    async (type) => {
      const classifier = new StubClassifier(() => classification('decline', []));
      const h = harness({ classifier, i18n });
      const adapter = h.conversation();
      await adapter.processActivity({ type });
      expect(adapter.activeQueue).toEqual([]);
      expect(classifier.calls).toEqual([]);
    },
  );
});

describe('turn errors', () => {
  it('apologises in the reply language and clears the conversation state', async () => {
    let fail = false;
    const classifier = new StubClassifier((text, lang) => {
      if (fail) throw new Error('engine exploded');
      return text === 'une question ambiguë' ? classification('clarify', ['signatories', 'signing_date'], lang) : classification('decline', [], lang);
    });
    const memory: Record<string, string> = {};
    const h = harness({ classifier, i18n, storage: new MemoryStorage(memory) });
    const adapter = h.conversation({ locale: 'fr-FR' });
    await adapter.send('une question ambiguë').assertReply((reply) => expect(reply.text).toBe(common('fr', 'clarify')));
    expect(Object.keys(memory).some((k) => k.includes('/conversations/'))).toBe(true);

    fail = true;
    await adapter.send('une autre question').assertReply((reply) => expect(reply.text).toBe(common('fr', 'error')));
    expect(Object.entries(memory).filter(([k, v]) => k.includes('/conversations/') && v !== undefined)).toEqual([]);

    // The pending "Did you mean" is gone: "1" is a new question, not a pick.
    fail = false;
    await adapter.send('1').assertReply((reply) => expect(reply.text).toBe(common('fr', 'decline')));
    // "1" has no language of its own: the reply stays French, the engine detects for itself.
    expect(classifier.calls.at(-1)).toEqual({ text: '1', lang: undefined });
  });
});

describe('state', () => {
  it('is saved after each turn and holds no message text', async () => {
    const classifier = new StubClassifier((_t, lang) => classification('clarify', ['place', 'signing_date'], lang));
    const memory: Record<string, string> = {};
    const h = harness({ classifier, i18n, storage: new MemoryStorage(memory) });
    const adapter = h.conversation();
    const secret = 'my phone number is 12345678, where was it signed';
    await adapter.send(secret).assertReply((reply) => expect(reply.text).toBe(common('en', 'clarify')));
    const stored = JSON.stringify(memory);
    expect(stored).toContain('dialogState');
    expect(stored).not.toContain('12345678');
    expect(stored).not.toContain('phone');
  });
});
