import { newStemmer } from 'snowball-stemmers';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import PorterStemmerFr from 'natural/lib/natural/stemmers/porter_stemmer_fr';
import { words as englishStopwords } from 'natural/lib/natural/util/stopwords';
import { words as frenchStopwords } from 'natural/lib/natural/util/stopwords_fr';
import stopwordsIso from 'stopwords-iso';
import type { Lang } from './types';

/** What the pipeline needs to know about one language. */
export interface LanguagePack {
  lang: Lang;
  stem(word: string): string;
  /** Function words removed before matching (lower case, with diacritics). */
  stopwords: ReadonlySet<string>;
  /** Words that are in the stop list but carry the intent of a question: kept. */
  keep: ReadonlySet<string>;
  /** Per-language spelling variants folded before stemming. */
  prenormalize(word: string): string;
}

// Interrogatives, pronouns of address and courtesy words decide intents here
// ("who signed" vs "when signed", "who are you", "hej", "tak"), so the generic
// stop lists must not drop them; nor the verb "do" ("what does DNGC do" asks about
// its work, "what is DNGC" about what it is).
const KEEP: Record<Lang, string[]> = {
  en: ['who', 'whom', 'whose', 'when', 'where', 'why', 'what', 'which', 'how', 'you', 'your', 'hello', 'hi', 'thanks', 'thank', 'bye', 'help', 'date', 'place', 'do', 'doing'],
  da: ['hvem', 'hvis', 'hvornår', 'hvor', 'hvorfor', 'hvad', 'hvilke', 'hvilken', 'hvilket', 'hvordan', 'du', 'dig', 'jer', 'hej', 'tak', 'farvel', 'hjælp'],
  fr: ['qui', 'quand', 'où', 'pourquoi', 'quoi', 'quel', 'quelle', 'quels', 'quelles', 'comment', 'combien', 'tu', 'toi', 'te', 'vous', 'bonjour', 'merci', 'salut', 'aide', 'date', 'lieu', 'faire'],
};

const danish = newStemmer('danish');

function englishSpelling(word: string): string {
  // British and American spellings of the same word stem alike ("organization" / "organisation").
  return word.replace(/(i|y)z(e|es|ed|ing|ation|ations)$/, '$1s$2');
}

function frenchSpelling(word: string): string {
  // Words reach the stemmer with their accents folded, so a feminine past participle ("signée",
  // typed "signee" as often as not) would keep an extra "e" that its masculine form loses.
  return word.replace(/ee(s?)$/, 'e$1');
}

function pack(lang: Lang, stem: (w: string) => string, stop: string[], prenormalize: (w: string) => string = (w) => w): LanguagePack {
  const keep = new Set(KEEP[lang]);
  return {
    lang,
    stem,
    stopwords: new Set(stop.map((w) => w.toLowerCase()).filter((w) => !keep.has(w))),
    keep,
    prenormalize,
  };
}

export const LANGUAGE_PACKS: Record<Lang, LanguagePack> = {
  en: pack('en', (w) => PorterStemmer.stem(w), englishStopwords, englishSpelling),
  fr: pack('fr', (w) => PorterStemmerFr.stem(w), frenchStopwords, frenchSpelling),
  da: pack('da', (w) => danish.stem(w), stopwordsIso.da ?? []),
};
