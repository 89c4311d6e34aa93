import { foldDiacritics } from './normalize';
import { LANGUAGE_PACKS } from './languages';
import type { Speller } from './speller';
import { tokenize } from './tokenize';
import type { Lang } from './types';

/** A content word: its folded surface form (for spelling and n-grams) and its folded stem. */
export interface Term {
  surface: string;
  stem: string;
}

/** Stop-word filtered, stemmed terms of a text in one language's pipeline. */
export function terms(text: string, lang: Lang): Term[] {
  const pack = LANGUAGE_PACKS[lang];
  const tokens = tokenize(text, lang);
  const content = tokens.filter((t) => !pack.stopwords.has(t));
  // A text made only of function words ("who are you", "hvad er du") still means something.
  const chosen = content.length > 0 ? content : tokens;
  return chosen.map((token) => ({
    surface: foldDiacritics(token),
    stem: foldDiacritics(pack.stem(pack.prenormalize(token))),
  }));
}

export type FeatureBag = Map<string, number>;

export const GROUP_WEIGHTS = { word: 1, bigram: 0.5, char: 0.8 } as const;
export type FeatureGroup = keyof typeof GROUP_WEIGHTS;

export function groupOf(feature: string): FeatureGroup {
  return feature[0] === 'w' ? 'word' : feature[0] === 'b' ? 'bigram' : 'char';
}

function add(bag: FeatureBag, key: string, amount = 1): void {
  bag.set(key, (bag.get(key) ?? 0) + amount);
}

/**
 * Raw feature counts: word stems, adjacent stem pairs, and character 3- and 4-grams of the
 * folded surface words (these carry names, acronyms and misspellings across languages).
 */
export function features(items: Term[]): FeatureBag {
  const bag: FeatureBag = new Map();
  for (let i = 0; i < items.length; i += 1) {
    const term = items[i] as Term;
    add(bag, `w${term.stem}`);
    const next = items[i + 1];
    if (next) add(bag, `b${term.stem} ${next.stem}`);
    const padded = `_${term.surface}_`;
    for (const n of [3, 4]) {
      for (let j = 0; j + n <= padded.length; j += 1) add(bag, `c${padded.slice(j, j + n)}`);
    }
  }
  return bag;
}

/**
 * Terms with unknown words replaced by their nearest known spelling, when there is one.
 * `stemOf` maps a known surface form to the stem it had in training.
 */
export function correctTerms(items: Term[], speller: Speller, stemOf: ReadonlyMap<string, string>): Term[] {
  return items.map((term) => {
    if (speller.has(term.surface)) return term;
    const fixed = speller.correct(term.surface);
    if (fixed === undefined) return term;
    return { surface: fixed, stem: stemOf.get(fixed) ?? term.stem };
  });
}
