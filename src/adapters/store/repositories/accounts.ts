// Accounts, sessions, API tokens and failed sign-ins, on both engines.
import type { Selectable } from "kysely";
import type {
  AccountRepositories,
  AccountRole,
  ApiTokenRecord,
  ApiTokenRepository,
  AttemptCount,
  LoginAttemptRepository,
  SessionRecord,
  SessionRepository,
  UserAccount,
  UserRepository,
} from "../../../ports/accounts.js";
import { guarded } from "../db-errors.js";
import type { ApiTokensTable, SessionsTable, UsersTable } from "../schema.js";
import type { Executor } from "./support.js";

/** Usernames are ASCII (the use cases refuse others), so this is the same lower-casing as any engine's. */
const keyOf = (username: string): string => username.toLowerCase();

const userFromRow = (r: Selectable<UsersTable>): UserAccount => ({
  id: r.id,
  username: r.username,
  passwordHash: r.password_hash,
  role: r.role as AccountRole,
  party: r.party,
  guarantor: r.guarantor,
  disabledAt: r.disabled_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const sessionFromRow = (r: Selectable<SessionsTable>): SessionRecord => ({
  id: r.id,
  tokenHash: r.token_hash,
  userId: r.user_id,
  csrfSecret: r.csrf_secret,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

const tokenFromRow = (r: Selectable<ApiTokensTable>): ApiTokenRecord => ({
  id: r.id,
  tokenHash: r.token_hash,
  userId: r.user_id,
  name: r.name,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/** The users table's columns under other names, so a join can read a session or token row and its account. */
const userColumns = [
  "users.id as u_id",
  "users.username as u_username",
  "users.password_hash as u_password_hash",
  "users.role as u_role",
  "users.party as u_party",
  "users.guarantor as u_guarantor",
  "users.disabled_at as u_disabled_at",
  "users.created_at as u_created_at",
  "users.updated_at as u_updated_at",
] as const;

interface JoinedUser {
  u_id: string;
  u_username: string;
  u_password_hash: string;
  u_role: string;
  u_party: string | null;
  u_guarantor: string | null;
  u_disabled_at: string | null;
  u_created_at: string;
  u_updated_at: string;
}

const joinedUser = (r: JoinedUser): UserAccount =>
  userFromRow({
    id: r.u_id,
    username: r.u_username,
    username_key: keyOf(r.u_username),
    password_hash: r.u_password_hash,
    role: r.u_role,
    party: r.u_party,
    guarantor: r.u_guarantor,
    disabled_at: r.u_disabled_at,
    created_at: r.u_created_at,
    updated_at: r.u_updated_at,
  });

export function userRepository(db: Executor): UserRepository {
  return {
    async insert(user) {
      await guarded(`account ${user.username}`, () =>
        db
          .insertInto("users")
          .values({
            id: user.id,
            username: user.username,
            username_key: keyOf(user.username),
            password_hash: user.passwordHash,
            role: user.role,
            party: user.party,
            guarantor: user.guarantor,
            disabled_at: user.disabledAt,
            created_at: user.createdAt,
            updated_at: user.updatedAt,
          })
          .execute(),
      );
    },
    async get(id) {
      const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
      return row === undefined ? null : userFromRow(row);
    },
    async byUsername(username) {
      const row = await db
        .selectFrom("users")
        .selectAll()
        .where("username_key", "=", keyOf(username))
        .executeTakeFirst();
      return row === undefined ? null : userFromRow(row);
    },
    async list() {
      const rows = await db.selectFrom("users").selectAll().orderBy("username_key").execute();
      return rows.map(userFromRow);
    },
    async update(id, changes) {
      const set: Partial<Selectable<UsersTable>> = { updated_at: changes.updatedAt };
      if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash;
      if (changes.role !== undefined) set.role = changes.role;
      if (changes.party !== undefined) set.party = changes.party;
      if (changes.guarantor !== undefined) set.guarantor = changes.guarantor;
      if (changes.disabledAt !== undefined) set.disabled_at = changes.disabledAt;
      const row = await db
        .updateTable("users")
        .set(set)
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      return row === undefined ? null : userFromRow(row);
    },
    async count() {
      const row = await db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async countActiveAdmins() {
      const row = await db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .where("role", "=", "admin")
        .where("disabled_at", "is", null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export function sessionRepository(db: Executor): SessionRepository {
  return {
    async insert(s) {
      await guarded(`session of account ${s.userId}`, () =>
        db
          .insertInto("sessions")
          .values({
            id: s.id,
            token_hash: s.tokenHash,
            user_id: s.userId,
            csrf_secret: s.csrfSecret,
            created_at: s.createdAt,
            expires_at: s.expiresAt,
            revoked_at: s.revokedAt,
          })
          .execute(),
      );
    },
    async live(tokenHash, now) {
      const row = await db
        .selectFrom("sessions")
        .innerJoin("users", "users.id", "sessions.user_id")
        .selectAll("sessions")
        .select(userColumns)
        .where("sessions.token_hash", "=", tokenHash)
        .where("sessions.revoked_at", "is", null)
        .where("sessions.expires_at", ">", now)
        .executeTakeFirst();
      return row === undefined ? null : { session: sessionFromRow(row), user: joinedUser(row) };
    },
    async revoke(id, at) {
      const result = await db
        .updateTable("sessions")
        .set({ revoked_at: at })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async revokeAllOf(userId, at) {
      const result = await db
        .updateTable("sessions")
        .set({ revoked_at: at })
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null)
        .where("expires_at", ">", at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async prune(before) {
      const result = await db
        .deleteFrom("sessions")
        .where((eb) => eb.or([eb("expires_at", "<", before), eb("revoked_at", "<", before)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export function apiTokenRepository(db: Executor): ApiTokenRepository {
  return {
    async insert(t) {
      await guarded(`API token ${t.name}`, () =>
        db
          .insertInto("api_tokens")
          .values({
            id: t.id,
            token_hash: t.tokenHash,
            user_id: t.userId,
            name: t.name,
            created_at: t.createdAt,
            last_used_at: t.lastUsedAt,
            revoked_at: t.revokedAt,
          })
          .execute(),
      );
    },
    async get(id) {
      const row = await db.selectFrom("api_tokens").selectAll().where("id", "=", id).executeTakeFirst();
      return row === undefined ? null : tokenFromRow(row);
    },
    async byUser(userId) {
      const rows = await db
        .selectFrom("api_tokens")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(tokenFromRow);
    },
    async live(tokenHash) {
      const row = await db
        .selectFrom("api_tokens")
        .innerJoin("users", "users.id", "api_tokens.user_id")
        .selectAll("api_tokens")
        .select(userColumns)
        .where("api_tokens.token_hash", "=", tokenHash)
        .where("api_tokens.revoked_at", "is", null)
        .executeTakeFirst();
      return row === undefined ? null : { token: tokenFromRow(row), user: joinedUser(row) };
    },
    async touch(id, at) {
      await db.updateTable("api_tokens").set({ last_used_at: at }).where("id", "=", id).execute();
    },
    async revoke(id, at) {
      const result = await db
        .updateTable("api_tokens")
        .set({ revoked_at: at })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

export function loginAttemptRepository(db: Executor): LoginAttemptRepository {
  const counted = async (
    where: { usernameKey?: string; address: string },
    since: string,
  ): Promise<AttemptCount> => {
    let query = db
      .selectFrom("login_attempts")
      .select((eb) => [eb.fn.countAll<number | string>().as("n"), eb.fn.min("at").as("oldest")])
      .where("address", "=", where.address)
      .where("at", ">", since);
    if (where.usernameKey !== undefined) query = query.where("username_key", "=", where.usernameKey);
    const row = await query.executeTakeFirstOrThrow();
    return { count: Number(row.n), oldest: row.oldest ?? null };
  };
  return {
    async record(a) {
      await guarded(`login attempt ${a.id}`, () =>
        db
          .insertInto("login_attempts")
          .values({ id: a.id, username_key: a.usernameKey, address: a.address, at: a.at })
          .execute(),
      );
    },
    async remove(id) {
      await db.deleteFrom("login_attempts").where("id", "=", id).execute();
    },
    async count(usernameKey, address, since) {
      const [pair, byAddress] = [
        await counted({ usernameKey, address }, since),
        await counted({ address }, since),
      ];
      return { pair, address: byAddress };
    },
    async clear(usernameKey, address) {
      await db
        .deleteFrom("login_attempts")
        .where("username_key", "=", usernameKey)
        .where("address", "=", address)
        .execute();
    },
    async prune(before) {
      const result = await db.deleteFrom("login_attempts").where("at", "<", before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export const accountRepositories = (db: Executor): AccountRepositories => ({
  users: userRepository(db),
  sessions: sessionRepository(db),
  apiTokens: apiTokenRepository(db),
  loginAttempts: loginAttemptRepository(db),
});
