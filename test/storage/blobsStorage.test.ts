import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStorage, type BotStorage } from '../../src/storage';
import { StubClassifier, classification, common, expectedAnswer, harness, recordingI18n } from '../bot/support';

// Azure Blob Storage is the storage several bot instances share. Azurite, Microsoft's local
// emulator, stands in for it: started here on a free loopback port, stopped after the tests.
const AZURITE = path.resolve(__dirname, '..', '..', 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js');
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`azurite exited with ${child.exitCode}`);
    try {
      await fetch(`http://127.0.0.1:${port}/devstoreaccount1?comp=list`);
      return;
    } catch {
      if (Date.now() - started > timeoutMs) throw new Error('azurite did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe('Azure Blob storage (Azurite)', () => {
  let azurite: ChildProcess;
  let dir: string;
  let connectionString: string;
  const { i18n, missing } = recordingI18n();
  const opened: BotStorage[] = [];
  const open = (): BotStorage => {
    const storage = createStorage({ kind: 'blobs', connectionString, container: 'bot-state' });
    opened.push(storage);
    return storage;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'azurite-'));
    const port = await freePort();
    azurite = spawn(process.execPath, [AZURITE, '--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', dir, '--silent', '--disableTelemetry', '--skipApiVersionCheck'], {
      stdio: 'ignore',
    });
    connectionString = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
    await waitForPort(port, azurite, 20_000);
  }, 30_000);

  afterAll(() => {
    for (const storage of opened) storage.close();
    azurite?.kill();
    rmSync(dir, { recursive: true, force: true });
    expect(missing).toEqual([]);
  });

  it('reads, writes, deletes and refuses a stale write', async () => {
    const bot = open();
    await bot.probe();
    const storage = bot.storage;
    await storage.write({ 'user/1': { language: 'da', eTag: '*' } });
    const read = (await storage.read(['user/1']))['user/1'] as { language: string; eTag: string };
    expect(read.language).toBe('da');
    await storage.write({ 'user/1': { ...read, language: 'fr' } });
    await expect(storage.write({ 'user/1': { ...read, language: 'en' } })).rejects.toThrow();
    expect(((await storage.read(['user/1']))['user/1'] as { language: string }).language).toBe('fr');
    await storage.delete(['user/1']);
    expect(await storage.read(['user/1'])).toEqual({});
  });

  it('is shared by two bot instances: a choice made on one is answered on the other', async () => {
    const candidates = ['signatories', 'signing_date', 'place'];
    const first = harness({ classifier: new StubClassifier((_t, lang) => classification('clarify', candidates, lang)), i18n, storage: open().storage });
    await first
      .conversation({ id: 'shared', locale: 'da-DK', userId: 'shared-user' })
      .send('noget helt uklart')
      .assertReply((reply) => expect(reply.text).toBe(common('da', 'clarify')));

    const classifier = new StubClassifier((_t, lang) => classification('decline', [], lang));
    const second = harness({ classifier, i18n, storage: open().storage });
    await second
      .conversation({ id: 'shared', locale: 'da-DK', userId: 'shared-user' })
      .send('2')
      .assertReply((reply) => expect(reply.text).toBe(expectedAnswer('da', 'signing_date')));
    expect(classifier.calls).toEqual([]);
  });

  it('fails the readiness probe when the service cannot be reached', async () => {
    const unreachable = createStorage({
      kind: 'blobs',
      connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:${await freePort()}/devstoreaccount1;`,
      container: 'bot-state',
    });
    await expect(unreachable.probe()).rejects.toThrow();
  }, 60_000);
});
