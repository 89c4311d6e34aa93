import { detectAll } from 'tinyld/heavy';
import { normalizeText, foldDiacritics } from './normalize';
import { LANGS, type Lang } from './types';

export interface Detection {
  lang: Lang;
  /** How sure the detector is, in [0, 1]. */
  confidence: number;
  /** 'lexicon' for the short-word list, 'model' for the statistical detector. */
  method: 'lexicon' | 'model';
}

// One- and two-word messages are too short for a statistical detector ("hello" comes out
// Danish, "hi" undetermined), so the usual short messages of a chat are listed here.
const LEXICON: Record<Lang, string[]> = {
  en: [
    'hello', 'hi', 'hey', 'hiya', 'thanks', 'thank you', 'thx', 'cheers', 'bye', 'goodbye', 'good bye', 'yes', 'no', 'ok', 'okay',
    'help', 'good morning', 'good evening', 'good afternoon', 'please', 'who signed', 'when', 'where', 'why', 'what', 'who',
    'great', 'nice', 'sorry', 'see you', 'many thanks', 'thank you very much', 'hello there', 'hi there', 'english',
  ],
  da: [
    'hej', 'hejsa', 'hallo', 'goddag', 'godmorgen', 'god morgen', 'godaften', 'tak', 'mange tak', 'tusind tak', 'tak skal du have',
    'farvel', 'hej hej', 'vi ses', 'ja', 'nej', 'hjælp', 'hvem', 'hvornår', 'hvor', 'hvorfor', 'hvad', 'super', 'fint', 'undskyld',
    'dansk', 'på dansk', 'hvem underskrev', 'tak for hjælpen', 'godt', 'okay tak',
  ],
  fr: [
    'bonjour', 'bonsoir', 'salut', 'coucou', 'merci', 'merci beaucoup', 'merci bien', 'au revoir', 'à bientôt', 'oui', 'non', 'aide',
    "d'accord", 'qui', 'quand', 'où', 'pourquoi', 'quoi', 'super', 'parfait', 'pardon', 'français', 'en français', 'qui a signé',
    'bonne journée', 'salut merci', 'ok merci', 'bienvenue',
  ],
};

const LEXICON_INDEX = new Map<string, Lang>();
for (const lang of LANGS) {
  for (const entry of LEXICON[lang]) LEXICON_INDEX.set(foldDiacritics(normalizeText(entry)), lang);
}

function lexiconKey(text: string): string {
  return foldDiacritics(normalizeText(text))
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The language of a message among Danish, French and English, or undefined when the
 * text gives no usable evidence (a name, an acronym, an emoji).
 */
export function detectLanguage(text: string): Detection | undefined {
  const key = lexiconKey(text);
  if (key === '') return undefined;
  const listed = LEXICON_INDEX.get(key);
  if (listed) return { lang: listed, confidence: 1, method: 'lexicon' };
  const ranked = detectAll(key, { only: [...LANGS] });
  const top = ranked[0];
  if (!top) return undefined;
  const second = ranked[1]?.accuracy ?? 0;
  const confidence = Math.max(0, Math.min(1, top.accuracy === 1 ? 1 : (top.accuracy - second) / Math.max(top.accuracy, 1e-9)));
  return { lang: top.lang as Lang, confidence, method: 'model' };
}
