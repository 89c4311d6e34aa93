/**
 * Text normalisation shared by every language: Unicode NFKC, lower case, control
 * characters and invisible marks removed, white space collapsed.
 */
export function normalizeText(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02BC\u2032\u0060\u00B4]/g, "'")
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const LIGATURES: Record<string, string> = { æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', ı: 'i' };

/**
 * Folds diacritics for matching only (never for display): "hvornår" and "hvornar",
 * "signé" and "signe", "lombès" and "lombes" become the same string. Letters that
 * do not decompose under NFD (æ, ø, œ) are mapped explicitly.
 */
export function foldDiacritics(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[æøœßđłı]/g, (c) => LIGATURES[c] ?? c);
}
