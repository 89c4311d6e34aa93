import { ConversationState, UserState, type Storage, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Knowledge } from '../knowledge/load';
import type { Translations } from '../i18n';
import { MainDialog, type QuestionClassifier } from '../dialogs/mainDialog';
import { FaqBot } from './faqBot';
import { createTurnErrorHandler } from './turnError';
import { LanguageMemory } from './turnLanguage';

export { BotAdapter } from './adapter';
export { FaqBot } from './faqBot';
export { InvalidActivityError, ShuttingDownError, TurnRunner } from './turns';
export { replyLanguage } from './replyLanguage';

export interface BotDeps {
  storage: Storage;
  knowledge: Knowledge;
  classifier: QuestionClassifier;
  i18n: Translations;
  logger: Logger;
}

export interface BotParts {
  bot: FaqBot;
  conversationState: ConversationState;
  userState: UserState;
  /** For the adapter's onTurnError. */
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
}

/** The bot and its state over one storage: what any adapter (CloudAdapter, TestAdapter) runs. */
export function createBot(deps: BotDeps): BotParts {
  const conversationState = new ConversationState(deps.storage);
  const userState = new UserState(deps.storage);
  const dialog = new MainDialog({ classifier: deps.classifier, knowledge: deps.knowledge, i18n: deps.i18n, logger: deps.logger });
  const language = new LanguageMemory(userState, conversationState, (text) => deps.classifier.detectLanguage(text));
  const bot = new FaqBot({ conversationState, userState, dialog, language, i18n: deps.i18n, logger: deps.logger });
  const onTurnError = createTurnErrorHandler({ conversationState, i18n: deps.i18n, logger: deps.logger });
  return { bot, conversationState, userState, onTurnError };
}
