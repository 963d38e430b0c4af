// The audit log's rows: entries numbered 0, 1, 2, … by the store, and signed checkpoints; both append-only.
import type { Selectable } from "kysely";
import type { AuditCheckpoint, AuditEntry, AuditRepository } from "../../../ports/store.js";
import { guarded } from "../db-errors.js";
import type { AuditCheckpointsTable, AuditEntriesTable } from "../schema.js";
import { chunks, type EngineHooks, type Executor, inTransaction, parseJson } from "./support.js";

const entryFromRow = (r: Selectable<AuditEntriesTable>): AuditEntry => ({
  seq: Number(r.seq),
  kind: r.kind,
  subjectId: r.subject_id,
  payload: r.payload,
  payloadHash: r.payload_hash,
  leafHash: r.leaf_hash,
  at: r.at,
});

const checkpointFromRow = (r: Selectable<AuditCheckpointsTable>): AuditCheckpoint => ({
  treeSize: Number(r.tree_size),
  rootHash: r.root_hash,
  signature: r.signature,
  keyId: r.key_id,
  at: r.at,
});

export function auditRepository(db: Executor, hooks: EngineHooks): AuditRepository {
  const size = async (executor: Executor = db) => {
    const row = await executor
      .selectFrom("audit_entries")
      .select((eb) => eb.fn.max("seq").as("last"))
      .executeTakeFirst();
    return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
  };
  return {
    async append(build) {
      return guarded("audit entry", () =>
        inTransaction(db, async (trx) => {
          // Read the size and write the next seq under one lock, so two writers never number the same leaf.
          await hooks.serialiseAuditAppends(trx);
          const seq = await size(trx);
          const entry = build(seq);
          await trx
            .insertInto("audit_entries")
            .values({
              seq,
              kind: entry.kind,
              subject_id: entry.subjectId,
              payload: entry.payload,
              payload_hash: entry.payloadHash,
              leaf_hash: entry.leafHash,
              at: entry.at,
            })
            .execute();
          return { ...entry, seq };
        }),
      );
    },
    async entries(from, to) {
      if (to <= from) return [];
      const rows = await db
        .selectFrom("audit_entries")
        .selectAll()
        .where("seq", ">=", from)
        .where("seq", "<", to)
        .orderBy("seq")
        .execute();
      return rows.map(entryFromRow);
    },
    async bySubjects(subjectIds) {
      const found: AuditEntry[] = [];
      // Each batch is a few ranges of audit_entries_by_subject (subject_id, seq); merged by seq below.
      for (const batch of chunks([...new Set(subjectIds)])) {
        const rows = await db
          .selectFrom("audit_entries")
          .selectAll()
          .where("subject_id", "in", batch)
          .execute();
        found.push(...rows.map(entryFromRow));
      }
      return found.sort((a, b) => a.seq - b.seq);
    },
    async leafHashes(from, to) {
      if (to <= from) return [];
      const rows = await db
        .selectFrom("audit_entries")
        .select("leaf_hash")
        .where("seq", ">=", from)
        .where("seq", "<", to)
        .orderBy("seq")
        .execute();
      return rows.map((r) => r.leaf_hash);
    },
    size: () => size(),
    async appendCheckpoint(c) {
      await guarded(`checkpoint at size ${c.treeSize}`, () =>
        db
          .insertInto("audit_checkpoints")
          .values({
            tree_size: c.treeSize,
            root_hash: c.rootHash,
            signature: c.signature,
            key_id: c.keyId,
            at: c.at,
          })
          .execute(),
      );
    },
    async latestCheckpoint() {
      const row = await db
        .selectFrom("audit_checkpoints")
        .selectAll()
        .orderBy("tree_size", "desc")
        .orderBy("ord", "desc")
        .executeTakeFirst();
      return row === undefined ? null : checkpointFromRow(row);
    },
    async largestCheckpoints(limit, skip = 0) {
      const rows = await db
        .selectFrom("audit_checkpoints")
        .selectAll()
        .orderBy("tree_size", "desc")
        .orderBy("ord", "desc")
        .limit(Math.max(0, Math.trunc(limit)))
        .offset(Math.max(0, Math.trunc(skip)))
        .execute();
      return rows.map(checkpointFromRow);
    },
    async checkpoints() {
      const rows = await db.selectFrom("audit_checkpoints").selectAll().orderBy("ord").execute();
      return rows.map(checkpointFromRow);
    },
    async saveTreeEdge(edge) {
      await inTransaction(db, async (trx) => {
        await trx
          .insertInto("audit_tree_edges")
          .values({ tree_size: edge.size, frontier: JSON.stringify(edge.frontier) })
          .onConflict((oc) => oc.column("tree_size").doNothing())
          .execute();
        // Only the largest is ever read: smaller ones would pile up, one per signing.
        await trx.deleteFrom("audit_tree_edges").where("tree_size", "<", edge.size).execute();
      });
    },
    async latestTreeEdge() {
      const row = await db
        .selectFrom("audit_tree_edges")
        .selectAll()
        .orderBy("tree_size", "desc")
        .executeTakeFirst();
      return row === undefined
        ? null
        : { size: Number(row.tree_size), frontier: parseJson<string[]>(row.frontier) };
    },
  };
}
