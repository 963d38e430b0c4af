// Documents as received: stored once per content hash, whoever stores it first.
import type { Insertable, Selectable } from "kysely";
import type { Channel, StoredDocument } from "../../../domain/records/document.js";
import type { DocumentRepository } from "../../../ports/store.js";
import { guarded } from "../db-errors.js";
import type { DocumentsTable } from "../schema.js";
import type { Executor } from "./support.js";

const toRow = (d: StoredDocument): Insertable<DocumentsTable> => ({
  id: d.id,
  source: d.source,
  channel: d.channel,
  origin: d.origin,
  received_at: d.receivedAt,
  content_hash: d.contentHash,
  content_type: d.contentType,
  body: d.body,
  title: d.title,
  published: d.published,
});

const fromRow = (r: Selectable<DocumentsTable>): StoredDocument => ({
  id: r.id,
  source: r.source,
  channel: r.channel as Channel,
  origin: r.origin,
  receivedAt: r.received_at,
  contentHash: r.content_hash,
  contentType: r.content_type as StoredDocument["contentType"],
  body: r.body,
  title: r.title,
  published: r.published,
});

export function documentRepository(db: Executor): DocumentRepository {
  const getByHash = async (contentHash: string) => {
    const row = await db
      .selectFrom("documents")
      .selectAll()
      .where("content_hash", "=", contentHash)
      .executeTakeFirst();
    return row === undefined ? null : fromRow(row);
  };
  return {
    async insert(document) {
      // ON CONFLICT DO NOTHING rather than look-then-insert: two ingesters racing on one document (PostgreSQL,
      // several workers) end with one row and neither fails.
      const inserted = await guarded(`document ${document.id}`, () =>
        db
          .insertInto("documents")
          .values(toRow(document))
          .onConflict((oc) => oc.column("content_hash").doNothing())
          .returning("id")
          .executeTakeFirst(),
      );
      if (inserted !== undefined) return { document, created: true };
      const existing = await getByHash(document.contentHash);
      if (existing === null) throw new Error(`document ${document.contentHash} vanished after a conflict`);
      return { document: existing, created: false };
    },
    async get(id) {
      const row = await db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirst();
      return row === undefined ? null : fromRow(row);
    },
    getByHash,
  };
}
