import { TeamsActivityHandler, type BotState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import type { Translations } from '../i18n';
import type { MainDialog } from '../dialogs/mainDialog';
import { isGroupConversation, welcomeReply } from '../dialogs/replies';
import { stripBotMentions } from './mentions';
import type { LanguageMemory } from './turnLanguage';

export interface FaqBotDeps {
  conversationState: BotState;
  userState: BotState;
  dialog: MainDialog;
  language: LanguageMemory;
  i18n: Translations;
  logger: Logger;
}

/**
 * Routes activities: messages go to the main dialog (after the bot's own @mentions are
 * removed), new members get one welcome, everything else is ignored. State is saved after
 * every turn.
 */
export class FaqBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(private readonly deps: FaqBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');

    this.onMessage(async (context, next) => {
      context.activity.text = stripBotMentions(context.activity);
      await deps.language.beginMessage(context, context.activity.text.trim());
      await deps.dialog.run(context, this.dialogState);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const { recipient, membersAdded = [], channelId, conversation } = context.activity;
      const newcomers = membersAdded.filter((m) => m.id !== recipient?.id);
      // Teams opens a personal chat by adding only the bot; the user is greeted then.
      const teamsPersonalChat =
        channelId === 'msteams' && conversation?.conversationType === 'personal' && membersAdded.some((m) => m.id === recipient?.id);
      // One welcome per update, however many people joined at once.
      if (newcomers.length > 0 || teamsPersonalChat) await this.welcome(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
  }

  private async welcome(context: TurnContext): Promise<void> {
    const lang = await this.deps.language.beginOther(context);
    this.deps.logger.info({ lang, route: 'welcome' }, 'reply');
    await context.sendActivity(
      welcomeReply({ lang, t: this.deps.i18n.forLanguage(lang), group: isGroupConversation(context.activity.conversation?.conversationType) }),
    );
  }
}
