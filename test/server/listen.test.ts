import { MemoryStorage, type StoreItems } from 'botbuilder';
import { createBot } from '../../src/bot';
import { BotAdapter } from '../../src/bot/adapter';
import { TurnRunner } from '../../src/bot/turns';
import { createApp } from '../../src/server/app';
import { listen, stop } from '../../src/server/listen';
import { StubClassifier, classification, expectedAnswer, knowledge, recordingI18n, silentLogger } from '../bot/support';
import { CaptureServer, get, message, post } from './http';

/** MemoryStorage whose reads wait for `open()`, to hold a turn in flight. */
class GatedStorage extends MemoryStorage {
  private release: () => void = () => undefined;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));

  open(): void {
    this.release();
  }

  override async read(keys: string[]): Promise<StoreItems> {
    await this.gate;
    return super.read(keys);
  }
}

const waitFor = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('graceful stop', () => {
  it('stops taking connections, finishes the turn in flight, then resolves', async () => {
    const capture = new CaptureServer();
    await capture.start();
    const storage = new GatedStorage();
    const { i18n } = recordingI18n();
    const parts = createBot({ storage, knowledge, classifier: new StubClassifier((_t, l) => classification('answer', ['place'], l)), i18n, logger: silentLogger() });
    const adapter = new BotAdapter(undefined);
    adapter.onTurnError = parts.onTurnError;
    const turns = new TurnRunner(adapter, parts.bot);
    const server = createApp({ turns, logger: silentLogger(), readiness: [] });
    const base = `http://127.0.0.1:${(await listen(server, 0, '127.0.0.1')).port}`;
    expect((await get(`${base}/healthz`)).status).toBe(200);

    const inFlight = post(base, message(capture.url, 'where?'));
    await waitFor(() => turns.inFlight === 1);

    let stopped = false;
    const stopping = stop(server, () => turns.drain()).then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();

    storage.open();
    expect((await inFlight).status).toBe(200);
    expect(capture.received.map((r) => r.body.text)).toEqual([expectedAnswer('en', 'place')]);
    await stopping;
    expect(stopped).toBe(true);
    expect(turns.inFlight).toBe(0);
    await capture.stop();
  });
});
