import { foldDiacritics } from './normalize';
import { LANGUAGE_PACKS } from './languages';
import type { Speller } from './speller';
import { tokenize } from './tokenize';
import type { Lang } from './types';

/** A word of a text: its folded surface form (for spelling and n-grams), its folded stem, and whether it is a stop word. */
export interface Term {
  surface: string;
  stem: string;
  stop: boolean;
}

/** Every word of a text in one language's pipeline, stop words marked rather than dropped. */
export function analyze(text: string, lang: Lang): Term[] {
  const pack = LANGUAGE_PACKS[lang];
  return tokenize(text, lang).map((token) => termOf(token, lang, pack.stopwords.has(token) || pack.stopwords.has(foldDiacritics(token))));
}

function termOf(token: string, lang: Lang, stop: boolean): Term {
  const pack = LANGUAGE_PACKS[lang];
  // The stemmer sees the folded word, so that a word typed with or without its accents gets the
  // same stem ("lombès"/"lombes", "signée"/"signee"); stemming first and folding after does not.
  const surface = foldDiacritics(token);
  return { surface, stem: pack.stem(pack.prenormalize(surface)), stop };
}

/** The content words; a text made only of function words ("who are you", "hvad er du") keeps them all. */
export function contentTerms(items: readonly Term[]): Term[] {
  const content = items.filter((t) => !t.stop);
  return content.length > 0 ? content : items.slice();
}

export type FeatureBag = Map<string, number>;

/**
 * Weight of each feature group in a vector, chosen on cross-validated accuracy over the examples.
 * Concepts weigh little: a shared concept should tip a close call, not outvote the words (a
 * "when" in a question about the place of the signing).
 */
export const GROUP_WEIGHTS = { word: 1, bigram: 0.5, char: 1, concept: 0.3 } as const;
export type FeatureGroup = keyof typeof GROUP_WEIGHTS;
export const FEATURE_GROUPS = Object.keys(GROUP_WEIGHTS) as FeatureGroup[];

const PREFIX: Record<string, FeatureGroup> = { w: 'word', b: 'bigram', c: 'char', k: 'concept' };

export function groupOf(feature: string): FeatureGroup {
  return PREFIX[feature[0] ?? 'c'] ?? 'char';
}

function add(bag: FeatureBag, key: string, amount = 1): void {
  bag.set(key, (bag.get(key) ?? 0) + amount);
}

/**
 * Raw feature counts: word stems, adjacent stem pairs, character 3- and 4-grams of the folded
 * surface words (these carry names, acronyms and misspellings across languages), and the
 * concepts the text mentions.
 */
export function features(items: readonly Term[], concepts: readonly string[] = []): FeatureBag {
  const bag: FeatureBag = new Map();
  const content = contentTerms(items);
  for (let i = 0; i < content.length; i += 1) {
    const term = content[i] as Term;
    add(bag, `w${term.stem}`);
    const next = content[i + 1];
    if (next) add(bag, `b${term.stem} ${next.stem}`);
    const padded = `_${term.surface}_`;
    for (const n of [3, 4]) {
      for (let j = 0; j + n <= padded.length; j += 1) add(bag, `c${padded.slice(j, j + n)}`);
    }
  }
  for (const concept of concepts) add(bag, `k${concept}`);
  return bag;
}

/**
 * Terms with unknown content words replaced by their nearest known spelling, when there is one.
 * `stemOf` maps a known surface form to its stem.
 */
export function correctTerms(items: readonly Term[], speller: Speller, stemOf: ReadonlyMap<string, string>): Term[] {
  return items.map((term) => {
    if (term.stop || speller.has(term.surface)) return term;
    const fixed = speller.correct(term.surface);
    if (fixed === undefined) return term;
    return { surface: fixed, stem: stemOf.get(fixed) ?? term.stem, stop: false };
  });
}
