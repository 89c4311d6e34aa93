import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';

interface Row {
  key: string;
  etag: string;
  value: string;
}

/**
 * botbuilder Storage kept in one SQLite file, with the eTag optimistic concurrency of
 * MemoryStorage: a write whose eTag is neither absent nor '*' fails when the stored eTag
 * differs. Hand-written because there is no maintained SQLite Storage for botbuilder
 * (the official ones are Azure Blobs and Cosmos DB). A write of several keys is one
 * transaction: on a conflict nothing is written.
 */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly selectOne: Database.Statement<[string], Row>;
  private readonly upsert: Database.Statement<[string, string, string], unknown>;
  private readonly remove: Database.Statement<[string], unknown>;
  private readonly writeAll: (changes: StoreItems) => void;

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file, { timeout: 5000 });
    // WAL lets readers and one writer work at the same time when several processes share the file.
    this.db.pragma('journal_mode = WAL');
    this.db.exec('CREATE TABLE IF NOT EXISTS bot_state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, value TEXT NOT NULL) WITHOUT ROWID');
    this.selectOne = this.db.prepare<[string], Row>('SELECT key, etag, value FROM bot_state WHERE key = ?');
    this.upsert = this.db.prepare<[string, string, string], unknown>(
      'INSERT INTO bot_state (key, etag, value) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, value = excluded.value',
    );
    this.remove = this.db.prepare<[string], unknown>('DELETE FROM bot_state WHERE key = ?');
    this.writeAll = this.db.transaction((changes: StoreItems) => {
      for (const [key, item] of Object.entries(changes) as Array<[string, StoreItem]>) {
        const expected = item.eTag;
        if (expected && expected !== '*') {
          const current = this.selectOne.get(key);
          if (current && current.etag !== expected) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
        const value: Record<string, unknown> = { ...item };
        delete value.eTag;
        this.upsert.run(key, randomUUID(), JSON.stringify(value));
      }
    });
  }

  // better-sqlite3 is synchronous; the methods are async only because Storage is.
  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.selectOne.get(key);
      if (row) items[key] = { ...(JSON.parse(row.value) as StoreItem), eTag: row.etag };
    }
    return Promise.resolve(items);
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') throw new ReferenceError('Changes are required when writing.');
    this.writeAll(changes);
    return Promise.resolve();
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    for (const key of keys) this.remove.run(key);
    return Promise.resolve();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
