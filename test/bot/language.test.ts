import { MemoryStorage, type Activity, type TestAdapter } from 'botbuilder';
import type { Engine } from '../../src/nlu/engine';
import type { Lang } from '../../src/nlu/types';
import { ENGINE_TIMEOUT_MS, answer, common, expectedAnswer, harness, question, recordingI18n, suggestedValues, trainEngine } from './support';

/** Sends one message and returns every reply of the turn. */
async function say(adapter: TestAdapter, text: string): Promise<Array<Partial<Activity>>> {
  adapter.activeQueue.length = 0;
  await adapter.processActivity(adapter.makeActivity(text));
  return adapter.activeQueue.splice(0);
}

async function one(adapter: TestAdapter, text: string): Promise<Partial<Activity>> {
  const replies = await say(adapter, text);
  expect(replies).toHaveLength(1);
  return replies[0] as Partial<Activity>;
}

describe('reply language in conversations', () => {
  let engine: Engine;
  const { i18n, missing } = recordingI18n();
  beforeAll(() => {
    engine = trainEngine();
  }, ENGINE_TIMEOUT_MS);
  afterAll(() => expect(missing).toEqual([]));

  const bot = (storage = new MemoryStorage()) => harness({ classifier: engine, i18n, storage });

  test('Danish text in an en-US client gets a Danish answer', async () => {
    const reply = await one(bot().conversation({ locale: 'en-US' }), 'Hvornår blev aftalen underskrevet?');
    expect(reply.text).toBe(expectedAnswer('da', 'signing_date'));
    expect(reply.locale).toBe('da');
  });

  test('a French question after a Danish conversation, with no explicit choice, gets a French answer', async () => {
    const adapter = bot().conversation({ locale: 'da-DK' });
    expect((await one(adapter, 'Hvem underskrev aftalen?')).text).toBe(expectedAnswer('da', 'signatories'));
    const reply = await one(adapter, 'Où le protocole a-t-il été signé ?');
    expect(reply.text).toBe(expectedAnswer('fr', 'place'));
    expect(reply.locale).toBe('fr');
  });

  test.each<[string, Lang]>([
    ['hello', 'en'],
    ['hi', 'en'],
    ['tak', 'da'],
    ['merci', 'fr'],
  ])('"%s" alone is answered in %s, whatever the channel says', async (text, lang) => {
    const reply = await one(bot().conversation({ locale: lang === 'en' ? 'fr-FR' : 'en-US' }), text);
    expect(reply.locale).toBe(lang);
    const intent = text === 'hello' || text === 'hi' ? 'greeting' : 'thanks';
    expect(reply.text).toContain(answer(lang, intent).fact);
  });

  test('an input with no language of its own keeps the language of the previous message', async () => {
    const adapter = bot().conversation({ locale: 'en-US' });
    await one(adapter, 'Qui a signé le protocole ?');
    const reply = await one(adapter, 'DNGC ?');
    expect(reply.locale).toBe('fr');
  });

  test('with no message language and no history, the channel locale decides', async () => {
    const reply = await one(bot().conversation({ locale: 'da-DK' }), 'DNGC ?');
    expect(reply.locale).toBe('da');
  });

  test('a Teams clientInfo locale counts when the activity has none', async () => {
    const adapter = bot().conversation({ locale: '', entities: [{ type: 'clientInfo', locale: 'fr-FR' }] });
    expect((await one(adapter, 'PFMG 2025 ?')).locale).toBe('fr');
  });

  test('an explicit switch is confirmed in the new language and then holds whatever language the questions use', async () => {
    const adapter = bot().conversation({ locale: 'da-DK' });
    const confirmation = await one(adapter, 'English please');
    expect(confirmation.text).toBe(common('en', 'languageChosen'));
    expect(confirmation.locale).toBe('en');
    const danish = await one(adapter, 'Hvem underskrev aftalen?');
    expect(danish.text).toBe(expectedAnswer('en', 'signatories'));
    const french = await one(adapter, 'Quand le protocole a-t-il été signé ?');
    expect(french.text).toBe(expectedAnswer('en', 'signing_date'));
    expect(suggestedValues(french).every((v) => typeof v === 'string')).toBe(true);
  });

  test.each<[string, Lang]>([
    ['svar på dansk', 'da'],
    ['på dansk tak', 'da'],
    ['kan du tale engelsk?', 'en'],
    ['réponds en français', 'fr'],
    ["en anglais s'il te plaît", 'en'],
    ['switch to Danish', 'da'],
    ['dansk', 'da'],
    ['français', 'fr'],
    ['English', 'en'],
  ])('"%s" switches to %s', async (text, lang) => {
    const reply = await one(bot().conversation({ locale: 'fr-FR' }), text);
    expect(reply.text).toBe(common(lang, 'languageChosen'));
    expect(reply.locale).toBe(lang);
  });

  test('a message that switches and asks gets the confirmation and the answer, both in the new language', async () => {
    const replies = await say(bot().conversation({ locale: 'fr-FR' }), 'Réponds en anglais : qui a signé ?');
    expect(replies.map((r) => r.text)).toEqual([common('en', 'languageChosen'), expectedAnswer('en', 'signatories')]);
    expect(replies.map((r) => r.locale)).toEqual(['en', 'en']);
  });

  test('the language command shows the three language buttons', async () => {
    const reply = await one(bot().conversation({ locale: 'da-DK' }), 'sprog');
    expect(reply.text).toBe(common('da', 'languageMenu'));
    expect(suggestedValues(reply)).toEqual(['Dansk', 'Français', 'English']);
  });

  test('the choice survives a new conversation with the same user, and stays with that user', async () => {
    const storage = new MemoryStorage();
    const h = bot(storage);
    await one(h.conversation({ id: 'first', userId: 'anna', locale: 'en-US' }), 'på dansk tak');
    const later = await one(h.conversation({ id: 'second', userId: 'anna', locale: 'en-US' }), 'When was the MoU signed?');
    expect(later.text).toBe(expectedAnswer('da', 'signing_date'));
    const someoneElse = await one(h.conversation({ id: 'third', userId: 'ben', locale: 'en-US' }), 'When was the MoU signed?');
    expect(someoneElse.text).toBe(expectedAnswer('en', 'signing_date'));
    const stored = JSON.stringify(storage);
    expect(stored).not.toContain('When was the MoU signed');
  });

  test('two users talking at the same time in different languages never see each other\'s language', async () => {
    const h = bot();
    const anna = h.conversation({ id: 'anna-chat', userId: 'anna', locale: 'en-US' });
    const pierre = h.conversation({ id: 'pierre-chat', userId: 'pierre', locale: 'en-US' });
    await Promise.all([one(anna, 'svar på dansk'), one(pierre, 'réponds en français')]);
    const rounds = ['signatories', 'place', 'signing_date', 'pfmg2025'];
    // Each user's turns in order, the two users interleaved.
    const talk = async (adapter: TestAdapter, lang: Lang): Promise<void> => {
      for (const intent of rounds) expect((await one(adapter, question('en', intent))).text).toBe(expectedAnswer(lang, intent));
    };
    await Promise.all([talk(anna, 'da'), talk(pierre, 'fr')]);
  });

  test('the welcome uses the channel locale and offers the three language buttons', async () => {
    const adapter = bot().conversation({ locale: 'fr-CA' });
    adapter.activeQueue.length = 0;
    await adapter.processActivity({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'visitor', name: 'Visitor' }],
      recipient: { id: 'bot', name: 'Bot' },
    });
    const welcome = adapter.activeQueue[0] as Partial<Activity>;
    expect(welcome.text).toBe(common('fr', 'welcome'));
    expect(suggestedValues(welcome).slice(-3)).toEqual(['Dansk', 'Français', 'English']);
  });
});
