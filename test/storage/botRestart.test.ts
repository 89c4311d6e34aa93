import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStorage } from '../../src/storage';
import { StubClassifier, classification, common, expectedAnswer, harness, recordingI18n, type MissingKey } from '../bot/support';

const { i18n, missing } = recordingI18n();
afterAll(() => expect(missing).toEqual<MissingKey[]>([]));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bot-restart-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('conversation state in a SQLite file', () => {
  it('survives a bot restart: a "Did you mean" asked before is answered after', async () => {
    const file = path.join(dir, 'state.sqlite');
    const candidates = ['signatories', 'signing_date', 'place'];

    const before = new SqliteStorage(file);
    const first = harness({ classifier: new StubClassifier((_t, lang) => classification('clarify', candidates, lang)), i18n, storage: before });
    await first
      .conversation({ id: 'restart', locale: 'fr-FR' })
      .send('signé ?')
      .assertReply((reply) => expect(reply.text).toBe(common('fr', 'clarify')));
    before.close();

    const after = new SqliteStorage(file);
    const classifier = new StubClassifier((_t, lang) => classification('decline', [], lang));
    const second = harness({ classifier, i18n, storage: after });
    await second
      .conversation({ id: 'restart', locale: 'fr-FR' })
      .send('3')
      .assertReply((reply) => expect(reply.text).toBe(expectedAnswer('fr', 'place')));
    expect(classifier.calls).toEqual([]);

    // Another conversation in the same file has nothing pending.
    await second
      .conversation({ id: 'someone-else', locale: 'fr-FR' })
      .send('3')
      .assertReply((reply) => expect(reply.text).toBe(common('fr', 'decline')));
    after.close();
  });
});
