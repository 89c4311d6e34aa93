import { foldDiacritics, normalizeText } from './normalize';
import type { Lang } from './types';

/** What an explicit language request says. */
export type LanguageCommand =
  | { kind: 'switch'; lang: Lang; /** The question that followed the request in the same message, if any. */ rest: string }
  | { kind: 'menu' };

// Names of the three languages in each of them, folded ("français" -> "francais").
const NAMES: Record<string, Lang> = {
  danish: 'da', dansk: 'da', danois: 'da', danske: 'da',
  english: 'en', engelsk: 'en', anglais: 'en',
  french: 'fr', fransk: 'fr', francais: 'fr', franske: 'fr',
};

// Words that may surround a language name in a request to switch ("svar på dansk tak",
// "réponds en anglais s'il te plaît", "can you speak French please"), folded.
const REQUEST_WORDS = new Set(
  [
    // English
    'can', 'could', 'would', 'will', 'you', 'please', 'pls', 'answer', 'reply', 'respond', 'speak', 'talk', 'write', 'switch', 'change',
    'to', 'in', 'into', 'use', 'lets', 'let', 's', 'go', 'me', 'with', 'thanks', 'thank', 'i', 'want', 'like', 'prefer', 'continue', 'ok',
    'okay', 'now', 'back', 'the', 'language', 'do', 'rather', 'instead', 'only', 'from', 'on',
    // Danish
    'kan', 'du', 'svar', 'svare', 'tale', 'taler', 'tal', 'skriv', 'skrive', 'skift', 'skifte', 'til', 'pa', 'tak', 'venligst', 'gerne',
    'jeg', 'vil', 'helst', 'fortsaet', 'sprog', 'lad', 'os', 'brug', 'snak', 'snakke', 'nu', 'hellere', 'godt', 'ma', 'bare', 'paa',
    // French
    'reponds', 'repondez', 'repondre', 'reponse', 'parle', 'parlez', 'parler', 'ecris', 'ecrivez', 'ecrire', 'passe', 'passez', 'passer',
    'en', 'il', 'te', 'vous', 'plait', 'stp', 'svp', 'peux', 'pouvez', 'tu', 'je', 'veux', 'voudrais', 'prefere', 'merci', 'continue',
    'continuez', 'continuer', 'changer', 'change', 'de', 'langue', 'la', 'le', 'utilise', 'au', 'a', 'maintenant', 'plutot', 'est', 'ce', 'que', 'on', 'peut', 'parlons',
  ].map((w) => foldDiacritics(w)),
);

const MENU_WORDS = new Set(['language', 'languages', 'sprog', 'langue', 'langues']);

// A separator ends the request; what follows is a question asked in the same breath.
const SEPARATOR = /[:;,.!?¿¡\n–—]|\s-\s/;

/**
 * Reads an explicit request to change language, in any of the three languages, at the start
 * of a message: "svar på dansk", "English please", "réponds en anglais : qui a signé ?".
 * A language named inside an ordinary question ("Is DNGC Danish?") is not a request.
 */
export function parseLanguageCommand(text: string): LanguageCommand | undefined {
  const normalized = foldDiacritics(normalizeText(text)).replace(/'/g, ' ');
  const split = normalized.search(SEPARATOR);
  const head = (split >= 0 ? normalized.slice(0, split) : normalized).trim();
  const words = head.split(/[\s-]+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return undefined;
  let lang: Lang | undefined;
  let menu = false;
  for (const word of words) {
    const named = NAMES[word];
    if (named) {
      if (lang && lang !== named) return undefined;
      lang = named;
    } else if (MENU_WORDS.has(word)) {
      menu = true;
    } else if (!REQUEST_WORDS.has(word)) {
      return undefined;
    }
  }
  if (!lang) return menu ? { kind: 'menu' } : undefined;
  const rest = split >= 0 ? restOf(text) : '';
  return { kind: 'switch', lang, rest };
}

/**
 * The original text after the request, so the question keeps its accents and case; segments
 * made only of courtesy words ("please", "tak", "merci") are dropped.
 */
function restOf(original: string): string {
  let rest = original;
  for (;;) {
    const at = rest.search(SEPARATOR);
    if (at < 0) return '';
    rest = rest.slice(at).replace(/^[\s:;,.!?¿¡–—-]+/, '');
    const next = rest.search(SEPARATOR);
    const segment = (next < 0 ? rest : rest.slice(0, next)).trim();
    const words = foldDiacritics(normalizeText(segment)).replace(/'/g, ' ').split(/[\s-]+/).filter(Boolean);
    if (!words.every((w) => REQUEST_WORDS.has(w))) return rest.trim();
    if (next < 0) return '';
  }
}
