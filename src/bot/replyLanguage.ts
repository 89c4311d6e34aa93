import type { Lang } from '../nlu/types';

export interface ReplyLanguageInput {
  /** `activity.locale`, as the channel sends it (e.g. "da-DK", "fr", "en-US"). */
  activityLocale?: string;
  /** The locale of a Teams `clientInfo` entity, if the activity has one. */
  clientInfoLocale?: string;
}

/** Danish and French by their language subtag; every other language, or none, gets English. */
function fromLocale(locale: string | undefined): Lang | undefined {
  if (typeof locale !== 'string') return undefined;
  const language = locale.trim().toLowerCase().split(/[-_]/)[0];
  if (!language) return undefined;
  return language === 'da' ? 'da' : language === 'fr' ? 'fr' : 'en';
}

/** The language of the bot's reply. Pure: the only place this decision is made. */
export function replyLanguage(input: ReplyLanguageInput): Lang {
  return fromLocale(input.activityLocale) ?? fromLocale(input.clientInfoLocale) ?? 'en';
}
