import { seededRandom, shuffled } from './random';
import type { SparseVector } from './vectors';

/**
 * Example updates per training run: small data sets get more passes (up to 10), large ones
 * at least 2. Cross-validated accuracy rose up to about 60,000 and was flat beyond.
 */
const TRAINING_UPDATES = 60000;

/**
 * Multinomial logistic regression over sparse vectors, trained by SGD in a seeded order.
 * Written by hand because natural's LogisticRegressionClassifier is binary one-vs-rest over
 * its own bag of words and too slow for 15,000 examples; this one takes our feature vectors
 * and updates only the classes whose gradient is not negligible.
 */
export class SoftmaxClassifier {
  private readonly weights: Float32Array;
  private readonly bias: Float64Array;

  constructor(
    private readonly features: number,
    private readonly classes: number,
  ) {
    this.weights = new Float32Array(features * classes);
    this.bias = new Float64Array(classes);
  }

  static train(vectors: readonly SparseVector[], labels: readonly number[], features: number, classes: number, seed = 1): SoftmaxClassifier {
    const model = new SoftmaxClassifier(features, classes);
    const epochs = Math.max(2, Math.min(10, Math.round(TRAINING_UPDATES / Math.max(1, vectors.length))));
    const random = seededRandom(seed);
    const order = vectors.map((_, i) => i);
    const probs = new Float64Array(classes);
    const active = new Int32Array(classes);
    const grads = new Float64Array(classes);
    let step = 0;
    const totalSteps = epochs * vectors.length;
    for (let epoch = 0; epoch < epochs; epoch += 1) {
      for (const i of shuffled(order, random)) {
        const x = vectors[i] as SparseVector;
        const y = labels[i] as number;
        model.probabilities(x, probs);
        const rate = 2.0 * (1 - step / totalSteps) + 0.05;
        step += 1;
        // Only classes with a gradient worth applying are updated: after the first pass that
        // is a handful of the classes, which keeps training linear in practice.
        let count = 0;
        for (let c = 0; c < classes; c += 1) {
          const g = (probs[c] as number) - (c === y ? 1 : 0);
          if (g > -1e-3 && g < 1e-3) continue;
          active[count] = c;
          grads[count] = rate * g;
          count += 1;
          model.bias[c] = (model.bias[c] as number) - rate * g * 0.1;
        }
        for (let k = 0; k < x.idx.length; k += 1) {
          const base = (x.idx[k] as number) * classes;
          const v = x.val[k] as number;
          for (let a = 0; a < count; a += 1) {
            const at = base + (active[a] as number);
            model.weights[at] = (model.weights[at] as number) - (grads[a] as number) * v;
          }
        }
      }
    }
    return model;
  }

  /** Class probabilities for x, written into `out` (length = classes). */
  probabilities(x: SparseVector, out: Float64Array): Float64Array {
    const classes = this.classes;
    for (let c = 0; c < classes; c += 1) out[c] = this.bias[c] as number;
    for (let k = 0; k < x.idx.length; k += 1) {
      const f = x.idx[k] as number;
      if (f >= this.features) continue;
      const v = x.val[k] as number;
      const base = f * classes;
      for (let c = 0; c < classes; c += 1) out[c] = (out[c] as number) + v * (this.weights[base + c] as number);
    }
    let max = -Infinity;
    for (let c = 0; c < classes; c += 1) max = Math.max(max, out[c] as number);
    let sum = 0;
    for (let c = 0; c < classes; c += 1) {
      out[c] = Math.exp((out[c] as number) - max);
      sum += out[c] as number;
    }
    for (let c = 0; c < classes; c += 1) out[c] = (out[c] as number) / sum;
    return out;
  }
}

const MIN_POSTINGS_CAP = 200;
const MAX_POSTINGS_SHARE = 0.05;

/** Cosine similarity to the nearest training example of each class, through an inverted index. */
export class NearestNeighbours {
  private readonly postings: Array<{ docs: number[]; vals: number[] }>;
  private readonly scratch: Float64Array;
  private readonly touched: Int32Array;

  constructor(
    vectors: readonly SparseVector[],
    private readonly labels: readonly number[],
    features: number,
    private readonly classes: number,
  ) {
    this.postings = Array.from({ length: features }, () => ({ docs: [], vals: [] }));
    // Features found in a large share of the examples (common letter sequences, "what") add
    // little to a similarity but make every look-up touch every example; they are left out.
    const df = new Int32Array(features);
    for (const x of vectors) for (let k = 0; k < x.idx.length; k += 1) df[x.idx[k] as number] = (df[x.idx[k] as number] as number) + 1;
    const cap = Math.max(MIN_POSTINGS_CAP, Math.ceil(vectors.length * MAX_POSTINGS_SHARE));
    vectors.forEach((x, doc) => {
      for (let k = 0; k < x.idx.length; k += 1) {
        if ((df[x.idx[k] as number] as number) > cap) continue;
        const p = this.postings[x.idx[k] as number];
        if (!p) continue;
        p.docs.push(doc);
        p.vals.push(x.val[k] as number);
      }
    });
    this.scratch = new Float64Array(vectors.length);
    this.touched = new Int32Array(vectors.length);
  }

  /** Best similarity per class, written into `out` (length = classes). */
  similarities(x: SparseVector, out: Float64Array): Float64Array {
    out.fill(0, 0, this.classes);
    let count = 0;
    for (let k = 0; k < x.idx.length; k += 1) {
      const p = this.postings[x.idx[k] as number];
      if (!p) continue;
      const v = x.val[k] as number;
      for (let j = 0; j < p.docs.length; j += 1) {
        const doc = p.docs[j] as number;
        if (this.scratch[doc] === 0) this.touched[count++] = doc;
        this.scratch[doc] = (this.scratch[doc] as number) + v * (p.vals[j] as number);
      }
    }
    for (let t = 0; t < count; t += 1) {
      const doc = this.touched[t] as number;
      const c = this.labels[doc] as number;
      const sim = this.scratch[doc] as number;
      if (sim > (out[c] as number)) out[c] = Math.min(1, sim);
      this.scratch[doc] = 0;
    }
    return out;
  }
}
