import type { Activity, TurnContext } from 'botbuilder';
import type { Lang } from '../nlu/types';
import { replyLanguage, type ReplyLanguageInput } from './replyLanguage';

const REPLY_LANGUAGE = Symbol('replyLanguage');

/** The locale inputs of an activity: its own locale and a Teams clientInfo entity's. */
export function localeInputs(activity: Partial<Activity>): ReplyLanguageInput {
  const clientInfo = activity.entities?.find((e) => e.type === 'clientInfo');
  const clientLocale: unknown = clientInfo?.locale;
  return {
    ...(typeof activity.locale === 'string' ? { activityLocale: activity.locale } : {}),
    ...(typeof clientLocale === 'string' ? { clientInfoLocale: clientLocale } : {}),
  };
}

/** The reply language of this turn, decided once and kept in the turn state. */
export function turnLanguage(context: TurnContext): Lang {
  const known: unknown = context.turnState.get(REPLY_LANGUAGE);
  if (known === 'da' || known === 'fr' || known === 'en') return known;
  const lang = replyLanguage(localeInputs(context.activity));
  context.turnState.set(REPLY_LANGUAGE, lang);
  return lang;
}
