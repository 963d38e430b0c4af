// What each feed has already given us, so a re-run reads only new items.
import type { FeedStateRepository } from "../../../ports/store.js";
import { guarded } from "../db-errors.js";
import { chunks, type Executor } from "./support.js";

export function feedStateRepository(db: Executor): FeedStateRepository {
  return {
    async get(url) {
      const row = await db.selectFrom("feeds").selectAll().where("url", "=", url).executeTakeFirst();
      return row === undefined
        ? null
        : { url: row.url, etag: row.etag, lastModified: row.last_modified, checkedAt: row.checked_at };
    },
    async save(state) {
      const row = {
        url: state.url,
        etag: state.etag,
        last_modified: state.lastModified,
        checked_at: state.checkedAt,
      };
      await db
        .insertInto("feeds")
        .values(row)
        .onConflict((oc) =>
          oc
            .column("url")
            .doUpdateSet({ etag: row.etag, last_modified: row.last_modified, checked_at: row.checked_at }),
        )
        .execute();
    },
    async readItems(url, itemKeys) {
      const read = new Set<string>();
      for (const batch of chunks([...new Set(itemKeys)])) {
        const rows = await db
          .selectFrom("feed_items")
          .select("item_key")
          .where("feed_url", "=", url)
          .where("item_key", "in", batch)
          .execute();
        for (const row of rows) read.add(row.item_key);
      }
      return read;
    },
    async markRead(url, items, at) {
      for (const batch of chunks(items)) {
        await guarded(`items of feed ${url}`, () =>
          db
            .insertInto("feed_items")
            .values(
              batch.map((i) => ({ feed_url: url, item_key: i.key, document_id: i.documentId, read_at: at })),
            )
            .onConflict((oc) => oc.columns(["feed_url", "item_key"]).doNothing())
            .execute(),
        );
      }
    },
  };
}
