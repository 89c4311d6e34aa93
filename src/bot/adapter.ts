import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { BotCredentials } from '../config';

export type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
export type TurnLogic = (context: TurnContext) => Promise<void>;

/**
 * CloudAdapter with authentication split from processing, so that the HTTP layer can answer
 * every authentication failure (including a signing-key fetch that fails) with 401, and with
 * a way to run an activity for in-process callers, which have no token.
 */
export class BotAdapter extends CloudAdapter {
  readonly authenticationEnabled: boolean;

  constructor(private readonly credentials: BotCredentials | undefined) {
    super(new ConfigurationBotFrameworkAuthentication({ ...(credentials ?? {}) }));
    this.authenticationEnabled = credentials !== undefined;
  }

  /** Validates the request's bearer token (anything is accepted when authentication is off). */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Runs an authenticated activity; the result carries the expectReplies or invoke body, if any. */
  processAuthenticated(auth: AuthenticateRequestResult, activity: Activity, logic: TurnLogic): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }

  /**
   * Runs an activity handed over in-process by a trusted caller (e.g. a Direct Line endpoint
   * on this server), as the bot itself; no token is checked.
   */
  processInProcess(activity: Activity, logic: TurnLogic): Promise<InvokeResponse | undefined> {
    const claimsIdentity = this.createClaimsIdentity(this.credentials?.MicrosoftAppId ?? '');
    const auth: AuthenticateRequestResult = {
      audience: '',
      callerId: '',
      claimsIdentity,
      connectorFactory: this.botFrameworkAuthentication.createConnectorFactory(claimsIdentity),
    };
    return this.processActivity(auth, activity, logic);
  }
}
