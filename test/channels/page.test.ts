import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { EchoBot } from './helpers/echoBot';
import { startTestServer, type TestServer } from './helpers/server';
import type { FetchLike } from '../../src/channels/webchat/token';

const ROOT = path.resolve(__dirname, '..', '..');
const readPageTexts = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(ROOT, 'locales', lang, 'page.json'), 'utf8')) as Record<string, string>;

describe('page texts', () => {
  it('has the same non-empty keys in Danish, French and English', () => {
    const keys = (lang: string): string[] => Object.keys(readPageTexts(lang)).sort();
    expect(keys('da')).toEqual(keys('en'));
    expect(keys('fr')).toEqual(keys('en'));
    for (const lang of ['da', 'fr', 'en']) {
      for (const [key, value] of Object.entries(readPageTexts(lang))) expect([key, value.trim()]).not.toEqual([key, '']);
    }
  });

  it('names the organisations as the terminology does', () => {
    expect(readPageTexts('da').intro).toContain('Nationalt Genom Center (NGC)');
    expect(readPageTexts('fr').intro).toContain('Centre national danois du génome (DNGC)');
    expect(readPageTexts('en').intro).toContain('Danish National Genome Center (DNGC)');
  });
});

describe('the page served by the bot (local Direct Line)', () => {
  let server: TestServer;
  beforeAll(async () => {
    const bot = new EchoBot();
    server = await startTestServer({ runTurn: (context) => bot.run(context) });
  });
  afterAll(() => server.close());

  it('serves the page with a strict Content-Security-Policy and no cookies', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self';");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('set-cookie')).toBeNull();
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/); // nothing from another origin
  });

  it('serves the Web Chat bundle from node_modules, compressed when asked', async () => {
    const res = await fetch(`${server.url}/webchat/webchat.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const etag = res.headers.get('etag') ?? '';
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    const again = await fetch(`${server.url}/webchat/webchat.js`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    const bundle = readFileSync(path.join(ROOT, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js'));
    const raw = await new Promise<Buffer>((resolve, reject) => {
      request(`${server.url}/webchat/webchat.js`, { headers: { 'Accept-Encoding': 'gzip' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(Buffer.concat(chunks)));
      })
        .on('error', reject)
        .end();
    });
    expect(gunzipSync(raw).equals(bundle)).toBe(true);
  });

  it.each(['da', 'fr', 'en'])('serves the %s page texts', async (lang) => {
    const res = await fetch(`${server.url}/webchat/i18n/${lang}.json`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(readPageTexts(lang));
  });

  it('does not serve other files', async () => {
    for (const p of ['/webchat/i18n/de.json', '/webchat/../package.json', '/webchat/static/index.html', '/webchat/i18n/..%2f..%2fpackage.json']) {
      expect((await fetch(`${server.url}${p}`)).status).toBe(404);
    }
  });

  it('gives the page a token for a new local conversation', async () => {
    const res = await fetch(`${server.url}/api/directline/token`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const session = (await res.json()) as { token: string; conversationId: string; expires_in: number; domain: string };
    expect(session.domain).toBe(`${server.url}/v3/directline`);
    const activities = await fetch(`${session.domain}/conversations/${session.conversationId}/activities`, {
      headers: { Authorization: `Bearer ${session.token}` },
    });
    expect(activities.status).toBe(200);
  });
});

describe('the page with an Azure Direct Line secret', () => {
  const secret = 'azure-direct-line-secret';
  const calls: { url: string; init: RequestInit }[] = [];
  let answer: () => Response = () => Response.json({ conversationId: 'abc', token: 'short-lived', expires_in: 3600 });
  const fakeFetch: FetchLike = (url, init) => {
    calls.push({ url, init });
    return Promise.resolve(answer());
  };
  let server: TestServer;

  beforeAll(async () => {
    const bot = new EchoBot();
    server = await startTestServer({
      runTurn: (context) => bot.run(context),
      fetch: fakeFetch,
      config: { directLineSecret: secret, directLineDomain: 'https://europe.directline.botframework.com/v3/directline' },
    });
  });
  afterAll(() => server.close());

  it('exchanges the secret for a token server-side and never sends the secret to the browser', async () => {
    const res = await fetch(`${server.url}/api/directline/token`, { method: 'POST' });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).not.toContain(secret);
    expect(JSON.parse(body)).toEqual({
      conversationId: 'abc',
      token: 'short-lived',
      expires_in: 3600,
      domain: 'https://europe.directline.botframework.com/v3/directline',
    });
    const call = calls.at(-1);
    expect(call?.url).toBe('https://europe.directline.botframework.com/v3/directline/tokens/generate');
    expect(call?.init.method).toBe('POST');
    expect(new Headers(call?.init.headers).get('authorization')).toBe(`Bearer ${secret}`);
    expect(JSON.parse(call?.init.body as string)).toEqual({ user: { id: expect.stringMatching(/^dl_/) as string } });
  });

  it('answers 502 when Direct Line refuses, without details', async () => {
    answer = () => new Response('{"error":{"code":"Unauthorized"}}', { status: 403 });
    const res = await fetch(`${server.url}/api/directline/token`, { method: 'POST' });
    expect(res.status).toBe(502);
    expect(await res.text()).not.toContain(secret);
    expect(server.errors).toEqual([{ err: new Error('Direct Line answered 403') }]);
  });

  it('lets the page connect to Direct Line and turns the local endpoint off', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('content-security-policy')).toContain(
      "connect-src 'self' https://europe.directline.botframework.com wss://europe.directline.botframework.com;",
    );
    expect((await fetch(`${server.url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
    expect(server.channels.mode).toBe('azure');
  });
});
