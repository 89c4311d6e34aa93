import { GROUP_WEIGHTS, groupOf, type FeatureBag } from './analyze';

/** A sparse, L2-normalised vector over the feature index. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

/** Feature index with inverse document frequencies, fixed at training time. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private idfs: Float64Array = new Float64Array(0);

  constructor(bags: readonly FeatureBag[]) {
    const df = new Map<string, number>();
    for (const bag of bags) for (const key of bag.keys()) df.set(key, (df.get(key) ?? 0) + 1);
    const keys = [...df.keys()].sort();
    this.idfs = new Float64Array(keys.length);
    keys.forEach((key, i) => {
      this.ids.set(key, i);
      this.idfs[i] = Math.log((bags.length + 1) / ((df.get(key) ?? 0) + 1)) + 1;
    });
  }

  get size(): number {
    return this.idfs.length;
  }

  /** TF-IDF weights, each feature group normalised then weighted, the whole scaled to unit length. */
  vectorize(bag: FeatureBag): SparseVector {
    const entries: Array<[number, number, number]> = [];
    const groupNorms = { word: 0, bigram: 0, char: 0 };
    for (const [key, count] of bag) {
      const id = this.ids.get(key);
      if (id === undefined) continue;
      const group = groupOf(key);
      const weight = (1 + Math.log(count)) * (this.idfs[id] as number);
      groupNorms[group] += weight * weight;
      entries.push([id, weight, group === 'word' ? 0 : group === 'bigram' ? 1 : 2]);
    }
    const groups = ['word', 'bigram', 'char'] as const;
    let total = 0;
    for (const entry of entries) {
      const group = groups[entry[2]] as (typeof groups)[number];
      entry[1] = (entry[1] / Math.sqrt(groupNorms[group])) * GROUP_WEIGHTS[group];
      total += entry[1] * entry[1];
    }
    const norm = Math.sqrt(total) || 1;
    entries.sort((a, b) => a[0] - b[0]);
    return {
      idx: Int32Array.from(entries, (e) => e[0]),
      val: Float32Array.from(entries, (e) => e[1] / norm),
    };
  }
}
