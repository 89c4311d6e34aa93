import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { StorageConfig } from '../config';
import { SqliteStorage } from './sqliteStorage';

export { SqliteStorage } from './sqliteStorage';

export interface BotStorage {
  storage: Storage;
  describe: string;
  /** Resolves when the storage answers a read; rejects otherwise. */
  probe(): Promise<void>;
  close(): void;
}

/** A key no state ever uses, read to tell whether the storage answers. */
const PROBE_KEY = 'readiness-probe';

export function createStorage(config: StorageConfig): BotStorage {
  let storage: Storage;
  let close = (): void => undefined;
  let describe: string;
  switch (config.kind) {
    case 'memory':
      storage = new MemoryStorage();
      describe = 'memory';
      break;
    case 'sqlite': {
      const sqlite = new SqliteStorage(config.path);
      storage = sqlite;
      close = () => sqlite.close();
      describe = `sqlite (${config.path})`;
      break;
    }
    case 'blobs':
      storage = new BlobsStorage(config.connectionString, config.container);
      describe = `azure blobs (container ${config.container})`;
      break;
  }
  return {
    storage,
    describe,
    probe: async () => {
      await storage.read([PROBE_KEY]);
    },
    close,
  };
}
