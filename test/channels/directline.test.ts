import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ConnectionStatus, DirectLine, type Activity as DirectLineActivity } from 'botframework-directlinejs';
import { WebSocket } from 'ws';
import { EchoBot } from './helpers/echoBot';
import { startTestServer, type TestServer } from './helpers/server';
import { waitFor } from './helpers/wait';
import { installDirectLineGlobals } from './helpers/xhr';

interface Started {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl: string;
}

let server: TestServer;
let bot: EchoBot;
const clients: DirectLine[] = [];

beforeAll(async () => {
  installDirectLineGlobals();
  bot = new EchoBot();
  server = await startTestServer({ runTurn: (context) => bot.run(context) });
});

afterEach(() => {
  for (const client of clients.splice(0)) client.end();
});

afterAll(() => server.close());

const base = (): string => `${server.url}/v3/directline`;

async function start(locale?: string): Promise<Started> {
  const res = await fetch(`${base()}/conversations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(locale ? { locale } : {}),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Started;
}

function connect(options: ConstructorParameters<typeof DirectLine>[0]): { client: DirectLine; seen: DirectLineActivity[] } {
  const client = new DirectLine({ domain: base(), pollingInterval: 200, ...options });
  clients.push(client);
  const seen: DirectLineActivity[] = [];
  // end() and refused tokens surface as errors on the stream; the tests watch connectionStatus$ instead.
  client.activity$.subscribe(
    (activity) => seen.push(activity),
    () => undefined,
  );
  return { client, seen };
}

function post(client: DirectLine, text: string, locale = 'en-US'): Promise<string> {
  return new Promise((resolve, reject) => {
    client.postActivity({ type: 'message', from: { id: 'someone-else' }, text, locale }).subscribe(resolve, reject);
  });
}

const texts = (seen: DirectLineActivity[]): string[] => seen.map((a) => (a.type === 'message' ? (a.text ?? '') : a.type));

describe.each([
  ['WebSocket', true],
  ['polling', false],
])('a conversation over %s through botframework-directlinejs', (_name, webSocket) => {
  it('starts, sends, echoes the visitor and receives the reply', async () => {
    const started = await start();
    const { client, seen } = connect({ token: started.token, webSocket });
    await waitFor(() => client.connectionStatus$.getValue() === ConnectionStatus.Online, 'online');
    await waitFor(() => texts(seen).includes('welcome'), 'welcome');

    const id = await post(client, 'hello there');
    expect(id).toMatch(new RegExp(`^${started.conversationId.replace(/[-]/g, '\\-')}\\|\\d{7}$`));
    await waitFor(() => texts(seen).includes('echo: hello there'), 'reply');

    const echo = seen.find((a) => a.id === id);
    expect(echo).toMatchObject({
      type: 'message',
      text: 'hello there',
      conversation: { id: started.conversationId },
      from: { role: 'user' },
    });
    expect(echo?.from.id).not.toBe('someone-else');
    expect(typeof echo?.timestamp).toBe('string');
    const reply = seen.find((a) => a.type === 'message' && a.text === 'echo: hello there');
    expect(reply).toMatchObject({ replyToId: id, from: { role: 'bot' }, conversation: { id: started.conversationId }, locale: 'en-US' });
    const ids = seen.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());

    // The bot got the activity through the adapter as a Direct Line activity.
    const received = bot.received.find((a) => a.conversation.id === started.conversationId && a.text === 'hello there');
    expect(received).toMatchObject({ channelId: 'directline', recipient: { role: 'bot' }, from: { id: echo?.from.id } });
  });

  it('resumes from a watermark without losing or repeating an activity', async () => {
    const started = await start();
    const first = connect({ token: started.token, webSocket });
    await waitFor(() => texts(first.seen).includes('welcome'), 'welcome');
    await post(first.client, 'one');
    await waitFor(() => texts(first.seen).includes('echo: one'), 'first reply');
    first.client.end();
    const watermark = String(first.seen.length);

    // Something happens while the visitor is away (another tab of the same conversation).
    const away = await fetch(`${base()}/conversations/${started.conversationId}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${started.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'two' }),
    });
    expect(away.status).toBe(200);

    const second = connect({ token: started.token, conversationId: started.conversationId, watermark, webSocket });
    await waitFor(() => texts(second.seen).includes('echo: two'), 'missed reply');
    await post(second.client, 'three');
    await waitFor(() => texts(second.seen).includes('echo: three'), 'third reply');

    const all = [...first.seen, ...second.seen];
    const ids = all.map((a) => a.id ?? '');
    expect(new Set(ids).size).toBe(ids.length);
    const numbers = ids.map((id) => Number(id.split('|')[1]));
    expect(numbers).toEqual(numbers.map((_, i) => i));
    expect(texts(all)).toEqual(['welcome', 'one', 'echo: one', 'two', 'echo: two', 'three', 'echo: three']);
  });

  it('fails to connect with a bad token', async () => {
    const { client } = connect({ token: 'not-a-token', webSocket });
    await waitFor(() => client.connectionStatus$.getValue() === ConnectionStatus.FailedToConnect, 'FailedToConnect');
  });
});

describe('the local Direct Line REST surface', () => {
  const call = (path: string, init: RequestInit & { token?: string } = {}): Promise<Response> =>
    fetch(`${base()}${path}`, {
      ...init,
      headers: {
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      },
    });

  it('answers 403 in Direct Line error shape without a valid token', async () => {
    const { conversationId } = await start();
    for (const token of [undefined, 'wrong']) {
      const res = await call(`/conversations/${conversationId}/activities`, token ? { token } : {});
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'TokenInvalid', message: expect.any(String) as string } });
    }
  });

  it("refuses one conversation's token for another", async () => {
    const a = await start();
    const b = await start();
    const res = await call(`/conversations/${b.conversationId}/activities`, { token: a.token });
    expect(res.status).toBe(403);
  });

  it('refreshes a token, and both work until the old one expires', async () => {
    const { conversationId, token } = await start();
    const res = await call('/tokens/refresh', { method: 'POST', token });
    expect(res.status).toBe(200);
    const refreshed = (await res.json()) as { conversationId: string; token: string; expires_in: number };
    expect(refreshed.conversationId).toBe(conversationId);
    expect(refreshed.token).not.toBe(token);
    expect(refreshed.expires_in).toBeGreaterThan(0);
    for (const t of [token, refreshed.token]) expect((await call(`/conversations/${conversationId}/activities`, { token: t })).status).toBe(200);
  });

  it('reconnects with a new stream URL and returns activities after a watermark', async () => {
    const { conversationId, token } = await start();
    const sent = await call(`/conversations/${conversationId}/activities`, { method: 'POST', token, body: JSON.stringify({ type: 'message', text: 'hi' }) });
    expect(await sent.json()).toEqual({ id: `${conversationId}|0000001` });

    const all = (await (await call(`/conversations/${conversationId}/activities`, { token })).json()) as { activities: DirectLineActivity[]; watermark: string };
    expect(all.activities.map((a) => a.id)).toEqual([0, 1, 2].map((n) => `${conversationId}|000000${n}`));
    expect(all.watermark).toBe('3');
    const after = (await (await call(`/conversations/${conversationId}/activities?watermark=2`, { token })).json()) as { activities: DirectLineActivity[] };
    expect(after.activities.map((a) => a.id)).toEqual([`${conversationId}|0000002`]);

    const reconnect = await call(`/conversations/${conversationId}?watermark=2`, { token });
    expect(reconnect.status).toBe(200);
    const body = (await reconnect.json()) as Started;
    expect(body.streamUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/.+\/stream\?t=/);
    const messages: string[] = [];
    const socket = new WebSocket(body.streamUrl);
    socket.on('message', (data: Buffer) => messages.push(data.toString()));
    await waitFor(() => messages.length > 0, 'replay');
    socket.close();
    expect((JSON.parse(messages[0] ?? '{}') as { activities: DirectLineActivity[] }).activities.map((a) => a.id)).toEqual([`${conversationId}|0000002`]);
  });

  it('refuses a stream URL used twice or with a made-up ticket', async () => {
    const { streamUrl } = await start();
    const statusOf = (url: string): Promise<number> =>
      new Promise((resolve) => {
        const socket = new WebSocket(url);
        socket.on('open', () => {
          socket.close();
          resolve(101);
        });
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('error', () => undefined);
      });
    expect(await statusOf(streamUrl)).toBe(101);
    expect(await statusOf(streamUrl)).toBe(403);
    expect(await statusOf(streamUrl.replace(/t=[^&]+/, 't=forged'))).toBe(403);
  });

  it('rejects malformed and oversized activities', async () => {
    const { conversationId, token } = await start();
    const path = `/conversations/${conversationId}/activities`;
    const cases: [string, number][] = [
      ['{not json', 400],
      [JSON.stringify({ text: 'no type' }), 400],
      [JSON.stringify({ type: 'conversationUpdate' }), 400],
      [JSON.stringify({ type: 'message', text: 'x'.repeat(20_000) }), 413],
    ];
    for (const [body, status] of cases) {
      const res = await call(path, { method: 'POST', token, body });
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BadArgument');
    }
  });

  it('sends no cookies and marks responses as not cacheable', async () => {
    const res = await fetch(`${base()}/conversations`, { method: 'POST' });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe("with the bot's Microsoft App ID configured", () => {
  it('still runs local turns without any token or network call', async () => {
    const appId = '0b7c6a2e-1d3f-4e5a-9b8c-7d6e5f4a3b2c';
    const echo = new EchoBot();
    const secured = await startTestServer({
      runTurn: (context) => echo.run(context),
      adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: appId, MicrosoftAppPassword: 'not-used' })),
      config: { botAppId: appId },
    });
    try {
      const started = (await (await fetch(`${secured.url}/v3/directline/conversations`, { method: 'POST' })).json()) as Started;
      const res = await fetch(`${secured.url}/v3/directline/conversations/${started.conversationId}/activities`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${started.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'secured' }),
      });
      expect(res.status).toBe(200);
      const { activities } = (await (
        await fetch(`${secured.url}/v3/directline/conversations/${started.conversationId}/activities`, { headers: { Authorization: `Bearer ${started.token}` } })
      ).json()) as { activities: DirectLineActivity[] };
      expect(texts(activities)).toContain('echo: secured');
      expect(activities.find((a) => a.from.role === 'bot')?.from.id).toBe(appId);
      expect(secured.errors).toEqual([]);
    } finally {
      await secured.close();
    }
  });
});
