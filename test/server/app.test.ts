import type { Server } from 'restify';
import type { Activity } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createApp } from '../../src/server/app';
import { listen, stop } from '../../src/server/listen';
import { createService, type Service } from '../../src/server/service';
import {
  ENGINE_TIMEOUT_MS,
  common,
  expectedAnswer,
  knowledge,
  question,
  capturingLogger,
  recordingI18n,
  silentLogger,
  suggestedValues,
  trainEngine,
  type MissingKey,
} from '../bot/support';
import { CaptureServer, get, message, post } from './http';

const { i18n, missing } = recordingI18n();
const capture = new CaptureServer();
const log = capturingLogger();
let service: Service;
let base: string;

beforeAll(async () => {
  await capture.start();
  const config = loadConfig({ PORT: '0', STORAGE: 'memory', LOG_LEVEL: 'silent' });
  service = createService({ config, knowledge, classifier: trainEngine(), logger: log.logger, i18n });
  const address = await listen(service.server, config.port, config.host);
  base = `http://127.0.0.1:${address.port}`;
}, ENGINE_TIMEOUT_MS);

afterAll(async () => {
  await stop(service.server, () => service.drain());
  service.close();
  await capture.stop();
  expect(missing).toEqual<MissingKey[]>([]);
});

const sentTexts: string[] = [];
function send(body: unknown): ReturnType<typeof post> {
  const text = typeof body === 'object' && body !== null ? (body as { text?: unknown }).text : undefined;
  if (typeof text === 'string' && text.length > 8) sentTexts.push(text);
  return post(base, body);
}
afterAll(() => {
  // Nothing the users wrote, nor who they are, reaches the logs.
  expect(log.lines.length).toBeGreaterThan(0);
  const logs = log.lines.join('\n');
  for (const text of sentTexts) expect(logs).not.toContain(text);
  expect(logs).not.toContain('user-1');
  expect(logs).not.toContain('"User"');
});

beforeEach(() => {
  capture.received.length = 0;
});

const replyPath = (conversationId: string, replyToId: string) =>
  `/v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(replyToId)}`;

describe('POST /api/messages', () => {
  it('listens on 127.0.0.1 without credentials', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
  });

  it('answers a question by posting the reply to the channel before returning 200', async () => {
    const activity = message(capture.url, question('en', 'signing_date'));
    const res = await send(activity);
    expect(res.status).toBe(200);
    expect(capture.received).toHaveLength(1);
    const [sent] = capture.received;
    expect(sent?.method).toBe('POST');
    expect(sent?.url).toBe(replyPath('conversation-http', activity.id as string));
    expect(sent?.body.text).toBe(expectedAnswer('en', 'signing_date'));
    expect(sent?.body.replyToId).toBe(activity.id);
    expect(sent?.body.recipient).toEqual(activity.from);
  });

  it('answers in Danish for a Danish locale', async () => {
    const activity = message(capture.url, question('da', 'place'), { locale: 'da-DK', conversation: { id: 'a:1/da conversation' } });
    expect((await send(activity)).status).toBe(200);
    expect(capture.received.map((r) => [r.url, r.body.text])).toEqual([
      [replyPath('a:1/da conversation', activity.id as string), expectedAnswer('da', 'place')],
    ]);
  });

  it('strips every Teams mention of the bot', async () => {
    const mention = { type: 'mention', mentioned: { id: 'bot-1', name: 'MoU Bot' }, text: '<at>MoU Bot</at>' };
    const text = `<at>MoU Bot</at> ${question('fr', 'signatories')} <at>MoU Bot</at>`;
    const activity = message(capture.url, text, { channelId: 'msteams', locale: 'fr-FR', entities: [mention, mention], conversation: { id: 'teams-1' } });
    expect((await send(activity)).status).toBe(200);
    expect(capture.received.map((r) => r.body.text)).toEqual([expectedAnswer('fr', 'signatories')]);
  });

  it('welcomes a member who joins', async () => {
    const update: Record<string, unknown> = {
      ...message(capture.url, '', { locale: 'fr-FR', conversation: { id: 'welcome-1' } }),
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user-1' }, { id: 'bot-1' }],
    };
    delete update.text;
    expect((await send(update)).status).toBe(200);
    expect(capture.received.map((r) => r.body.text)).toEqual([common('fr', 'welcome')]);
  });

  it('returns the replies in the response body for deliveryMode expectReplies, posting nothing', async () => {
    const activity = message(capture.url, question('en', 'pfmg2025'), { deliveryMode: 'expectReplies', conversation: { id: 'expect-1' } });
    delete activity.serviceUrl;
    const res = await send(activity);
    expect(res.status).toBe(200);
    const replies = (res.body as { activities: Array<Partial<Activity>> }).activities;
    expect(replies.map((r) => r.text)).toEqual([expectedAnswer('en', 'pfmg2025')]);
    expect(suggestedValues(replies[0] as Partial<Activity>).length).toBeGreaterThanOrEqual(2);
    expect(capture.received).toEqual([]);
  });

  it('keeps a "Did you mean" across requests of one conversation', async () => {
    const conversation = { id: 'http-clarify' };
    const ambiguous = ['signed', 'signature', 'Lundgren Lombès', 'date', 'French', 'genome'];
    for (const text of ambiguous) {
      capture.received.length = 0;
      await send(message(capture.url, text, { conversation }));
      const offered = ((capture.received[0]?.body.suggestedActions as { actions?: Array<{ value: string }> } | undefined)?.actions ?? []).map((a) => a.value);
      if (capture.received[0]?.body.text !== common('en', 'clarify')) continue;
      capture.received.length = 0;
      await send(message(capture.url, '1', { conversation }));
      const intent = knowledge.intents.find((i) => question('en', i.id) === offered[0]);
      expect(capture.received.map((r) => r.body.text)).toEqual([expectedAnswer('en', intent?.id as string)]);
      return;
    }
    throw new Error('the engine asked "Did you mean" for none of the probes');
  });

  it.each<[string, unknown, string]>([
    ['malformed JSON', '{"type": "message", ', 'malformed JSON'],
    ['an empty body', '', 'the body must be a JSON object (an activity)'],
    ['an array', '[]', 'the body must be a JSON object (an activity)'],
    ['no type', { type: undefined }, 'the activity has no type'],
    ['no conversation', { conversation: undefined }, 'the activity has no conversation.id'],
    ['no recipient', { recipient: undefined }, 'the activity has no recipient.id'],
    ['no serviceUrl', { serviceUrl: undefined }, 'the activity has no serviceUrl'],
  ])('answers 400 with a one-line reason for %s', async (_name, change, reason) => {
    const body = typeof change === 'string' ? change : { ...message(capture.url, 'Who signed the MoU?'), ...(change as object) };
    const res = await send(body);
    expect(res).toEqual({ status: 400, body: { error: reason } });
    expect(capture.received).toEqual([]);
  });
});

describe('health', () => {
  it('GET /healthz says the process is alive', async () => {
    expect(await get(`${base}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('GET /readyz says the knowledge is loaded and the storage answers', async () => {
    expect(await get(`${base}/readyz`)).toEqual({ status: 200, body: { status: 'ready', checks: { knowledge: 'ok', storage: 'ok', accepting: 'ok' } } });
  });

  it('GET /readyz answers 503 naming the check that fails', async () => {
    const app: Server = createApp({
      turns: service.turns,
      logger: silentLogger(),
      readiness: [
        { name: 'knowledge', check: () => undefined },
        { name: 'storage', check: () => Promise.reject(new Error('unreachable')) },
      ],
    });
    const address = await listen(app, 0, '127.0.0.1');
    try {
      expect(await get(`http://127.0.0.1:${address.port}/readyz`)).toEqual({
        status: 503,
        body: { status: 'not ready', checks: { knowledge: 'ok', storage: 'failed' } },
      });
    } finally {
      await stop(app, () => Promise.resolve());
    }
  });
});
