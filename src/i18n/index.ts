import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18nInstance, type Resource, type ResourceLanguage } from 'i18next';
import { LANGS, type Lang } from '../nlu/types';

export { COMMON, answerContextKey, answerFactKey, questionKey } from './keys';

/** The locales folder shipped with the project. */
export const LOCALES_DIR = path.resolve(__dirname, '..', '..', 'locales');
export const NAMESPACES = ['common', 'answers', 'questions'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** The language every missing text falls back to. */
export const FALLBACK_LANG: Lang = 'en';

/** A translation function fixed to one language for one turn. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export type MissingKeyListener = (lang: string, namespace: string, key: string) => void;

export interface Translations {
  /** The per-turn translator: `i18n.getFixedT(lang)`, never the instance's global language. */
  forLanguage(lang: Lang): Translate;
  /** True when `key` (namespace:key) has a text in `lang` itself, without falling back. */
  has(lang: Lang, key: string): boolean;
  readonly instance: I18nInstance;
}

export interface I18nOptions {
  dir?: string;
  /** Called for every text missing in the language asked for (the reply then falls back to English). */
  onMissingKey: MissingKeyListener;
}

/** Reads locales/{lang}/{namespace}.json for every language and namespace; throws naming a broken file. */
export function loadResources(dir: string = LOCALES_DIR): Resource {
  const resources: Resource = {};
  for (const lang of LANGS) {
    const language: ResourceLanguage = {};
    for (const ns of NAMESPACES) {
      const file = path.join(dir, lang, `${ns}.json`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${file}: must hold a JSON object`);
      language[ns] = parsed;
    }
    resources[lang] = language;
  }
  return resources;
}

/**
 * An i18next instance over the locale files. A text missing in the language asked for is
 * reported to `onMissingKey` and replaced by the English text; a text missing in English too
 * becomes an empty string, so a raw key never reaches a user.
 */
export function createI18n(options: I18nOptions): Translations {
  const instance = i18next.createInstance();
  const english = (key: string, opts: Record<string, unknown>): string => {
    if (opts.lng === FALLBACK_LANG) return '';
    return instance.t(key, { ...opts, lng: FALLBACK_LANG });
  };
  void instance.init({
    resources: loadResources(options.dir),
    lng: FALLBACK_LANG,
    // Fallback is done in parseMissingKeyHandler instead, so that every fallback is reported.
    fallbackLng: false,
    supportedLngs: [...LANGS],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    initAsync: false,
    returnNull: false,
    returnEmptyString: true,
    // Texts go into chat messages, not HTML.
    interpolation: { escapeValue: false },
    saveMissing: true,
    saveMissingTo: 'current',
    appendNamespaceToMissingKey: true,
    missingKeyHandler: (lngs, ns, key) => {
      for (const lang of lngs) options.onMissingKey(lang, ns, key);
    },
    parseMissingKeyHandler: (key: string, _defaultValue?: string, opts?: Record<string, unknown>) => english(key, opts ?? {}),
  });
  return {
    instance,
    forLanguage(lang: Lang): Translate {
      const t = instance.getFixedT(lang);
      return (key, opts) => String(t(key, opts ?? {}));
    },
    has(lang: Lang, key: string): boolean {
      const [ns, ...rest] = key.split(':');
      return ns !== undefined && rest.length > 0 && typeof instance.getResource(lang, ns, rest.join(':')) === 'string';
    },
  };
}
