import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { EXAMPLE_INTENTS, MAX_MESSAGE_CHARS } from '../../src/dialogs/replies';
import type { Engine } from '../../src/nlu/engine';
import { LANGS, type Lang } from '../../src/nlu/types';
import {
  ENGINE_TIMEOUT_MS,
  StubClassifier,
  answer,
  classification,
  common,
  expectedAnswer,
  harness,
  heroCardButtons,
  knowledge,
  question,
  recordingI18n,
  suggestedValues,
  trainEngine,
  type MissingKey,
} from '../bot/support';

const { i18n, missing } = recordingI18n();
afterAll(() => expect(missing).toEqual<MissingKey[]>([]));

const LOCALES: Record<Lang, string> = { da: 'da-DK', fr: 'fr-FR', en: 'en-GB' };
const intents = knowledge.intents.map((i) => i.id);
const followUpQuestions = (lang: Lang, intent: string): string[] =>
  (knowledge.byId.get(intent)?.followUps ?? []).slice(0, 3).map((id) => question(lang, id));
const exampleQuestions = (lang: Lang): string[] => EXAMPLE_INTENTS.map((id) => question(lang, id));

/** Sends one message and returns the bot's only reply. */
async function ask(adapter: ReturnType<ReturnType<typeof harness>['conversation']>, activity: string | Partial<Activity>): Promise<Partial<Activity>> {
  adapter.activeQueue.length = 0;
  await adapter.processActivity(typeof activity === 'string' ? adapter.makeActivity(activity) : activity);
  expect(adapter.activeQueue).toHaveLength(1);
  return adapter.activeQueue[0] as Partial<Activity>;
}

describe('with the real engine', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = trainEngine();
  }, ENGINE_TIMEOUT_MS);

  describe.each(LANGS)('in %s', (lang) => {
    it.each(intents)('answers the question of %s with its fact, in the same language', async (intent) => {
      const h = harness({ classifier: engine, i18n });
      const reply = await ask(h.conversation({ locale: LOCALES[lang] }), question(lang, intent));
      expect(reply.text).toBe(expectedAnswer(lang, intent));
      expect(reply.text?.startsWith(answer(lang, intent).fact)).toBe(true);
      expect(reply.locale).toBe(lang);
      expect(suggestedValues(reply)).toEqual(followUpQuestions(lang, intent));
      if (knowledge.byId.get(intent)?.kind === 'fact') {
        expect(suggestedValues(reply).length).toBeGreaterThanOrEqual(2);
        expect(reply.text?.endsWith(common(lang, 'source'))).toBe(true);
      } else {
        expect(reply.text).not.toContain(common(lang, 'source'));
      }
    });

    it('answers what the engine answers, with that intent in the reply language', async () => {
      const tests = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'knowledge', 'tests', `${lang}.json`), 'utf8')) as {
        intents: Record<string, string[]>;
      };
      const h = harness({ classifier: engine, i18n });
      let answered = 0;
      for (const questions of Object.values(tests.intents)) {
        const text = questions.find((q) => engine.classify(q, lang).decision === 'answer');
        if (!text) continue;
        const intent = engine.classify(text, lang).intent as string;
        const reply = await ask(h.conversation({ id: `paraphrase-${answered}`, locale: LOCALES[lang] }), text);
        expect(reply.text).toBe(expectedAnswer(lang, intent));
        answered += 1;
      }
      expect(answered).toBeGreaterThanOrEqual(intents.length / 2);
    });
  });

  it.each<[Lang, string]>([
    ['en', 'What is the weather in Paris?'],
    ['da', 'Hvordan bliver vejret i Paris i morgen?'],
    ['fr', 'Quel temps fait-il à Paris demain ?'],
    ['en', 'How do I bake sourdough bread?'],
  ])('declines an out-of-scope question (%s: %s) politely, with three example questions', async (lang, text) => {
    const h = harness({ classifier: engine, i18n });
    const reply = await ask(h.conversation({ locale: LOCALES[lang] }), text);
    expect(reply.text).toBe(common(lang, 'decline'));
    expect(suggestedValues(reply)).toEqual(exampleQuestions(lang));
  });

  it('asks "Did you mean" when the engine is unsure, and answers the question picked', async () => {
    const probes = ['signed', 'signature', 'Lundgren Lombès', 'Who signed the MoU and when?', 'date', 'Inserm Aviesan', 'the agreement', 'French', 'genome'];
    const ambiguous = probes.find((q) => engine.classify(q, 'en').decision === 'clarify');
    if (!ambiguous) throw new Error(`none of the probes makes the engine ask: ${probes.join(' | ')}`);
    const candidates = [...new Set(engine.classify(ambiguous, 'en').candidates.map((c) => c.intent))].slice(0, 3);

    const h = harness({ classifier: engine, i18n });
    const adapter = h.conversation({ locale: 'en-US' });
    const clarify = await ask(adapter, ambiguous);
    expect(clarify.text).toBe(common('en', 'clarify'));
    expect(suggestedValues(clarify)).toEqual(candidates.map((id) => question('en', id)));

    const picked = candidates[candidates.length - 1] as string;
    const reply = await ask(adapter, question('en', picked));
    expect(reply.text).toBe(expectedAnswer('en', picked));
  });

  it('keeps conversations in different languages apart when they run interleaved', async () => {
    const h = harness({ classifier: engine, i18n });
    const conversations = LANGS.map((lang) => ({ lang, adapter: h.conversation({ id: `parallel-${lang}`, locale: LOCALES[lang] }) }));
    const asked = ['signatories', 'place', 'pfmg2025', 'aviesan', 'signing_date', 'why_partner'];
    await Promise.all(
      conversations.map(({ lang, adapter }) =>
        asked.reduce(
          (flow, intent) => flow.send(question(lang, intent)).assertReply((reply) => expect(reply.text).toBe(expectedAnswer(lang, intent))),
          adapter.send(question(lang, 'parties')).assertReply((reply) => expect(reply.text).toBe(expectedAnswer(lang, 'parties'))),
        ),
      ),
    );
  });
});

describe('flow (stub engine)', () => {
  const byLang: Record<Lang, string[]> = { da: ['signatories', 'place', 'aviesan'], fr: ['signing_date', 'parties'], en: ['purpose', 'dngc', 'inserm'] };
  const clarifying = () => new StubClassifier((_text, lang) => classification('clarify', byLang[lang ?? 'en'], lang));

  describe('after "Did you mean"', () => {
    it.each<[string, (lang: Lang, candidates: string[]) => string, number]>([
      ['the button value (the question text)', (lang, c) => question(lang, c[1] as string), 1],
      ['its number', () => '2', 1],
      ['the question in another case and without punctuation', (lang, c) => question(lang, c[0] as string).toUpperCase().replace(/[?!.]/g, ''), 0],
    ])('answers the candidate picked by %s', async (_name, pick, index) => {
      const classifier = clarifying();
      const h = harness({ classifier, i18n });
      const adapter = h.conversation({ locale: 'da-DK' });
      const candidates = byLang.da;
      const clarify = await ask(adapter, 'noget uklart');
      expect(clarify.text).toBe(common('da', 'clarify'));
      expect(suggestedValues(clarify)).toEqual(candidates.map((id) => question('da', id)));
      const reply = await ask(adapter, pick('da', candidates));
      expect(reply.text).toBe(expectedAnswer('da', candidates[index] as string));
      expect(classifier.calls).toHaveLength(1);
    });

    it('answers the candidate picked by the same question in another language, in that language', async () => {
      const classifier = clarifying();
      const adapter = harness({ classifier, i18n }).conversation({ locale: 'da-DK' });
      const candidates = byLang.da;
      expect((await ask(adapter, 'noget uklart')).text).toBe(common('da', 'clarify'));
      const reply = await ask(adapter, question('en', candidates[2] as string));
      expect(reply.text).toBe(expectedAnswer('en', candidates[2] as string));
      expect(reply.locale).toBe('en');
    });

    it('treats anything else as a new question', async () => {
      let decision: 'clarify' | 'decline' = 'clarify';
      const classifier = new StubClassifier((_t, lang) => classification(decision, byLang.fr, lang));
      const h = harness({ classifier, i18n });
      const adapter = h.conversation({ locale: 'fr-FR' });
      await ask(adapter, 'quelque chose de vague');
      decision = 'decline';
      const reply = await ask(adapter, 'autre chose');
      expect(reply.text).toBe(common('fr', 'decline'));
      expect(classifier.calls.map((c) => c.text)).toEqual(['quelque chose de vague', 'autre chose']);
      // Nothing is pending any more: a number is a new question too.
      await ask(adapter, '1');
      expect(classifier.calls.map((c) => c.text)).toEqual(['quelque chose de vague', 'autre chose', '1']);
    });

    it('answers a question outside the offered ones directly', async () => {
      const classifier = clarifying();
      const h = harness({ classifier, i18n });
      const adapter = h.conversation({ locale: 'en-US' });
      await ask(adapter, 'vague');
      const reply = await ask(adapter, question('en', 'pfmg2025'));
      expect(reply.text).toBe(expectedAnswer('en', 'pfmg2025'));
    });
  });

  it('never answers on a decline, even when the engine has a best guess', async () => {
    const classifier = new StubClassifier((_t, lang) => ({ ...classification('decline', ['signatories'], lang), best: 'signatories' }));
    const reply = await ask(harness({ classifier, i18n }).conversation(), 'something');
    expect(reply.text).toBe(common('en', 'decline'));
    expect(reply.text).not.toContain(answer('en', 'signatories').fact);
  });

  it.each(LANGS)('asks for a shorter question when a message is too long (%s)', async (lang) => {
    const classifier = clarifying();
    const adapter = harness({ classifier, i18n }).conversation({ locale: LOCALES[lang] });
    const reply = await ask(adapter, 'a'.repeat(MAX_MESSAGE_CHARS + 1));
    const max = new Intl.NumberFormat(lang).format(MAX_MESSAGE_CHARS);
    expect(reply.text).toBe(common(lang, 'tooLong').replace('{{max, number}}', max));
    expect(classifier.calls).toEqual([]);
    await ask(adapter, 'a'.repeat(MAX_MESSAGE_CHARS));
    expect(classifier.calls).toHaveLength(1);
  });

  const helpText = (lang: Lang): string => [answer(lang, 'help').fact, answer(lang, 'help').context].join('\n\n');

  it.each<[string, Partial<Activity>]>([
    ['an empty message', { type: 'message', text: '' }],
    ['a message of blanks', { type: 'message', text: '  \n ' }],
    ['a message without text', { type: 'message' }],
    ['a card submit without text', { type: 'message', value: { choice: 1 } }],
  ])('gives the help text for %s', async (_name, activity) => {
    const classifier = clarifying();
    const reply = await ask(harness({ classifier, i18n }).conversation({ locale: 'fr-FR' }), activity);
    expect(reply.text).toBe(helpText('fr'));
    expect(suggestedValues(reply)).toEqual(exampleQuestions('fr'));
    expect(classifier.calls).toEqual([]);
  });

  it('says it reads text only, then gives the help text, for an attachment-only message', async () => {
    const activity = { type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/a.png' }] };
    const reply = await ask(harness({ classifier: clarifying(), i18n }).conversation({ locale: 'da-DK' }), activity);
    expect(reply.text).toBe([common('da', 'textOnly'), helpText('da')].join('\n\n'));
  });

  it.each<[string, Lang]>([
    ['Dansk', 'da'],
    ['Français', 'fr'],
    ['francais', 'fr'],
    ['English', 'en'],
  ])('confirms the language a language button (%s) names, in that language, without asking the engine', async (text, lang) => {
    const classifier = clarifying();
    const reply = await ask(harness({ classifier, i18n }).conversation({ locale: 'en-US' }), text);
    expect(reply.text).toBe(common(lang, 'languageChosen'));
    expect(reply.locale).toBe(lang);
    expect(classifier.calls).toEqual([]);
  });

  it('answers small talk with its fact (and context when there is one), without the source line', async () => {
    const classifier = new StubClassifier((text, lang) => classification('answer', [text], lang));
    const adapter = harness({ classifier, i18n }).conversation();
    const greeting = await ask(adapter, 'greeting');
    expect(greeting.text).toBe(`${answer('en', 'greeting').fact}\n\n${answer('en', 'greeting').context}`);
    const goodbye = await ask(adapter, 'goodbye');
    expect(goodbye.text).toBe(answer('en', 'goodbye').fact);
    expect(goodbye.suggestedActions).toBeUndefined();
  });

  it.each(['channel', 'groupChat'])('puts follow-up questions on a HeroCard in a Teams %s', async (conversationType) => {
    const classifier = new StubClassifier((_t, lang) => classification('answer', ['signing_date'], lang));
    const adapter = harness({ classifier, i18n }).conversation({ conversationType, channelId: 'msteams', locale: 'fr-FR' });
    const reply = await ask(adapter, 'quand ?');
    expect(reply.text).toBe(expectedAnswer('fr', 'signing_date'));
    expect(reply.suggestedActions).toBeUndefined();
    expect(heroCardButtons(reply).map((b): unknown[] => [b.type, b.title, b.value])).toEqual(
      followUpQuestions('fr', 'signing_date').map((q) => ['imBack', q, q]),
    );
  });

  it('uses suggested actions in a Teams personal chat', async () => {
    const classifier = new StubClassifier((_t, lang) => classification('answer', ['signing_date'], lang));
    const adapter = harness({ classifier, i18n }).conversation({ conversationType: 'personal', channelId: 'msteams' });
    const reply = await ask(adapter, 'when?');
    expect(reply.attachments ?? []).toEqual([]);
    expect(suggestedValues(reply)).toEqual(followUpQuestions('en', 'signing_date'));
  });

  it('keeps interleaved conversations in different languages apart, pending choices included', async () => {
    const h = harness({ classifier: clarifying(), i18n });
    const unclear: Record<Lang, string> = { da: 'noget helt uklart', fr: 'une chose pas claire', en: 'something unclear' };
    const run = (lang: Lang, rounds: number) => {
      const adapter = h.conversation({ id: `interleaved-${lang}`, locale: LOCALES[lang] });
      const candidates = byLang[lang];
      let flow = adapter.send(unclear[lang]).assertReply((r) => expect(r.text).toBe(common(lang, 'clarify')));
      for (let i = 0; i < rounds; i += 1) {
        const index = i % candidates.length;
        flow = flow
          .send(String(index + 1))
          .assertReply((r) => {
            expect(r.text).toBe(expectedAnswer(lang, candidates[index] as string));
            expect(r.locale).toBe(lang);
          })
          .send(unclear[lang])
          .assertReply((r) => expect(r.text).toBe(common(lang, 'clarify')));
      }
      return flow;
    };
    await Promise.all([run('da', 6), run('fr', 6), run('en', 6)]);
  });
});
