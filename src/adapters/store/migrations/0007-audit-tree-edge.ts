// Migration 0007: the right edge of the audit log's Merkle tree at each signing (the roots of its perfect
// subtrees, O(log n) hashes), so that a process signing its first checkpoint extends the tree from the last
// signed size instead of reading every leaf hash of a long log (1 M entries: 2 s warm, 9 s from a cold disk).
// An edge is only a shortcut: it is used when it leads to the root a checkpoint signed with the signer's key.
import type { Kysely } from "kysely";
import { engineTypes } from "./0001-initial.js";

export async function up(db: Kysely<unknown>): Promise<void> {
  const { text, bigint } = engineTypes(db);
  await db.schema
    .createTable("audit_tree_edges")
    .addColumn("tree_size", bigint, (c) => c.primaryKey())
    .addColumn("frontier", text, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("audit_tree_edges").execute();
}
