import type { Lang } from '../nlu/types';

/**
 * Every key of the common namespace the code uses. Code refers to these constants, never to
 * literal strings, so one test can prove that each of them exists in every locale.
 */
export const COMMON = {
  welcome: 'common:welcome',
  source: 'common:source',
  clarify: 'common:clarify',
  decline: 'common:decline',
  tooLong: 'common:tooLong',
  textOnly: 'common:textOnly',
  error: 'common:error',
  languageMenu: 'common:languageMenu',
  languageChosen: 'common:languageChosen',
  language: { da: 'common:language.da', fr: 'common:language.fr', en: 'common:language.en' } satisfies Record<Lang, string>,
} as const;

export const answerFactKey = (intent: string): string => `answers:${intent}.fact`;
export const answerContextKey = (intent: string): string => `answers:${intent}.context`;
export const questionKey = (intent: string): string => `questions:${intent}`;
