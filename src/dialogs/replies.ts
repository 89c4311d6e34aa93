import { ActionTypes, CardFactory, MessageFactory, type Activity, type CardAction } from 'botbuilder';
import type { IntentDefinition } from '../knowledge/schema';
import { LANGS, type Lang } from '../nlu/types';
import { COMMON, answerContextKey, answerFactKey, questionKey, type Translate } from '../i18n';

/** The longest message the bot reads, in characters. */
export const MAX_MESSAGE_CHARS = 1000;

/** The questions offered by the welcome, the help and the decline replies. */
export const EXAMPLE_INTENTS = ['parties', 'signatories', 'signing_date'] as const;

/** Conversation types where Teams does not show suggested actions. */
const GROUP_CONVERSATION_TYPES = new Set(['channel', 'groupChat']);

/** How one turn's replies are written: in which language, and whether buttons must go on a card. */
export interface ReplyView {
  lang: Lang;
  t: Translate;
  /** A Teams channel or group chat, where buttons go on a HeroCard instead of suggested actions. */
  group: boolean;
}

export function isGroupConversation(conversationType: string | undefined): boolean {
  return conversationType !== undefined && GROUP_CONVERSATION_TYPES.has(conversationType);
}

export interface Choice {
  title: string;
  value: string;
}

function paragraphs(parts: readonly string[]): string {
  return parts.filter((p) => p.trim() !== '').join('\n\n');
}

/** A message with buttons that send their value back as the user's message (imBack). */
export function withChoices(view: ReplyView, text: string, choices: readonly Choice[]): Partial<Activity> {
  let reply: Partial<Activity>;
  if (choices.length === 0) {
    reply = MessageFactory.text(text);
  } else {
    const actions: CardAction[] = choices.map((c) => ({ type: ActionTypes.ImBack, title: c.title, value: c.value }));
    reply = view.group ? MessageFactory.attachment(CardFactory.heroCard('', undefined, actions), text) : MessageFactory.suggestedActions(actions, text);
  }
  reply.locale = view.lang;
  return reply;
}

function questionChoices(view: ReplyView, intents: readonly string[]): Choice[] {
  return intents.map((intent) => {
    const question = view.t(questionKey(intent));
    return { title: question, value: question };
  });
}

function languageChoices(view: ReplyView): Choice[] {
  return LANGS.map((lang) => {
    const name = view.t(COMMON.language[lang]);
    return { title: name, value: name };
  });
}

/** The fact, at most two sentences of context, the source (facts only), then 2-3 follow-up questions. */
export function answerReply(view: ReplyView, intent: IntentDefinition): Partial<Activity> {
  const parts = [view.t(answerFactKey(intent.id)), view.t(answerContextKey(intent.id))];
  if (intent.kind === 'fact') parts.push(view.t(COMMON.source));
  return withChoices(view, paragraphs(parts), questionChoices(view, intent.followUps.slice(0, 3)));
}

export function clarifyReply(view: ReplyView, candidates: readonly string[]): Partial<Activity> {
  return withChoices(view, view.t(COMMON.clarify), questionChoices(view, candidates));
}

export function declineReply(view: ReplyView): Partial<Activity> {
  return withChoices(view, view.t(COMMON.decline), questionChoices(view, EXAMPLE_INTENTS));
}

export function tooLongReply(view: ReplyView): Partial<Activity> {
  return withChoices(view, view.t(COMMON.tooLong, { max: MAX_MESSAGE_CHARS }), []);
}

/** What the bot can do (the help intent's answer) with example questions; `textOnly` first says it reads text only. */
export function helpReply(view: ReplyView, options: { textOnly: boolean }): Partial<Activity> {
  const parts = [view.t(answerFactKey('help')), view.t(answerContextKey('help'))];
  if (options.textOnly) parts.unshift(view.t(COMMON.textOnly));
  return withChoices(view, paragraphs(parts), questionChoices(view, EXAMPLE_INTENTS));
}

export function welcomeReply(view: ReplyView): Partial<Activity> {
  return withChoices(view, view.t(COMMON.welcome), [...questionChoices(view, EXAMPLE_INTENTS), ...languageChoices(view)]);
}

/** The three language buttons, asking which language the user wants. */
export function languageMenuReply(view: ReplyView): Partial<Activity> {
  return withChoices(view, view.t(COMMON.languageMenu), languageChoices(view));
}

/** The confirmation of an explicit language choice, written in the chosen language. */
export function languageChosenReply(view: ReplyView): Partial<Activity> {
  return withChoices(view, view.t(COMMON.languageChosen), []);
}

export function errorReply(view: ReplyView): Partial<Activity> {
  return withChoices(view, view.t(COMMON.error), []);
}
