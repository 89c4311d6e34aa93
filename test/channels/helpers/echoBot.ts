import { ActivityHandler, type Activity } from 'botbuilder';

/** A stand-in bot: welcomes, echoes text with the locale it came in, offers two follow-ups. */
export class EchoBot extends ActivityHandler {
  readonly received: Activity[] = [];

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      this.received.push(context.activity);
      await context.sendActivity({
        type: 'message',
        text: `echo: ${context.activity.text ?? ''}`,
        ...(context.activity.locale ? { locale: context.activity.locale } : {}),
        suggestedActions: {
          to: [],
          actions: [
            { type: 'imBack', title: 'More', value: 'more' },
            { type: 'imBack', title: 'Help', value: 'help' },
          ],
        },
      });
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      this.received.push(context.activity);
      const bot = context.activity.recipient.id;
      if ((context.activity.membersAdded ?? []).some((member) => member.id !== bot)) {
        await context.sendActivity({ type: 'message', text: 'welcome', ...(context.activity.locale ? { locale: context.activity.locale } : {}) });
      }
      await next();
    });
  }
}
