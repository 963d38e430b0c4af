// Kysely's SQLite dialect, with write transactions that take the write lock when they begin.
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from "kysely";

// A plain BEGIN takes the write lock only at the first write; a transaction that read first (the audit log's
// size) then finds another process holding the lock and fails at once with SQLITE_BUSY, whatever the busy
// timeout. BEGIN IMMEDIATE waits for the lock up front instead, which is what an ingest step wants.
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

export class TruceSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
