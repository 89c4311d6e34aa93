import { detectAll } from 'tinyld/heavy';
import { LANGUAGE_PACKS } from './languages';
import { normalizeText, foldDiacritics } from './normalize';
import { LANGS, type Lang } from './types';

export interface Detection {
  lang: Lang;
  /** How sure the detector is, in [0, 1]. */
  confidence: number;
  /** 'lexicon' for the short-word list, 'model' for the statistical detector. */
  method: 'lexicon' | 'model';
}

// One- and two-word messages are too short for a statistical detector ("hello" comes out
// Danish, "hi" undetermined), so the usual short messages of a chat are listed here.
const LEXICON: Record<Lang, string[]> = {
  en: [
    'hello', 'hi', 'hey', 'hiya', 'thanks', 'thank you', 'thx', 'cheers', 'bye', 'goodbye', 'good bye', 'yes', 'no', 'ok', 'okay',
    'help', 'good morning', 'good evening', 'good afternoon', 'please', 'who signed', 'when', 'where', 'why', 'what', 'who',
    'great', 'nice', 'sorry', 'see you', 'many thanks', 'thank you very much', 'hello there', 'hi there', 'english',
  ],
  da: [
    'hej', 'hejsa', 'hallo', 'goddag', 'godmorgen', 'god morgen', 'godaften', 'tak', 'mange tak', 'tusind tak', 'tak skal du have',
    'farvel', 'hej hej', 'vi ses', 'ja', 'nej', 'hjælp', 'hvem', 'hvornår', 'hvor', 'hvorfor', 'hvad', 'super', 'fint', 'undskyld',
    'dansk', 'på dansk', 'hvem underskrev', 'tak for hjælpen', 'godt', 'okay tak',
  ],
  fr: [
    'bonjour', 'bonsoir', 'salut', 'coucou', 'merci', 'merci beaucoup', 'merci bien', 'au revoir', 'à bientôt', 'oui', 'non', 'aide',
    "d'accord", 'qui', 'quand', 'où', 'pourquoi', 'quoi', 'super', 'parfait', 'pardon', 'français', 'en français', 'qui a signé',
    'bonne journée', 'salut merci', 'ok merci', 'bienvenue',
  ],
};

const LEXICON_INDEX = new Map<string, Lang>();
for (const lang of LANGS) {
  for (const entry of LEXICON[lang]) LEXICON_INDEX.set(foldDiacritics(normalizeText(entry)), lang);
}

function lexiconKey(text: string): string {
  return foldDiacritics(normalizeText(text))
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Names and acronyms of the domain read the same in every language and mislead the
// statistical detector ("MoU'en" looks English), so they are removed before it runs.
const NEUTRAL = new Set(['dngc', 'ngc', 'mou', 'inserm', 'aviesan', 'pfmg', 'bettina', 'lundgren', 'thomas', 'lombes', 'didier', 'samuel', 'wgs', 'ok']);

/** Words that belong to one of the three languages only: function words and the lexicon's words. */
const OWN_WORDS: Record<Lang, Set<string>> = (() => {
  const lists = Object.fromEntries(
    LANGS.map((lang) => {
      const words = new Set<string>();
      for (const w of LANGUAGE_PACKS[lang].stopwords) words.add(foldDiacritics(w));
      for (const w of LANGUAGE_PACKS[lang].keep) words.add(foldDiacritics(w));
      for (const entry of LEXICON[lang]) for (const w of lexiconKey(entry).split(' ')) words.add(w);
      return [lang, words];
    }),
  ) as Record<Lang, Set<string>>;
  const own = {} as Record<Lang, Set<string>>;
  for (const lang of LANGS) {
    own[lang] = new Set([...lists[lang]].filter((w) => LANGS.every((other) => other === lang || !lists[other].has(w))));
  }
  return own;
})();

/**
 * Language identification among Danish, French and English. Short messages are looked up in
 * a lexicon first; otherwise the statistical detector's ranking is combined with a vote of the
 * words: words that belong to one language only, and, when the detector is built from labelled
 * examples, how often each word occurs in each language's examples (domain words such as
 * "signatories" or "underskriverne" that a general-purpose detector weighs poorly).
 */
export class LanguageDetector {
  private readonly wordLangs = new Map<string, Record<Lang, number>>();

  constructor(examples: ReadonlyArray<{ text: string; lang?: Lang }> = []) {
    const counts = new Map<string, Record<Lang, number>>();
    const totals: Record<Lang, number> = { da: 0, fr: 0, en: 0 };
    for (const example of examples) {
      if (!example.lang) continue;
      for (const word of wordsOf(lexiconKey(example.text))) {
        const entry = counts.get(word) ?? { da: 0, fr: 0, en: 0 };
        entry[example.lang] += 1;
        totals[example.lang] += 1;
        counts.set(word, entry);
      }
    }
    // P(lang | word) with add-one smoothing and each language's word count evened out.
    for (const [word, entry] of counts) {
      const rates = LANGS.map((l) => (entry[l] + 0.1) / (totals[l] + 1));
      const sum = rates.reduce((a, b) => a + b, 0);
      this.wordLangs.set(word, { da: (rates[0] as number) / sum, fr: (rates[1] as number) / sum, en: (rates[2] as number) / sum });
    }
  }

  /** The language of a message, or undefined when the text gives no usable evidence (a name, an emoji). */
  detect(text: string): Detection | undefined {
    const key = lexiconKey(text);
    if (key === '') return undefined;
    const listed = LEXICON_INDEX.get(key);
    if (listed) return { lang: listed, confidence: 1, method: 'lexicon' };
    const words = wordsOf(key);
    if (words.length === 0) return undefined;
    const scores: Record<Lang, number> = { da: 0, fr: 0, en: 0 };
    for (const { lang, accuracy } of detectAll(words.join(' '), { only: [...LANGS] })) {
      if (lang === 'da' || lang === 'fr' || lang === 'en') scores[lang] += accuracy;
    }
    for (const word of words) {
      for (const lang of LANGS) if (OWN_WORDS[lang].has(word)) scores[lang] += 1 / words.length;
      const learned = this.wordLangs.get(word);
      if (learned) for (const lang of LANGS) scores[lang] += learned[lang] / words.length;
    }
    const ranked = LANGS.slice().sort((a, b) => scores[b] - scores[a]);
    const top = ranked[0] as Lang;
    const best = scores[top];
    if (best <= 0) return undefined;
    const second = scores[ranked[1] as Lang];
    return { lang: top, confidence: Math.min(1, (best - second) / best), method: 'model' };
  }
}

/** Folded words that can tell a language apart: names, acronyms, numbers and possessive endings removed. */
function wordsOf(key: string): string[] {
  return key
    .replace(/'(s|en|et|erne|ene|ens)\b/g, '')
    .split(/[\s']+/)
    .filter((w) => w !== '' && !NEUTRAL.has(w) && !/^\d+$/.test(w));
}

const GENERAL = new LanguageDetector();

/** The language of a message with the general detector (no domain examples). */
export function detectLanguage(text: string): Detection | undefined {
  return GENERAL.detect(text);
}
