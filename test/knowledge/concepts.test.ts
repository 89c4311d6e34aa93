import { loadKnowledge } from '../../src/knowledge/load';
import { analyze } from '../../src/nlu/analyze';
import { foldDiacritics, normalizeText } from '../../src/nlu/normalize';
import { LANGS } from '../../src/nlu/types';

describe('concept lexicon', () => {
  const knowledge = loadKnowledge();

  // Phrases are matched on their stems, so two different words that stem alike ("communiqué" and
  // "commun") would make one concept fire wherever the other's word is written. The same word
  // listed under two concepts on purpose ("udgivelsesdato" is a date and a publication) is fine.
  test.each(LANGS)('%s: different words of different concepts never stem alike', (lang) => {
    const byStems = new Map<string, Array<{ concept: string; phrase: string }>>();
    for (const [concept, phrases] of Object.entries(knowledge.concepts)) {
      for (const phrase of phrases[lang] ?? []) {
        const stems = analyze(phrase, lang)
          .map((t) => t.stem)
          .join(' ');
        byStems.set(stems, [...(byStems.get(stems) ?? []), { concept, phrase }]);
      }
    }
    const clashes: string[] = [];
    for (const [stems, uses] of byStems) {
      const concepts = new Set(uses.map((u) => u.concept));
      const words = new Set(uses.map((u) => foldDiacritics(normalizeText(u.phrase))));
      if (concepts.size > 1 && words.size > 1) clashes.push(`"${stems}": ${uses.map((u) => `${u.concept}/${u.phrase}`).join(', ')}`);
    }
    expect(clashes).toEqual([]);
  });

  test.each(LANGS)('%s: every phrase has a word to match', (lang) => {
    const empty = Object.entries(knowledge.concepts).flatMap(([concept, phrases]) =>
      (phrases[lang] ?? []).filter((phrase) => analyze(phrase, lang).length === 0).map((phrase) => `${concept}/${phrase}`),
    );
    expect(empty).toEqual([]);
  });
});
