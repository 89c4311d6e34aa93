import type { Activity, BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Detection } from '../nlu/detect';
import { parseLanguageCommand, type LanguageCommand } from '../nlu/language-command';
import { isLang, type Lang } from '../nlu/types';
import { CONFIDENT_DETECTION, decideReplyLanguage, type ReplyLanguageInput, type ReplyLanguageReason } from './replyLanguage';

const TURN_LANGUAGE = Symbol('turnLanguage');

/** The language decisions of one message turn. */
export interface LanguageTurn {
  /** The language every reply of this turn is written in. */
  reply: Lang;
  reason: ReplyLanguageReason;
  /**
   * The language the detector found in the question, however sure: the pipeline it is matched
   * with, so the engine does not detect it a second time.
   */
  textLang?: Lang;
  /** An explicit language request in this message. */
  command?: LanguageCommand;
  /** What is left to answer: the message, or what followed a language request ("Réponds en anglais : qui a signé ?"). */
  question: string;
}

/** The locale inputs of an activity: its own locale and a Teams clientInfo entity's. */
export function localeInputs(activity: Partial<Activity>): Pick<ReplyLanguageInput, 'activityLocale' | 'clientInfoLocale'> {
  const clientInfo = activity.entities?.find((e) => e.type === 'clientInfo');
  const clientLocale: unknown = clientInfo?.locale;
  return {
    ...(typeof activity.locale === 'string' ? { activityLocale: activity.locale } : {}),
    ...(typeof clientLocale === 'string' ? { clientInfoLocale: clientLocale } : {}),
  };
}

/**
 * Reads and remembers what decides the reply language: the user's explicit choice (UserState,
 * so it outlives the conversation) and the language of the user's previous message
 * (ConversationState). Only language codes are stored, never text.
 */
export class LanguageMemory {
  private readonly chosen: StatePropertyAccessor<Lang | undefined>;
  private readonly previous: StatePropertyAccessor<Lang | undefined>;

  constructor(
    userState: BotState,
    conversationState: BotState,
    private readonly detect: (text: string) => Detection | undefined,
  ) {
    this.chosen = userState.createProperty<Lang | undefined>('language');
    this.previous = conversationState.createProperty<Lang | undefined>('lastMessageLanguage');
  }

  /** Decides this message turn's languages, records an explicit choice, and keeps the result for the turn. */
  async beginMessage(context: TurnContext, text: string): Promise<LanguageTurn> {
    const command = parseLanguageCommand(text);
    if (command?.kind === 'switch') await this.chosen.set(context, command.lang);
    const question = command?.kind === 'switch' ? command.rest : command ? '' : text;
    const detection = question === '' ? undefined : this.detect(question);
    const confident = detection && detection.confidence >= CONFIDENT_DETECTION ? detection : undefined;
    const decided = decideReplyLanguage({
      chosen: await this.remembered(context),
      ...(detection ? { detected: { lang: detection.lang, confidence: detection.confidence } } : {}),
      previous: await this.previousLanguage(context),
      ...localeInputs(context.activity),
    });
    if (confident) await this.previous.set(context, confident.lang);
    const turn: LanguageTurn = {
      reply: decided.lang,
      reason: decided.reason,
      ...(detection ? { textLang: detection.lang } : {}),
      ...(command ? { command } : {}),
      question,
    };
    context.turnState.set(TURN_LANGUAGE, turn);
    return turn;
  }

  /** The language of a turn with no message to read (a welcome): an earlier choice, else the channel's. */
  async beginOther(context: TurnContext): Promise<Lang> {
    const decided = decideReplyLanguage({ chosen: await this.remembered(context), ...localeInputs(context.activity) });
    context.turnState.set(TURN_LANGUAGE, { reply: decided.lang, reason: decided.reason, question: '' } satisfies LanguageTurn);
    return decided.lang;
  }

  private async remembered(context: TurnContext): Promise<Lang | undefined> {
    const value: unknown = await this.chosen.get(context);
    return isLang(value) ? value : undefined;
  }

  private async previousLanguage(context: TurnContext): Promise<Lang | undefined> {
    const value: unknown = await this.previous.get(context);
    return isLang(value) ? value : undefined;
  }
}

/** The language decisions of this turn, if a LanguageMemory made them. */
export function languageTurn(context: TurnContext): LanguageTurn | undefined {
  const turn: unknown = context.turnState.get(TURN_LANGUAGE);
  return typeof turn === 'object' && turn !== null && isLang((turn as LanguageTurn).reply) ? (turn as LanguageTurn) : undefined;
}

/**
 * The reply language of this turn: as decided at its start, or, for a turn that was never
 * decided (an error before the decision), from the channel locale alone.
 */
export function turnLanguage(context: TurnContext): Lang {
  return languageTurn(context)?.reply ?? decideReplyLanguage(localeInputs(context.activity)).lang;
}
