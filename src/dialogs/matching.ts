import { foldDiacritics, normalizeText } from '../nlu/normalize';
import { LANGS } from '../nlu/types';
import { questionKey, type Translations } from '../i18n';

/** A comparison key: case, accents, punctuation and spacing do not count ("Où … ?" = "ou …"). */
export function matchKey(text: string): string {
  return foldDiacritics(normalizeText(text))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The canonical questions of questions.json in every language, so that a button the bot
 * offered (whose value is such a question) is answered exactly, whatever the engine makes
 * of the wording. A text claimed by two intents is left out rather than guessed.
 */
export class QuestionIndex {
  private constructor(private readonly byKey: ReadonlyMap<string, string>) {}

  static build(intents: readonly string[], i18n: Translations): QuestionIndex {
    const byKey = new Map<string, string>();
    const ambiguous = new Set<string>();
    for (const lang of LANGS) {
      for (const intent of intents) {
        if (!i18n.has(lang, questionKey(intent))) continue;
        const key = matchKey(i18n.forLanguage(lang)(questionKey(intent)));
        if (key === '') continue;
        const known = byKey.get(key);
        if (known !== undefined && known !== intent) ambiguous.add(key);
        byKey.set(key, intent);
      }
    }
    for (const key of ambiguous) byKey.delete(key);
    return new QuestionIndex(byKey);
  }

  find(text: string): string | undefined {
    return this.byKey.get(matchKey(text));
  }
}
