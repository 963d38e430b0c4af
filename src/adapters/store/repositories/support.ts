// What every repository shares: the executor it runs on (the store or a transaction) and batching helpers.
import type { Kysely } from "kysely";
import type { StoreEngine } from "../../../ports/store.js";
import type { Database } from "../schema.js";

/** A Kysely instance or a transaction of one (a Kysely `Transaction` is a `Kysely`). */
export type Executor = Kysely<Database>;

/** The little the query layer must know about the engine; everything else is written once. */
export interface EngineHooks {
  readonly engine: StoreEngine;
  /** Called inside a transaction before reading the audit log's size: makes concurrent appends wait their turn. */
  readonly serialiseAuditAppends: (trx: Executor) => Promise<void>;
}

/** Runs `fn` in the caller's transaction, or in a new one when the caller has none. */
export const inTransaction = <T>(db: Executor, fn: (trx: Executor) => Promise<T>): Promise<T> =>
  db.isTransaction ? fn(db) : db.transaction().execute(fn);

/** Both engines limit bound parameters per statement (SQLite 32766, PostgreSQL 65535): batch below both. */
export const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows found for `ids`, put back in the order of `ids` (duplicates kept, unknown ids left out). */
export function inOrderOf<T extends { readonly id: string }>(
  ids: readonly string[],
  found: readonly T[],
): T[] {
  const byId = new Map(found.map((item) => [item.id, item]));
  return ids.flatMap((id) => {
    const item = byId.get(id);
    return item === undefined ? [] : [item];
  });
}

export const parseJson = <T>(text: string): T => JSON.parse(text) as T;
