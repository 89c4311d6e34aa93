import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load';
import { LANGS, type Lang } from '../../src/nlu/types';

const LOCALES = path.resolve(__dirname, '..', '..', 'locales');

function read<T>(lang: Lang, ns: string): T {
  return JSON.parse(readFileSync(path.join(LOCALES, lang, `${ns}.json`), 'utf8')) as T;
}

type Answers = Record<string, { fact: string; context: string }>;

/** Names that must read the same in every language. */
const PROPER_NAMES = ['DNGC', 'Aviesan', 'Inserm', 'PFMG 2025', 'MoU', 'Bettina Lundgren', 'Thomas Lombès', 'Didier Samuel'];

describe('answer texts', () => {
  const knowledge = loadKnowledge();
  const ids = knowledge.intents.map((i) => i.id).sort();
  const answers = Object.fromEntries(LANGS.map((l) => [l, read<Answers>(l, 'answers')])) as Record<Lang, Answers>;
  const questions = Object.fromEntries(LANGS.map((l) => [l, read<Record<string, string>>(l, 'questions')])) as Record<Lang, Record<string, string>>;

  test.each(LANGS)('%s has an answer and a question for exactly the intents', (lang) => {
    expect(Object.keys(answers[lang]).sort()).toEqual(ids);
    expect(Object.keys(questions[lang]).sort()).toEqual(ids);
    for (const id of ids) {
      expect(answers[lang][id]?.fact.trim()).not.toBe('');
      expect(typeof answers[lang][id]?.context).toBe('string');
      expect(questions[lang][id]?.trim()).not.toBe('');
    }
  });

  test.each(ids)('%s: every number, date and name of the English answer is in the Danish and French ones', (id) => {
    const en = answers.en[id] as { fact: string; context: string };
    for (const part of ['fact', 'context'] as const) {
      const text = en[part];
      const numbers = text.match(/\d+/g) ?? [];
      const names = PROPER_NAMES.filter((n) => text.includes(n));
      for (const lang of ['da', 'fr'] as const) {
        const other = (answers[lang][id] as { fact: string; context: string })[part];
        for (const token of [...numbers, ...names]) expect({ lang, part, token, present: other.includes(token) }).toMatchObject({ present: true });
      }
    }
  });

  test('the fact comes first and is short: one sentence of at most 200 characters', () => {
    for (const lang of LANGS) {
      for (const id of ids) {
        const fact = (answers[lang][id] as { fact: string }).fact;
        expect({ lang, id, length: fact.length <= 200 }).toMatchObject({ length: true });
        // A sentence ends where a full stop, question or exclamation mark is followed by a capital letter.
        expect({ lang, id, sentences: fact.split(/[.!?]\s+(?=\p{Lu})/u).length }).toMatchObject({ sentences: 1 });
      }
    }
  });

  test('dates are written the same way in every language', () => {
    expect(answers.en.signing_date?.fact).toContain('6 March 2023');
    expect(answers.da.signing_date?.fact).toContain('6. marts 2023');
    expect(answers.fr.signing_date?.fact).toContain('6 mars 2023');
    expect(answers.en.publication_date?.fact).toContain('9 March 2023');
    expect(answers.da.publication_date?.fact).toContain('9. marts 2023');
    expect(answers.fr.publication_date?.fact).toContain('9 mars 2023');
  });
});
