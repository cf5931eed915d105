import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

/**
 * Kysely's SQLite driver opens every transaction with a plain (deferred) BEGIN, so a transaction that reads
 * before it writes holds a reader's snapshot when it asks for the write lock. In WAL mode SQLite cannot wait
 * for that upgrade (another writer may have moved the snapshot on), and it answers SQLITE_BUSY at once,
 * whatever the busy timeout. BEGIN IMMEDIATE takes the write lock first, so a transaction waits its turn up
 * to the busy timeout. Every transaction here writes or guards a write, so all of them start that way.
 */
class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** The stock better-sqlite3 dialect, with transactions that wait for the write lock instead of failing. */
export class LedgerSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateTransactionDriver(this.#config);
  }
}
