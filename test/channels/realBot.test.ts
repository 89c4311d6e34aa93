import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { DirectLine, type Activity as DirectLineActivity, type Message } from 'botframework-directlinejs';
import { webChannels } from '../../src/channels';
import type { ChannelRegistrar } from '../../src/server/channels';
import { answerFact, REAL_BOT_TIMEOUT_MS, startRealBot, type RealBot } from './helpers/realBot';
import { waitFor } from './helpers/wait';
import { installDirectLineGlobals } from './helpers/xhr';

const ROOT = path.resolve(__dirname, '..', '..');
const FACTS = ['signatories', 'signing_date', 'place', 'dngc', 'pfmg2025'];

let bot: RealBot;

it('fits the ChannelRegistrar hook of src/index.ts', () => {
  const registrars: readonly ChannelRegistrar[] = [webChannels];
  expect(registrars).toHaveLength(1);
});

beforeAll(async () => {
  installDirectLineGlobals();
  bot = await startRealBot();
}, REAL_BOT_TIMEOUT_MS);

afterAll(() => bot?.close());

const isMessage = (a: DirectLineActivity): a is Message => a.type === 'message';

describe('the real bot over the local Direct Line', () => {
  it.each([
    ['WebSocket', true],
    ['polling', false],
  ])('answers a French question in French (%s)', async (_name, webSocket) => {
    const start = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
    const { token, domain } = (await start.json()) as { token: string; domain: string };
    const client = new DirectLine({ token, domain, webSocket, pollingInterval: 200, conversationStartProperties: { locale: 'fr-FR' } });
    const seen: DirectLineActivity[] = [];
    client.activity$.subscribe(
      (a) => seen.push(a),
      () => undefined,
    );
    try {
      const welcome = JSON.parse(readFileSync(path.join(ROOT, 'locales', 'fr', 'common.json'), 'utf8')) as { welcome: string };
      await waitFor(() => seen.find((a) => isMessage(a) && a.text === welcome.welcome), 'French welcome', 10_000);

      await new Promise((resolve, reject) =>
        client.postActivity({ type: 'message', from: { id: 'visitor' }, text: "Qui a signé le protocole d'accord ?", locale: 'fr-FR' }).subscribe(resolve, reject),
      );
      const answer = await waitFor(
        () => seen.find((a): a is Message => isMessage(a) && a.from.role === 'bot' && (a.text ?? '').startsWith(answerFact('fr', 'signatories'))),
        'French answer',
        10_000,
      );
      expect(answer.locale).toBe('fr');
      expect(answer.suggestedActions?.actions.length).toBeGreaterThan(0);
    } finally {
      client.end();
    }
  });
});

/** A stand-in for the Teams Bot Connector service: records what the bot posts to serviceUrl. */
async function fakeConnector(): Promise<{ url: string; replies: Activity[]; paths: string[]; server: Server }> {
  const replies: Activity[] = [];
  const paths: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      paths.push(`${req.method} ${req.url}`);
      replies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Activity);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${replies.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, replies, paths, server };
}

describe('Teams activities through the real bot', () => {
  const BOT = { id: '28:0b7c6a2e-1d3f-4e5a-9b8c-7d6e5f4a3b2c', name: 'Genome MoU FAQ' };
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let sequence = 0;

  beforeAll(async () => {
    connector = await fakeConnector();
  });
  afterAll(() => new Promise<void>((resolve) => connector.server.close(() => resolve())));

  function teamsActivity(text: string, options: { locale?: string; clientLocale: string; channel: boolean }): Record<string, unknown> {
    sequence++;
    const mention = `<at>${BOT.name}</at>`;
    return {
      type: 'message',
      id: `1700000000${sequence}`,
      timestamp: new Date().toISOString(),
      serviceUrl: connector.url,
      channelId: 'msteams',
      from: { id: '29:1staff-member', name: 'Staff Member', aadObjectId: '5c1f0a9e-0000-4000-8000-000000000001' },
      conversation: options.channel
        ? { id: `19:general@thread.tacv2;messageid=${sequence}`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' }
        : { id: `a:personal-${sequence}`, conversationType: 'personal', tenantId: 'tenant-1' },
      recipient: BOT,
      textFormat: 'plain',
      text: options.channel ? `${mention} ${text}` : text,
      ...(options.locale ? { locale: options.locale } : {}),
      entities: [
        ...(options.channel ? [{ type: 'mention', mentioned: BOT, text: mention }] : []),
        { type: 'clientInfo', locale: options.clientLocale, country: 'DK', platform: 'Web', timezone: 'Europe/Copenhagen' },
      ],
      channelData: { tenant: { id: 'tenant-1' }, ...(options.channel ? { teamsChannelId: '19:general@thread.tacv2', teamsTeamId: '19:team@thread.tacv2' } : {}) },
    };
  }

  async function send(activity: Record<string, unknown>): Promise<Activity[]> {
    const before = connector.replies.length;
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
    expect(res.status).toBe(200);
    return connector.replies.slice(before);
  }

  it('answers an @mention in a Danish team channel in Danish, with buttons on a card', async () => {
    const activity = teamsActivity('Hvem underskrev aftalen?', { locale: 'da-DK', clientLocale: 'da-DK', channel: true });
    const replies = await send(activity);
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    expect(reply?.text?.startsWith(answerFact('da', 'signatories'))).toBe(true);
    expect(reply?.locale).toBe('da');
    expect(reply?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.hero');
    expect(connector.paths.at(-1)).toBe(
      `POST /v3/conversations/${encodeURIComponent(String((activity.conversation as { id: string }).id))}/activities/${String(activity.id)}`,
    );
  });

  it('takes the language from the clientInfo entity when the activity has no locale', async () => {
    const replies = await send(teamsActivity("Qui a signé le protocole d'accord ?", { clientLocale: 'fr-FR', channel: false }));
    expect(replies[0]?.text?.startsWith(answerFact('fr', 'signatories'))).toBe(true);
    expect(replies[0]?.locale).toBe('fr');
  });

  it.each(['en', 'da', 'fr'] as const)('answers each command of the %s command list with its fact', async (lang) => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'appPackage', 'manifest.json'), 'utf8')) as {
      bots: { commandLists: { commands: { title: string }[] }[] }[];
    };
    const english = manifest.bots[0]?.commandLists[0]?.commands.map((c) => c.title) ?? [];
    const titles =
      lang === 'en'
        ? english
        : (() => {
            const file = JSON.parse(readFileSync(path.join(ROOT, 'appPackage', `${lang}.json`), 'utf8')) as Record<string, string>;
            return english.map((_, i) => file[`bots[0].commandLists[0].commands[${i}].title`] ?? '');
          })();
    expect(titles).toHaveLength(FACTS.length);
    const locale = { en: 'en-US', da: 'da-DK', fr: 'fr-FR' }[lang];
    for (const [i, title] of titles.entries()) {
      const replies = await send(teamsActivity(title, { locale, clientLocale: locale, channel: false }));
      expect([title, replies[0]?.text?.startsWith(answerFact(lang, FACTS[i] ?? ''))]).toEqual([title, true]);
    }
  });
});
