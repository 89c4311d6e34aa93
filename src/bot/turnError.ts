import type { BotState, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Translations } from '../i18n';
import { errorReply, isGroupConversation } from '../dialogs/replies';
import { turnLanguage } from './turnLanguage';

export interface TurnErrorDeps {
  conversationState: BotState;
  i18n: Translations;
  logger: Logger;
}

/**
 * The adapter's onTurnError: logs the error (not the message), clears the conversation state
 * so that a broken dialog cannot trap the user, and apologises in the reply language.
 */
export function createTurnErrorHandler(deps: TurnErrorDeps): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const activity = context.activity;
    deps.logger.error(
      { err: { type: error?.name, message: error?.message, stack: error?.stack }, activityType: activity.type, channelId: activity.channelId },
      'turn failed',
    );
    try {
      await deps.conversationState.delete(context);
    } catch (deleteError) {
      deps.logger.error({ err: { message: (deleteError as Error).message } }, 'could not clear the conversation state');
    }
    try {
      await context.sendTraceActivity('OnTurnError Trace', `${String(error)}`, 'https://www.botframework.com/schemas/error', 'TurnError');
      const lang = turnLanguage(context);
      await context.sendActivity(errorReply({ lang, t: deps.i18n.forLanguage(lang), group: isGroupConversation(activity.conversation?.conversationType) }));
    } catch (sendError) {
      deps.logger.error({ err: { message: (sendError as Error).message } }, 'could not send the apology');
    }
  };
}
