// Migration 0004: accounts, their browser sessions and API tokens, and failed sign-ins for throttling.
//
// No secret is stored: sessions and tokens are found by the SHA-256 of their secret, passwords are kept as an
// scrypt hash. `username_key` (the username lower-cased) carries the uniqueness, so "Alice" and "alice" cannot
// both exist; usernames are ASCII, so lower-casing is the same in every engine and locale.
import type { Kysely } from "kysely";
import { engineTypes } from "./0001-initial.js";

export async function up(db: Kysely<unknown>): Promise<void> {
  const { postgres, text, bigint } = engineTypes(db);

  await db.schema
    .createTable("users")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("username", text, (c) => c.notNull())
    .addColumn("username_key", text, (c) => c.notNull().unique())
    .addColumn("password_hash", text, (c) => c.notNull())
    .addColumn("role", text, (c) => c.notNull())
    .addColumn("party", text)
    .addColumn("guarantor", text)
    .addColumn("disabled_at", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("token_hash", text, (c) => c.notNull().unique())
    .addColumn("user_id", text, (c) => c.notNull().references("users.id"))
    .addColumn("csrf_secret", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("expires_at", text, (c) => c.notNull())
    .addColumn("revoked_at", text)
    .execute();
  await db.schema.createIndex("sessions_by_user").on("sessions").columns(["user_id"]).execute();
  await db.schema.createIndex("sessions_by_expiry").on("sessions").columns(["expires_at"]).execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("token_hash", text, (c) => c.notNull().unique())
    .addColumn("user_id", text, (c) => c.notNull().references("users.id"))
    .addColumn("name", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("last_used_at", text)
    .addColumn("revoked_at", text)
    .execute();
  await db.schema
    .createIndex("api_tokens_by_user")
    .on("api_tokens")
    .columns(["user_id", "created_at"])
    .execute();

  await db.schema
    .createTable("login_attempts")
    .addColumn("ord", bigint, (c) =>
      postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn("id", text, (c) => c.notNull().unique())
    .addColumn("username_key", text, (c) => c.notNull())
    .addColumn("address", text, (c) => c.notNull())
    .addColumn("at", text, (c) => c.notNull())
    .execute();
  // The two counts a sign-in makes, each one index range; and pruning by age.
  await db.schema
    .createIndex("login_attempts_by_pair")
    .on("login_attempts")
    .columns(["username_key", "address", "at"])
    .execute();
  await db.schema
    .createIndex("login_attempts_by_address")
    .on("login_attempts")
    .columns(["address", "at"])
    .execute();
  await db.schema.createIndex("login_attempts_by_at").on("login_attempts").columns(["at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("login_attempts").execute();
  await db.schema.dropTable("api_tokens").execute();
  await db.schema.dropTable("sessions").execute();
  await db.schema.dropTable("users").execute();
}
