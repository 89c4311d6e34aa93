import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { SqliteStorage, createStorage } from '../../src/storage';

interface Item {
  eTag?: string;
  n?: number;
  v?: number;
  [key: string]: unknown;
}
/** StoreItems is a record of `any`; the tests read them typed. */
async function readItems(storage: Storage, keys: string[]): Promise<Record<string, Item>> {
  const items: Record<string, Item> = await storage.read(keys);
  return items;
}

let dir: string;
const opened: SqliteStorage[] = [];
function open(file = path.join(dir, 'state.sqlite')): SqliteStorage {
  const storage = new SqliteStorage(file);
  opened.push(storage);
  return storage;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sqlite-storage-'));
});
afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SqliteStorage', () => {
  it('writes, reads and deletes items, each with an eTag', async () => {
    const storage = open();
    await storage.write({ a: { count: 1, nested: { list: [1, 2] } }, b: { name: 'x' } });
    const read = await readItems(storage, ['a', 'b', 'missing']);
    expect(Object.keys(read).sort()).toEqual(['a', 'b']);
    expect(read.a).toEqual({ count: 1, nested: { list: [1, 2] }, eTag: expect.any(String) as string });
    expect(read.a?.eTag).not.toEqual(read.b?.eTag);

    await storage.delete(['a', 'missing']);
    expect(await readItems(storage, ['a', 'b'])).toEqual({ b: { name: 'x', eTag: expect.any(String) as string } });
  });

  it('gives a new eTag on every write', async () => {
    const storage = open();
    await storage.write({ a: { n: 1 } });
    const first = (await readItems(storage, ['a'])).a?.eTag as string;
    await storage.write({ a: { n: 2, eTag: first } });
    const second = await readItems(storage, ['a']);
    expect(second.a).toEqual({ n: 2, eTag: expect.any(String) as string });
    expect(second.a?.eTag).not.toBe(first);
  });

  it('refuses a write with a stale eTag, as MemoryStorage does', async () => {
    for (const storage of [open(), new MemoryStorage()]) {
      await storage.write({ a: { n: 1 } });
      const stale = (await readItems(storage, ['a'])).a?.eTag as string;
      await storage.write({ a: { n: 2, eTag: stale } });
      await expect(storage.write({ a: { n: 3, eTag: stale } })).rejects.toThrow('Storage: error writing "a" due to eTag conflict.');
      expect((await readItems(storage, ['a'])).a?.n).toBe(2);
    }
  });

  it("overwrites whatever is stored for eTag '*' or no eTag, and writes a new key whatever its eTag", async () => {
    const storage = open();
    await storage.write({ a: { n: 1 } });
    await storage.write({ a: { n: 2, eTag: '*' } });
    expect((await readItems(storage, ['a'])).a?.n).toBe(2);
    await storage.write({ a: { n: 3 } });
    expect((await readItems(storage, ['a'])).a?.n).toBe(3);
    await storage.write({ fresh: { n: 1, eTag: 'never-seen' } });
    expect((await readItems(storage, ['fresh'])).fresh?.n).toBe(1);
  });

  it('writes nothing of a batch that has a conflict', async () => {
    const storage = open();
    await storage.write({ a: { n: 1 }, b: { n: 1 } });
    const items: StoreItems = { a: { n: 2 }, b: { n: 2, eTag: 'stale' } };
    await expect(storage.write(items)).rejects.toThrow('eTag conflict');
    const read = await readItems(storage, ['a', 'b']);
    expect([read.a?.n, read.b?.n]).toEqual([1, 1]);
  });

  it('does not keep the eTag inside the stored value', async () => {
    const storage = open();
    await storage.write({ a: { n: 1, eTag: '*' } });
    const read = await readItems(storage, ['a']);
    expect(read.a?.eTag).not.toBe('*');
  });

  it('keeps its items when the file is closed and opened again', async () => {
    const file = path.join(dir, 'nested', 'dir', 'state.sqlite');
    const first = open(file);
    await first.write({ 'emulator/conversations/c1': { dialogState: { dialogStack: [] } } });
    const eTag = (await readItems(first, ['emulator/conversations/c1']))['emulator/conversations/c1']?.eTag as string;
    first.close();

    const second = open(file);
    const read = await readItems(second, ['emulator/conversations/c1']);
    expect(read['emulator/conversations/c1']).toEqual({ dialogState: { dialogStack: [] }, eTag });
    await expect(second.write({ 'emulator/conversations/c1': { eTag: 'other' } })).rejects.toThrow('eTag conflict');
  });

  it('shares items between two connections to the same file', async () => {
    const file = path.join(dir, 'shared.sqlite');
    const one = open(file);
    const two = open(file);
    await one.write({ k: { v: 1 } });
    const seen = await readItems(two, ['k']);
    expect(seen.k?.v).toBe(1);
    await one.write({ k: { v: 2, eTag: seen.k?.eTag } });
    await expect(two.write({ k: { v: 3, eTag: seen.k?.eTag } })).rejects.toThrow('eTag conflict');
  });

  it('rejects calls without keys or changes', async () => {
    const storage = open();
    await expect(storage.read(undefined as unknown as string[])).rejects.toThrow(ReferenceError);
    await expect(storage.write(undefined as unknown as StoreItems)).rejects.toThrow(ReferenceError);
    await expect(storage.delete(undefined as unknown as string[])).rejects.toThrow(ReferenceError);
  });
});

describe('createStorage', () => {
  it('makes the storage the configuration names', async () => {
    const memory = createStorage({ kind: 'memory' });
    expect(memory.storage).toBeInstanceOf(MemoryStorage);
    await expect(memory.probe()).resolves.toBeUndefined();

    const sqlite = createStorage({ kind: 'sqlite', path: path.join(dir, 'created.sqlite') });
    expect(sqlite.storage).toBeInstanceOf(SqliteStorage);
    await expect(sqlite.probe()).resolves.toBeUndefined();
    sqlite.close();
    await expect(sqlite.probe()).rejects.toThrow();

    const blobs = createStorage({ kind: 'blobs', connectionString: 'UseDevelopmentStorage=true', container: 'bot-state' });
    expect(blobs.storage).toBeInstanceOf(BlobsStorage);
  });
});
