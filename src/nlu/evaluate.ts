import type { Classification, Lang } from './types';

export interface LabelledQuery {
  text: string;
  /** Expected intent, or null for an out-of-scope question that must be declined. */
  intent: string | null;
  lang: Lang;
}

export interface Metrics {
  /** In-scope questions. */
  inScope: number;
  /** Out-of-scope questions. */
  outOfScope: number;
  /** Share of in-scope questions whose intent was found (answered or asked about). */
  accuracy: number;
  /** Mean F1 over the intents, declined questions counting as a class of their own. */
  macroF1: number;
  /** Share of declines that were out-of-scope questions. */
  outOfScopePrecision: number;
  /** Share of out-of-scope questions declined. */
  outOfScopeRecall: number;
  /** Share of in-scope questions declined. */
  inScopeDeclined: number;
  /** Share of in-scope questions answered outright (no clarifying question). */
  answeredDirectly: number;
  /**
   * Expected calibration error of the score: the gap between the score and the share of right
   * best intents, averaged over ten score bins weighted by size (out-of-scope questions have no
   * right intent). 0 is perfect.
   */
  calibrationError: number;
  /** Expected intent -> predicted intent ("(declined)" for a decline), with counts, most frequent first. */
  confusions: Array<{ expected: string; predicted: string; count: number; examples: string[] }>;
}

const DECLINED = '(declined)';
const OUT_OF_SCOPE = '(out of scope)';

export function measure(queries: readonly LabelledQuery[], results: readonly Classification[]): Metrics {
  let inScope = 0;
  let right = 0;
  let direct = 0;
  let inScopeDeclined = 0;
  let outOfScope = 0;
  let outDeclined = 0;
  let declined = 0;
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const confusions = new Map<string, { expected: string; predicted: string; count: number; examples: string[] }>();
  const bump = (m: Map<string, number>, k: string): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  queries.forEach((q, i) => {
    const r = results[i] as Classification;
    const predicted = r.intent ?? DECLINED;
    const expected = q.intent ?? OUT_OF_SCOPE;
    if (r.intent === null) declined += 1;
    if (q.intent === null) {
      outOfScope += 1;
      if (r.intent === null) outDeclined += 1;
    } else {
      inScope += 1;
      if (r.intent === q.intent) {
        right += 1;
        if (r.decision === 'answer') direct += 1;
      }
      if (r.intent === null) inScopeDeclined += 1;
    }
    const goldClass = q.intent ?? DECLINED;
    if (goldClass === predicted) bump(tp, goldClass);
    else {
      bump(fp, predicted);
      bump(fn, goldClass);
      const key = `${expected}\u0000${predicted}`;
      const entry = confusions.get(key) ?? { expected, predicted, count: 0, examples: [] };
      entry.count += 1;
      if (entry.examples.length < 3) entry.examples.push(q.text);
      confusions.set(key, entry);
    }
  });
  const bins = Array.from({ length: 10 }, () => ({ n: 0, score: 0, right: 0 }));
  queries.forEach((q, i) => {
    const r = results[i] as Classification;
    const bin = bins[Math.min(9, Math.floor(r.score * 10))] as { n: number; score: number; right: number };
    bin.n += 1;
    bin.score += r.score;
    if (q.intent !== null && r.best === q.intent) bin.right += 1;
  });
  const calibrationError = bins.reduce((sum, b) => sum + (b.n === 0 ? 0 : Math.abs(b.score - b.right)), 0) / Math.max(1, queries.length);
  const classes = new Set([...tp.keys(), ...fp.keys(), ...fn.keys()]);
  let f1Sum = 0;
  for (const c of classes) {
    const t = tp.get(c) ?? 0;
    const precision = t / Math.max(1, t + (fp.get(c) ?? 0));
    const recall = t / Math.max(1, t + (fn.get(c) ?? 0));
    f1Sum += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  return {
    inScope,
    outOfScope,
    accuracy: ratio(right, inScope),
    macroF1: classes.size === 0 ? 0 : f1Sum / classes.size,
    outOfScopePrecision: ratio(outDeclined, declined),
    outOfScopeRecall: ratio(outDeclined, outOfScope),
    inScopeDeclined: ratio(inScopeDeclined, inScope),
    answeredDirectly: ratio(direct, inScope),
    calibrationError,
    confusions: [...confusions.values()].sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)),
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

export interface Bars {
  accuracy: number;
  outOfScopeRecall: number;
  inScopeDeclined: number;
}

/** The bars the engine is held to on held-out questions, per language (the test suite fails and `npm run eval` exits non-zero below them). */
export const BARS: Bars = {
  accuracy: 0.97,
  outOfScopeRecall: 0.95,
  inScopeDeclined: 0.03,
};

export function meetsBars(m: Metrics, bars: Bars = BARS): string[] {
  const failures: string[] = [];
  if (m.accuracy < bars.accuracy) failures.push(`accuracy ${pct(m.accuracy)} < ${pct(bars.accuracy)}`);
  if (m.outOfScope > 0 && m.outOfScopeRecall < bars.outOfScopeRecall) failures.push(`out-of-scope recall ${pct(m.outOfScopeRecall)} < ${pct(bars.outOfScopeRecall)}`);
  if (m.inScopeDeclined > bars.inScopeDeclined) failures.push(`in-scope declined ${pct(m.inScopeDeclined)} > ${pct(bars.inScopeDeclined)}`);
  return failures;
}

export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
