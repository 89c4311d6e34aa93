// better-sqlite3 ships no types and @types/better-sqlite3 is not a dependency; this declares
// the part of its API that the storage uses.
declare module 'better-sqlite3' {
  namespace Database {
    interface RunResult {
      changes: number;
      lastInsertRowid: number | bigint;
    }
    interface Statement<P extends unknown[], R> {
      run(...params: P): RunResult;
      get(...params: P): R | undefined;
      all(...params: P): R[];
    }
    interface Options {
      readonly?: boolean;
      fileMustExist?: boolean;
      /** Milliseconds to wait for a lock held by another connection. */
      timeout?: number;
    }
    interface Database {
      readonly open: boolean;
      prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): Statement<P, R>;
      exec(sql: string): this;
      pragma(source: string, options?: { simple?: boolean }): unknown;
      transaction<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => T;
      close(): this;
    }
  }
  const Database: new (filename: string, options?: Database.Options) => Database.Database;
  export = Database;
}
