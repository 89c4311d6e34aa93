export const LANGS = ['da', 'fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** One labelled training example. `intent` null marks an out-of-scope example. */
export interface Example {
  text: string;
  intent: string | null;
  lang?: Lang;
}

export type Decision = 'answer' | 'clarify' | 'decline';

export interface Candidate {
  intent: string;
  /** Calibrated probability that this intent is the right one, in [0, 1]. */
  score: number;
}

export interface Classification {
  /** Best in-scope intent, or null when the engine declines. */
  intent: string | null;
  /** Calibrated probability that `intent` (or, on decline, the best in-scope intent) is right. */
  score: number;
  decision: Decision;
  /** Best in-scope intent even on decline; null only when nothing at all matched. */
  best: string | null;
  /** Up to three candidates, best first (best included). */
  candidates: Candidate[];
  /** Language whose pipeline analysed the text. */
  lang: Lang;
}
