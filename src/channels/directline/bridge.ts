import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, type AuthenticateRequestResult } from 'botframework-connector';
import { InProcessConnectorFactory, type BotActivitySink } from './connector';

export type RunTurn = (context: TurnContext) => Promise<void>;

/**
 * Hands an activity from the local channel to the bot through the same CloudAdapter
 * (middleware, onTurnError) and turn logic as /api/messages.
 *
 * The request comes from this process, so there is no token to validate: the
 * authentication result is built here as for a request Direct Line signed for this bot
 * (audience = the bot's app id). Replies go through an in-process connector into the
 * conversation, so they stream one by one as the bot sends them, and a bot that sends
 * nothing, or sends later in the turn, behaves as on Azure, which `expectReplies` would not give.
 */
export function createTurnDispatcher(
  adapter: CloudAdapter,
  runTurn: RunTurn,
  botAppId: string,
  sink: BotActivitySink,
): (activity: Activity) => Promise<void> {
  const connectorFactory = new InProcessConnectorFactory(sink);
  return async (activity) => {
    const authentication: AuthenticateRequestResult = {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      claimsIdentity: new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: botAppId }], true),
      connectorFactory,
    };
    await adapter.processActivityDirect(authentication, activity, runTurn);
  };
}
