import { foldDiacritics, normalizeText } from '../nlu/normalize';
import { LANGS, type Lang } from '../nlu/types';
import { COMMON, questionKey, type Translations } from '../i18n';

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

/**
 * The language buttons of the welcome send the language's own name ("Dansk", "Français",
 * "English"); this recognises those commands so that they never reach the engine.
 */
export class LanguageCommands {
  private constructor(private readonly byKey: ReadonlyMap<string, Lang>) {}

  static build(i18n: Translations): LanguageCommands {
    const byKey = new Map<string, Lang>();
    for (const shownIn of LANGS) {
      const t = i18n.forLanguage(shownIn);
      for (const lang of LANGS) {
        const key = matchKey(t(COMMON.language[lang]));
        if (key !== '') byKey.set(key, lang);
      }
    }
    return new LanguageCommands(byKey);
  }

  find(text: string): Lang | undefined {
    return this.byKey.get(matchKey(text));
  }
}
