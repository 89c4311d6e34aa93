/**
 * Platt-style calibration: a small logistic regression from ranking evidence to the
 * probability that the top intent is right, fitted on cross-validated predictions.
 */
export class Calibrator {
  constructor(
    readonly weights: readonly number[],
    readonly bias: number,
  ) {}

  static fit(samples: readonly number[][], labels: readonly boolean[], iterations = 2000): Calibrator {
    const dims = samples[0]?.length ?? 0;
    const w = new Array<number>(dims).fill(0);
    let b = 0;
    const n = samples.length;
    if (n === 0) return new Calibrator(w, 0);
    const positives = labels.filter(Boolean).length;
    if (positives === 0 || positives === n) return new Calibrator(w, positives === n ? 4 : -4);
    const rate = 1;
    const l2 = 1e-3;
    for (let it = 0; it < iterations; it += 1) {
      const gw = new Array<number>(dims).fill(0);
      let gb = 0;
      for (let i = 0; i < n; i += 1) {
        const x = samples[i] as number[];
        const p = sigmoid(dot(w, x) + b);
        const g = p - (labels[i] ? 1 : 0);
        for (let d = 0; d < dims; d += 1) gw[d] = (gw[d] as number) + g * (x[d] as number);
        gb += g;
      }
      for (let d = 0; d < dims; d += 1) w[d] = (w[d] as number) - rate * ((gw[d] as number) / n + l2 * (w[d] as number));
      b -= (rate * gb) / n;
    }
    return new Calibrator(w, b);
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
 * The decline threshold that minimises the cost of wrong decisions on cross-validated
 * outcomes: the share of in-scope items declined, weighted by `inScopeWeight`, plus the
 * share of out-of-scope items answered. In-scope items whose top intent is wrong cost
 * nothing when declined. With no out-of-scope items nothing is declined. Ties go to the
 * middle of the best interval.
 */
export function chooseDeclineThreshold(outcomes: readonly ScoredOutcome[], inScopeWeight = 1): number {
  const inScope = outcomes.filter((o) => o.inScope).length;
  const outOfScope = outcomes.length - inScope;
  if (outOfScope === 0 || inScope === 0) return 0;
  const sorted = outcomes.slice().sort((a, b) => a.p - b.p);
  // Threshold below every score: everything answered.
  let answeredRight = sorted.filter((o) => o.inScope && o.correct).length;
  let declinedOut = 0;
  const value0 = (right: number, declined: number): number => inScopeWeight * (right / inScope) + declined / outOfScope;
  let best = value0(answeredRight, 0);
  let bestLow = 0;
  let bestHigh = sorted[0]?.p ?? 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const o = sorted[i] as ScoredOutcome;
    if (o.inScope && o.correct) answeredRight -= 1;
    if (!o.inScope) declinedOut += 1;
    const next = sorted[i + 1];
    if (next && next.p === o.p) continue;
    const value = value0(answeredRight, declinedOut);
    if (value > best + 1e-12) {
      best = value;
      bestLow = o.p;
      bestHigh = next ? next.p : 1;
    }
  }
  return (bestLow + bestHigh) / 2;
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
