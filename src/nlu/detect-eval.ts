import type { Detection } from './detect';
import { LANGS, type Lang } from './types';

export interface DetectionScore {
  lang: Lang;
  total: number;
  right: number;
  accuracy: number;
  misses: Array<{ text: string; detected: Lang | null }>;
}

/** Share of texts per language whose detected language is the expected one (undetermined counts as wrong). */
export function scoreDetection(detect: (text: string) => Detection | undefined, sets: Readonly<Record<Lang, readonly string[]>>): DetectionScore[] {
  return LANGS.map((lang) => {
    const misses: DetectionScore['misses'] = [];
    for (const text of sets[lang]) {
      const found = detect(text)?.lang ?? null;
      if (found !== lang) misses.push({ text, detected: found });
    }
    const total = sets[lang].length;
    return { lang, total, right: total - misses.length, accuracy: total === 0 ? 1 : (total - misses.length) / total, misses };
  });
}

/** A question in the sense of the detection bar: four words or more (shorter inputs have their own set). */
export function isQuestion(text: string): boolean {
  return text.trim().split(/\s+/).length >= 4;
}
