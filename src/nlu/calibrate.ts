/**
 * Platt-style calibration: a small logistic regression from ranking evidence to the
 * probability that the top intent is right, fitted on cross-validated predictions.
 */
export class Calibrator {
  constructor(
    readonly weights: readonly number[],
    readonly bias: number,
  ) {}

  /** Fitted by Newton's method (a few iterations suffice for so few weights), with a small ridge for stability. */
  static fit(samples: readonly number[][], labels: readonly boolean[], iterations = 25): Calibrator {
    const dims = samples[0]?.length ?? 0;
    const n = samples.length;
    const size = dims + 1;
    let w = new Array<number>(size).fill(0);
    if (n === 0) return new Calibrator(w.slice(0, dims), 0);
    const positives = labels.filter(Boolean).length;
    if (positives === 0 || positives === n) return new Calibrator(w.slice(0, dims), positives === n ? 4 : -4);
    const ridge = 1e-2;
    for (let it = 0; it < iterations; it += 1) {
      const grad = new Array<number>(size).fill(0);
      const hess = Array.from({ length: size }, () => new Array<number>(size).fill(0));
      for (let i = 0; i < n; i += 1) {
        const x = [...(samples[i] as number[]), 1];
        const p = sigmoid(dot(w, x));
        const g = p - (labels[i] ? 1 : 0);
        const h = Math.max(p * (1 - p), 1e-9);
        for (let a = 0; a < size; a += 1) {
          grad[a] = (grad[a] as number) + g * (x[a] as number);
          const row = hess[a] as number[];
          for (let b = 0; b < size; b += 1) row[b] = (row[b] as number) + h * (x[a] as number) * (x[b] as number);
        }
      }
      for (let a = 0; a < size; a += 1) {
        grad[a] = (grad[a] as number) + ridge * (w[a] as number);
        (hess[a] as number[])[a] = ((hess[a] as number[])[a] as number) + ridge;
      }
      const delta = solve(hess, grad);
      w = w.map((v, a) => v - (delta[a] as number));
      if (Math.max(...delta.map(Math.abs)) < 1e-8) break;
    }
    return new Calibrator(w.slice(0, dims), w[dims] as number);
  }

  probability(x: readonly number[]): number {
    return sigmoid(dot(this.weights, x) + this.bias);
  }
}

function dot(w: readonly number[], x: readonly number[]): number {
  let s = 0;
  for (let d = 0; d < w.length; d += 1) s += (w[d] as number) * (x[d] as number);
  return s;
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and symmetric positive definite). */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] as number]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs((a[r] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number)) pivot = r;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const head = a[col] as number[];
    const lead = head[col] as number;
    if (Math.abs(lead) < 1e-12) continue;
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const row = a[r] as number[];
      const factor = (row[col] as number) / lead;
      if (factor === 0) continue;
      for (let c = col; c <= n; c += 1) row[c] = (row[c] as number) - factor * (head[c] as number);
    }
  }
  return a.map((row, i) => {
    const lead = row[i] as number;
    return Math.abs(lead) < 1e-12 ? 0 : (row[n] as number) / lead;
  });
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export interface ScoredOutcome {
  /** Calibrated probability that the top intent is right. */
  p: number;
  /** Whether the item is in scope (has an intent). */
  inScope: boolean;
  /** Whether the top intent is the item's intent. */
  correct: boolean;
}

/**
 * The decline threshold for a calibrated probability of being in scope, from the Bayes decision
 * rule: decline when the expected cost of declining (p times the cost of declining one
 * answerable question) exceeds that of answering ((1 - p) times the cost of answering one
 * out-of-scope question). Costs are per item of each kind, so that each kind weighs by its
 * share of the data: a rate of answerable questions declined counts `inScopeWeight` times a
 * rate of out-of-scope ones answered. A closed form rather than a search over the
 * cross-validated scores: the cost curve is flat near its minimum, so a search lands on a
 * different threshold with every change of seed or data.
 */
export function declineThresholdFor(inScope: number, outOfScope: number, inScopeWeight = 1): number {
  if (outOfScope <= 0 || inScope <= 0) return 0;
  const odds = inScope / (inScopeWeight * outOfScope);
  return odds / (1 + odds);
}

/**
 * The lowest threshold at or above `floor` from which answers are right at least
 * `precision` of the time on cross-validated outcomes; between the two the bot asks.
 */
export function chooseAnswerThreshold(outcomes: readonly ScoredOutcome[], floor: number, precision: number): number {
  const above = outcomes.filter((o) => o.p >= floor).sort((a, b) => b.p - a.p);
  let right = 0;
  let threshold = 1;
  for (let i = 0; i < above.length; i += 1) {
    const o = above[i] as ScoredOutcome;
    if (o.inScope && o.correct) right += 1;
    const next = above[i + 1];
    if (next && next.p === o.p) continue;
    if (right / (i + 1) >= precision) threshold = o.p;
  }
  return Math.max(floor, threshold);
}
