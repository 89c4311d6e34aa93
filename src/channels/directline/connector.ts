import type { Activity } from 'botbuilder';
import { ConnectorClient, ConnectorFactory, MicrosoftAppCredentials } from 'botframework-connector';

type ConnectorOptions = NonNullable<ConstructorParameters<typeof ConnectorClient>[1]>;
type HttpClient = NonNullable<ConnectorOptions['httpClient']>;
type HttpRequest = Parameters<HttpClient['sendRequest']>[0];
type HttpResponse = Awaited<ReturnType<HttpClient['sendRequest']>>;

/** Receives what the bot sends into a conversation; undefined when the conversation is gone. */
export type BotActivitySink = (conversationId: string, activity: Activity) => { id: string } | undefined;

const ACTIVITIES_PATH = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

/**
 * The Bot Connector REST calls the adapter makes for a reply (send / reply to activity),
 * answered in-process instead of over HTTP. This is how botbuilder's own streaming
 * connector delivers replies, and it keeps the adapter, its middleware and onTurnError untouched.
 */
class InProcessConnectorHttpClient implements HttpClient {
  constructor(private readonly sink: BotActivitySink) {}

  sendRequest(request: HttpRequest): Promise<HttpResponse> {
    const match = ACTIVITIES_PATH.exec(new URL(request.url).pathname);
    if (!match?.[1] || request.method !== 'POST') {
      return Promise.resolve(respond(request, 405, { error: { code: 'BadArgument', message: `${request.method} is not supported by the local channel` } }));
    }
    const body: unknown = typeof request.body === 'string' ? JSON.parse(request.body) : undefined;
    if (!isActivityLike(body)) return Promise.resolve(respond(request, 400, { error: { code: 'BadArgument', message: 'Activity expected' } }));
    const result = this.sink(decodeURIComponent(match[1]), body);
    return Promise.resolve(
      result ? respond(request, 200, result) : respond(request, 404, { error: { code: 'ConversationNotFound', message: 'Conversation not found' } }),
    );
  }
}

function isActivityLike(value: unknown): value is Activity {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function respond(request: HttpRequest, status: number, body: unknown): HttpResponse {
  return { request, status, headers: request.headers, bodyAsText: JSON.stringify(body) };
}

export class InProcessConnectorFactory extends ConnectorFactory {
  private readonly httpClient: HttpClient;

  constructor(sink: BotActivitySink) {
    super();
    this.httpClient = new InProcessConnectorHttpClient(sink);
  }

  override create(serviceUrl: string): Promise<ConnectorClient> {
    return Promise.resolve(new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: serviceUrl, httpClient: this.httpClient }));
  }
}
