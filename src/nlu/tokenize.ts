import { normalizeText } from './normalize';
import type { Lang } from './types';

// Unicode-aware: natural's word tokenizers drop æ, ø, å, é and à (see README), so tokens are
// taken as runs of letters and digits, apostrophes inside words kept for the elision rules below.
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

// French elided articles and pronouns: l'accord, d'Inserm, qu'est-ce, jusqu'à, s'il.
const FRENCH_ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)'/;

function splitApostrophes(token: string, lang: Lang): string[] {
  if (!token.includes("'")) return [token];
  if (lang === 'fr') {
    let rest = token;
    while (FRENCH_ELISION.test(rest)) rest = rest.replace(FRENCH_ELISION, '');
    return rest.split("'").filter(Boolean);
  }
  // English and Danish: possessive and contracted endings ("what's", "NGC's", "don't") carry no content.
  const [head] = token.split("'");
  return head ? [head] : [];
}

/** Splits normalised text into lower-case word tokens for the given language. */
export function tokenize(text: string, lang: Lang): string[] {
  const normalized = normalizeText(text);
  const out: string[] = [];
  for (const match of normalized.matchAll(WORD)) {
    for (const part of splitApostrophes(match[0], lang)) out.push(part);
  }
  return out;
}
