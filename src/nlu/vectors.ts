import { FEATURE_GROUPS, GROUP_WEIGHTS, groupOf, type FeatureBag, type FeatureGroup } from './analyze';

/** A sparse, L2-normalised vector over the feature index. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
  /** Share of the text's weight on features seen in training, in [0, 1]. */
  coverage: number;
}

/** Feature index with inverse document frequencies, fixed at training time. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private idfs: Float64Array = new Float64Array(0);
  private unseenIdf = 1;

  constructor(bags: readonly FeatureBag[]) {
    const df = new Map<string, number>();
    for (const bag of bags) for (const key of bag.keys()) df.set(key, (df.get(key) ?? 0) + 1);
    const keys = [...df.keys()].sort();
    this.idfs = new Float64Array(keys.length);
    keys.forEach((key, i) => {
      this.ids.set(key, i);
      this.idfs[i] = Math.log((bags.length + 1) / ((df.get(key) ?? 0) + 1)) + 1;
    });
    this.unseenIdf = Math.log(bags.length + 1) + 1;
  }

  get size(): number {
    return this.idfs.length;
  }

  /**
   * TF-IDF weights, each feature group normalised then weighted, the whole scaled to unit length.
   * Features never seen in training have no coordinate but keep their weight in the norms, so
   * a question that is mostly about something else ("is it raining this weekend") cannot look
   * like a short example that shares its one known word.
   */
  vectorize(bag: FeatureBag): SparseVector {
    const entries: Array<[number, number, FeatureGroup]> = [];
    const groupNorms = Object.fromEntries(FEATURE_GROUPS.map((g) => [g, 0])) as Record<FeatureGroup, number>;
    const unseen = Object.fromEntries(FEATURE_GROUPS.map((g) => [g, 0])) as Record<FeatureGroup, number>;
    for (const [key, count] of bag) {
      const id = this.ids.get(key);
      const group = groupOf(key);
      const weight = (1 + Math.log(count)) * (id === undefined ? this.unseenIdf : (this.idfs[id] as number));
      groupNorms[group] += weight * weight;
      if (id === undefined) unseen[group] += weight * weight;
      else entries.push([id, weight, group]);
    }
    let total = 0;
    for (const group of FEATURE_GROUPS) {
      if (groupNorms[group] > 0) total += (unseen[group] / groupNorms[group]) * GROUP_WEIGHTS[group] * GROUP_WEIGHTS[group];
    }
    const unseenTotal = total;
    for (const entry of entries) {
      const group = entry[2];
      entry[1] = (entry[1] / Math.sqrt(groupNorms[group])) * GROUP_WEIGHTS[group];
      total += entry[1] * entry[1];
    }
    const norm = Math.sqrt(total) || 1;
    entries.sort((a, b) => a[0] - b[0]);
    return {
      idx: Int32Array.from(entries, (e) => e[0]),
      val: Float32Array.from(entries, (e) => e[1] / norm),
      coverage: total > 0 ? 1 - unseenTotal / total : 0,
    };
  }
}
