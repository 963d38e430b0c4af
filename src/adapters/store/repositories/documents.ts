// Documents as received: stored once per content hash, whoever stores it first.
import type { Insertable, Selectable } from "kysely";
import type { Channel, StoredDocument } from "../../../domain/records/document.js";
import { TruceError } from "../../../errors.js";
import type { DocumentRepository } from "../../../ports/store.js";
import { guarded } from "../db-errors.js";
import type { DocumentsTable } from "../schema.js";
import { chunks, type Executor } from "./support.js";

/** Little-endian 32-bit words, whatever the machine's byte order, so a database file moves between machines. */
function encodeMinhash(signature: Uint32Array): Buffer {
  const bytes = Buffer.alloc(signature.length * 4);
  for (let i = 0; i < signature.length; i++) bytes.writeUInt32LE(signature[i] as number, i * 4);
  return bytes;
}

function decodeMinhash(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = new Uint32Array(bytes.byteLength >>> 2);
  for (let i = 0; i < signature.length; i++) signature[i] = view.getUint32(i * 4, true);
  return signature;
}

export const documentRow = (d: StoredDocument): Insertable<DocumentsTable> => ({
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

const documentFromRow = (r: Selectable<DocumentsTable>): StoredDocument => ({
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
    return row === undefined ? null : documentFromRow(row);
  };
  return {
    async insert(document) {
      // ON CONFLICT DO NOTHING rather than look-then-insert: two ingesters racing on one document (PostgreSQL,
      // several workers) end with one row and neither fails.
      const inserted = await guarded(`document ${document.id}`, () =>
        db
          .insertInto("documents")
          .values(documentRow(document))
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
      return row === undefined ? null : documentFromRow(row);
    },
    getByHash,
    async saveMinhash(id, signature) {
      const result = await guarded(`document ${id}`, () =>
        db
          .updateTable("documents")
          .set({ minhash: encodeMinhash(signature) })
          .where("id", "=", id)
          .executeTakeFirst(),
      );
      if (Number(result.numUpdatedRows) === 0)
        throw new TruceError("TRUCE_E_STORE_REFERENCE", `document ${id} is not stored`, { subject: id });
    },
    async minhashes(ids) {
      const found = new Map<string, Uint32Array>();
      for (const batch of chunks([...new Set(ids)])) {
        const rows = await db
          .selectFrom("documents")
          .select(["id", "minhash"])
          .where("id", "in", batch)
          .where("minhash", "is not", null)
          .execute();
        for (const row of rows) if (row.minhash !== null) found.set(row.id, decodeMinhash(row.minhash));
      }
      return found;
    },
  };
}
