import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance';

const MIN_LENGTH = 4;

function maxEdits(word: string): number {
  return word.length >= 8 ? 2 : word.length >= MIN_LENGTH ? 1 : 0;
}

function deletes(word: string, depth: number, out: Set<string>): void {
  if (depth === 0 || word.length <= 2) return;
  for (let i = 0; i < word.length; i += 1) {
    const d = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(d)) {
      out.add(d);
      deletes(d, depth - 1, out);
    }
  }
}

/**
 * Corrects one- and two-letter typos in content words against the training vocabulary.
 * Written by hand because natural's Spellcheck scans its whole word list for every
 * query word; this keeps a symmetric-delete index (SymSpell) so a look-up costs a few
 * map reads, and it confirms candidates with natural's Damerau-Levenshtein distance.
 */
export class Speller {
  private readonly index = new Map<string, string[]>();
  private readonly frequency = new Map<string, number>();

  constructor(words: Iterable<string>) {
    for (const word of words) this.frequency.set(word, (this.frequency.get(word) ?? 0) + 1);
    const sorted = [...this.frequency.keys()].sort();
    for (const word of sorted) {
      const keys = new Set<string>([word]);
      deletes(word, maxEdits(word), keys);
      for (const key of keys) {
        const bucket = this.index.get(key);
        if (bucket) bucket.push(word);
        else this.index.set(key, [word]);
      }
    }
  }

  has(word: string): boolean {
    return this.frequency.has(word);
  }

  /** The closest known word within the allowed edits, the most frequent on ties, or undefined. */
  correct(word: string): string | undefined {
    if (this.frequency.has(word)) return word;
    const allowed = maxEdits(word);
    if (allowed === 0 || /^\d+$/.test(word)) return undefined;
    const keys = new Set<string>([word]);
    deletes(word, allowed, keys);
    let best: string | undefined;
    let bestDistance = Infinity;
    let bestFrequency = -1;
    for (const key of keys) {
      for (const candidate of this.index.get(key) ?? []) {
        if (candidate === best) continue;
        const limit = Math.min(allowed, maxEdits(candidate));
        if (Math.abs(candidate.length - word.length) > limit) continue;
        const distance = DamerauLevenshteinDistance(word, candidate);
        if (distance > limit) continue;
        const frequency = this.frequency.get(candidate) ?? 0;
        if (
          distance < bestDistance ||
          (distance === bestDistance && (frequency > bestFrequency || (frequency === bestFrequency && best !== undefined && candidate < best)))
        ) {
          best = candidate;
          bestDistance = distance;
          bestFrequency = frequency;
        }
      }
    }
    return best;
  }
}
