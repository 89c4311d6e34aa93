import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { bearerProblem } from '../../src/server/bearer';
import { listen, stop } from '../../src/server/listen';
import { createService, type Service } from '../../src/server/service';
import { StubClassifier, capturingLogger, classification, knowledge, recordingI18n } from '../bot/support';
import { CaptureServer, message, post } from './http';

const APP_ID = '00000000-0000-0000-0000-00000000b07';
const b64 = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function claims(issuer: string): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: issuer, aud: APP_ID, appid: APP_ID, serviceurl: 'http://127.0.0.1', nbf: now - 60, exp: now + 3600 };
}

function rs256Token(payload: Record<string, unknown>): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingInput = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'forged-key', x5t: 'forged-key' })}.${b64(payload)}`;
  return `${signingInput}.${sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url')}`;
}

function hs256Token(payload: Record<string, unknown>): string {
  const signingInput = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${signingInput}.${createHmac('sha256', 'guessed-secret').update(signingInput).digest('base64url')}`;
}

const classifier = new StubClassifier((_t, lang) => classification('answer', ['parties'], lang));
const { i18n } = recordingI18n();
const capture = new CaptureServer();
const log = capturingLogger();
let service: Service;
let base: string;

beforeAll(async () => {
  await capture.start();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', STORAGE: 'memory', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'app-password' });
  service = createService({ config, knowledge, classifier, logger: log.logger, i18n });
  base = `http://127.0.0.1:${(await listen(service.server, config.port, config.host)).port}`;
});

afterAll(async () => {
  await stop(service.server, () => service.drain());
  service.close();
  await capture.stop();
});

describe('with credentials, every request is authenticated', () => {
  it('listens on every interface by default', () => {
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x' }).host).toBe('0.0.0.0');
  });

  const channelToken = () => rs256Token(claims('https://api.botframework.com'));
  const emulatorToken = () => rs256Token({ ...claims('https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/'), ver: '1.0' });

  it('answers a signing-key fetch that fails with 401, not 500', async () => {
    log.lines.length = 0;
    const res = await post(base, message(capture.url, 'Who signed the MoU?'), { authorization: `Bearer ${channelToken()}` });
    expect(res.status).toBe(401);
    const failures = log.lines.map((l) => JSON.parse(l) as { msg: string }).filter((l) => l.msg === 'authentication failed');
    expect(failures).toHaveLength(1);
  });

  it.each<[string, () => Record<string, string>]>([
    ['no token', () => ({})],
    ['an empty bearer', () => ({ authorization: 'Bearer ' })],
    ['a garbage token', () => ({ authorization: 'Bearer garbage' })],
    ['basic authentication', () => ({ authorization: `Basic ${b64('user:password')}` })],
    ['an unsigned token (alg none, empty signature)', () => ({ authorization: `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims('https://api.botframework.com'))}.` })],
    ['an alg none token with a signature', () => ({ authorization: `Bearer ${b64({ alg: 'none' })}.${b64(claims('https://api.botframework.com'))}.c2ln` })],
    ['a token signed with a shared secret (HS256)', () => ({ authorization: `Bearer ${hs256Token(claims('https://api.botframework.com'))}` })],
    ['a channel token signed with a random RSA key', () => ({ authorization: `Bearer ${channelToken()}` })],
    ['an Emulator token signed with a random RSA key', () => ({ authorization: `Bearer ${emulatorToken()}` })],
  ])('refuses %s with 401, and runs no turn', async (_name, headers) => {
    const calls = classifier.calls.length;
    const res = await post(base, message(capture.url, 'Who signed the MoU?'), headers());
    expect(res.status).toBe(401);
    expect(typeof (res.body as { error?: unknown }).error).toBe('string');
    expect(classifier.calls.length).toBe(calls);
    expect(capture.received).toEqual([]);
  });
});

describe('bearerProblem', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['no header', undefined, 'missing bearer token'],
    ['not a bearer', 'Basic abc', 'the authorization header is not a bearer token'],
    ['two parts', 'Bearer a.b', 'the token is not a signed JWT'],
    ['empty signature', `Bearer ${b64({ alg: 'RS256' })}.${b64({})}.`, 'the token is not a signed JWT'],
    ['a header that is not JSON', `Bearer ${b64('nope')}.${b64({})}.sig`, 'the token header is not valid JSON'],
    ['alg none', `Bearer ${b64({ alg: 'none' })}.${b64({})}.sig`, 'the token is not signed with an accepted algorithm'],
    ['alg HS256', `Bearer ${b64({ alg: 'HS256' })}.${b64({})}.sig`, 'the token is not signed with an accepted algorithm'],
    ['no alg', `Bearer ${b64({ typ: 'JWT' })}.${b64({})}.sig`, 'the token is not signed with an accepted algorithm'],
    ['RS256', `Bearer ${b64({ alg: 'RS256' })}.${b64({})}.sig`, undefined],
    ['RS512, lower-case scheme', `bearer ${b64({ alg: 'RS512' })}.${b64({})}.sig`, undefined],
  ])('%s', (_name, header, problem) => {
    expect(bearerProblem(header)).toBe(problem);
  });
});
