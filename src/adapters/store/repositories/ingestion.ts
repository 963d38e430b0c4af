// Which stored documents have been read, the lock that makes linkers take turns, and the dead letters.
import { sql } from "kysely";
import type { IngestionRepository } from "../../../ports/store.js";
import { guarded } from "../db-errors.js";
import type { EngineHooks, Executor } from "./support.js";

/** pg_advisory_xact_lock key for linking: any constant, the same in every Truce process, not the audit's. */
const LINK_LOCK_KEY = 0x727563654696e6bn;

export function ingestionRepository(db: Executor, hooks: EngineHooks): IngestionRepository {
  return {
    async markRead(documentId, at) {
      const result = await guarded(`the read marker of document ${documentId}`, () =>
        db
          .insertInto("document_reads")
          .values({ document_id: documentId, read_at: at })
          .onConflict((oc) => oc.column("document_id").doNothing())
          .executeTakeFirst(),
      );
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async isRead(documentId) {
      const row = await db
        .selectFrom("document_reads")
        .select("document_id")
        .where("document_id", "=", documentId)
        .executeTakeFirst();
      return row !== undefined;
    },
    async unread(limit = 10_000) {
      const rows = await db
        .selectFrom("documents")
        .select("id")
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("document_reads").select("document_id").whereRef("document_id", "=", "documents.id"),
            ),
          ),
        )
        .orderBy("received_at")
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
    async serialiseLinking() {
      // SQLite has one writer at a time already; PostgreSQL needs the lock, held until the transaction ends.
      if (hooks.engine === "postgres")
        await sql`select pg_advisory_xact_lock(${LINK_LOCK_KEY.toString()}::bigint)`.execute(db);
    },
    async recordDeadLetter(letter) {
      const row = {
        document_id: letter.documentId,
        error: letter.error,
        attempts: letter.attempts,
        failed_at: letter.failedAt,
      };
      await guarded(`the dead letter of document ${letter.documentId}`, () =>
        db
          .insertInto("dead_letters")
          .values(row)
          .onConflict((oc) =>
            oc
              .column("document_id")
              .doUpdateSet({ error: row.error, attempts: row.attempts, failed_at: row.failed_at }),
          )
          .execute(),
      );
    },
    async deadLetters() {
      const rows = await db
        .selectFrom("dead_letters")
        .selectAll()
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("document_reads")
                .select("document_id")
                .whereRef("document_reads.document_id", "=", "dead_letters.document_id"),
            ),
          ),
        )
        .orderBy("failed_at")
        .orderBy("document_id")
        .execute();
      return rows.map((r) => ({
        documentId: r.document_id,
        error: r.error,
        attempts: r.attempts,
        failedAt: r.failed_at,
      }));
    },
  };
}
