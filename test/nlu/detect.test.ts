import shortInputs from '../../knowledge/tests/language-short-inputs.json';
import { buildEngine } from '../../src/knowledge/engine';
import { loadKnowledge, loadTests } from '../../src/knowledge/load';
import { detectLanguage } from '../../src/nlu/detect';
import { isQuestion, scoreDetection } from '../../src/nlu/detect-eval';
import { LANGS, type Lang } from '../../src/nlu/types';

describe('language detection', () => {
  const knowledge = loadKnowledge();
  const tests = loadTests(knowledge);
  const engine = buildEngine(knowledge);
  const detect = (text: string) => engine.detectLanguage(text);

  test('the short-input set has at least 60 inputs of one or two words per language', () => {
    for (const lang of LANGS) {
      const list = shortInputs[lang];
      expect(list.length).toBeGreaterThanOrEqual(60);
      for (const text of list) expect(text.split(/\s+/).length).toBeLessThanOrEqual(2);
    }
  });

  test.each(scoreDetection(detect, shortInputs as unknown as Record<Lang, string[]>))('one- and two-word inputs, $lang: at least 95% ($right/$total)', (score) => {
    expect(score.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  const questions = Object.fromEntries(
    LANGS.map((lang) => [lang, [...Object.values(tests[lang].intents).flat(), ...tests[lang].outOfScope].filter(isQuestion)]),
  ) as Record<Lang, string[]>;
  test.each(scoreDetection(detect, questions))('held-out questions, $lang: at least 99% ($right/$total)', (score) => {
    expect(score.total).toBeGreaterThanOrEqual(90);
    expect(score.accuracy).toBeGreaterThanOrEqual(0.99);
  });

  test.each<[string, Lang]>([
    ['hello', 'en'],
    ['hi', 'en'],
    ['tak', 'da'],
    ['merci', 'fr'],
    ['hej', 'da'],
    ['bonjour', 'fr'],
    ['thanks', 'en'],
  ])('%s is %s, from the lexicon', (text, lang) => {
    expect(detectLanguage(text)).toMatchObject({ lang, method: 'lexicon', confidence: 1 });
  });

  test.each(['', '   ', '🙂', 'DNGC', 'Inserm 2025', '???'])('%j has no language', (text) => {
    expect(detectLanguage(text)).toBeUndefined();
  });
});
