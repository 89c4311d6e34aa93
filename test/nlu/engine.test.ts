import fc from 'fast-check';
import { Engine } from '../../src/nlu/engine';
import type { Example } from '../../src/nlu/types';

const examples: Example[] = [
  ...['when was it signed', 'signing date', 'what day was the agreement signed', 'date of signature', 'when did they sign'].map((text) => ({ text, intent: 'date', lang: 'en' as const })),
  ...['hvornår blev aftalen underskrevet', 'dato for underskrift', 'hvilken dag skrev de under'].map((text) => ({ text, intent: 'date', lang: 'da' as const })),
  ...['where was it signed', 'signing location', 'in which city did they sign', 'place of signature', 'where did the signing happen'].map((text) => ({ text, intent: 'place', lang: 'en' as const })),
  ...['hvor blev aftalen underskrevet', 'hvilket sted skrev de under'].map((text) => ({ text, intent: 'place', lang: 'da' as const })),
  ...['who signed it', 'signatories', 'which people signed the agreement', 'names of the signers', 'who put their signature'].map((text) => ({ text, intent: 'who', lang: 'en' as const })),
  ...['what is the weather like', 'tell me a joke', 'best pizza recipe', 'football results today', 'stock price of apple'].map((text) => ({ text, intent: null, lang: 'en' as const })),
];

describe('Engine', () => {
  const engine = Engine.train(examples);

  test('finds the intent of close paraphrases, typos included', () => {
    expect(engine.classify('when was the agreement signed', 'en').best).toBe('date');
    expect(engine.classify('where did they sign it', 'en').best).toBe('place');
    expect(engine.classify('who sigend it', 'en').best).toBe('who');
    expect(engine.classify('hvornar blev aftalen underskrevet', 'da').best).toBe('date');
  });

  test('returns a score in [0, 1], candidates best first, and the language it used', () => {
    const result = engine.classify('when was it signed?', 'en');
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.candidates[0]?.intent).toBe(result.best);
    expect(result.candidates.length).toBeLessThanOrEqual(3);
    expect(result.lang).toBe('en');
    const scores = result.candidates.map((c) => c.score);
    expect(result.score).toBe(Math.max(...scores));
  });

  test('detects the language when none is given', () => {
    expect(engine.classify('hvornår blev aftalen underskrevet').lang).toBe('da');
  });

  test('is deterministic: same training data and input, same output', () => {
    const again = Engine.train(examples);
    for (const text of ['when signed', 'hvor', 'weather', 'who signed the thing']) {
      expect(again.classify(text, 'en')).toEqual(engine.classify(text, 'en'));
    }
    expect(again.report).toEqual(engine.report);
  });

  test.each([
    ['empty', ''],
    ['white space', ' \n\t '],
    ['10,000 characters', 'signed '.repeat(1430)],
    ['emoji only', '🙂🎉👍'],
    ['control characters', '\u0000\u0001\u0007\u001b[31m'],
    ['punctuation only', '?!.,;'],
  ])('declines bad input without throwing: %s', (_name, text) => {
    const result = engine.classify(text);
    if (text.startsWith('signed')) expect(typeof result.score).toBe('number');
    else expect(result).toMatchObject({ intent: null, decision: 'decline' });
  });

  test('declines non-string input', () => {
    expect(engine.classify(undefined)).toMatchObject({ intent: null, decision: 'decline' });
    expect(engine.classify(42)).toMatchObject({ intent: null, decision: 'decline' });
  });

  test('mixed scripts do not throw', () => {
    expect(() => engine.classify('кто подписал 誰が署名した who signed')).not.toThrow();
  });

  test('never throws and keeps its contract on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (text) => {
        const result = engine.classify(text);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        expect(['answer', 'clarify', 'decline']).toContain(result.decision);
        expect(result.intent === null).toBe(result.decision === 'decline');
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  test('refuses training data without an in-scope intent', () => {
    expect(() => Engine.train([{ text: 'weather', intent: null }])).toThrow(/no in-scope intent/);
  });
});
