// The accounts port: who may sign in, their browser sessions, their API tokens, and failed sign-ins.
//
// Secrets never reach the store: sessions and API tokens are looked up by the SHA-256 of their secret, and
// passwords are kept as an encoded memory-hard hash. Times are ISO-8601 UTC text, compared as text, as in the
// rest of the store. Usernames compare case-insensitively: "Alice" and "alice" are one account.

import type { Role } from "../domain/access/principal.js";

/** The roles an account may hold; `public` is nobody's account, it is the absence of one. */
export type AccountRole = Exclude<Role, "public">;

export const accountRoles: readonly AccountRole[] = ["admin", "guarantor", "party", "observer"];

export interface UserAccount {
  readonly id: string;
  /** As the account was created (its case kept); unique regardless of case. */
  readonly username: string;
  /** The encoded password hash (algorithm, parameters, salt and digest in one string). */
  readonly passwordHash: string;
  readonly role: AccountRole;
  /** The party a `party` account speaks for; null for every other role. */
  readonly party: string | null;
  /** The guarantor state a `guarantor` account speaks for; null for every other role. */
  readonly guarantor: string | null;
  /** When the account was disabled; null while it may sign in. */
  readonly disabledAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What may change on an account; the fields left out stay as they are. */
export interface UserChanges {
  readonly passwordHash?: string;
  readonly role?: AccountRole;
  readonly party?: string | null;
  readonly guarantor?: string | null;
  readonly disabledAt?: string | null;
  readonly updatedAt: string;
}

export interface UserRepository {
  /** Refused with TRUCE_E_STORE_CONFLICT when the id or the username (in any case) is taken. */
  insert(user: UserAccount): Promise<void>;
  get(id: string): Promise<UserAccount | null>;
  /** Case-insensitive. */
  byUsername(username: string): Promise<UserAccount | null>;
  /** Every account, by username (case-insensitive order). */
  list(): Promise<UserAccount[]>;
  /** The account as changed; null when no account has this id. */
  update(id: string, changes: UserChanges): Promise<UserAccount | null>;
  count(): Promise<number>;
  /** Accounts with the admin role that are not disabled. */
  countActiveAdmins(): Promise<number>;
}

export interface SessionRecord {
  readonly id: string;
  /** SHA-256 (hex) of the secret the browser holds in its cookie. */
  readonly tokenHash: string;
  readonly userId: string;
  /** The secret an unsafe request made with this session's cookie must echo in its `x-csrf-token` header. */
  readonly csrfSecret: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
}

export interface SessionRepository {
  /** Refused with TRUCE_E_STORE_REFERENCE when the user is not stored. */
  insert(session: SessionRecord): Promise<void>;
  /** The live session with this secret hash (not revoked, `expiresAt` after `now`) and its account. */
  live(tokenHash: string, now: string): Promise<{ session: SessionRecord; user: UserAccount } | null>;
  /** Ends one session; false when it was unknown or already ended. */
  revoke(id: string, at: string): Promise<boolean>;
  /** Ends every live session of an account (a new password, a disabled account); how many it ended. */
  revokeAllOf(userId: string, at: string): Promise<number>;
  /** Deletes sessions that expired or were revoked before `before`; how many. */
  prune(before: string): Promise<number>;
}

export interface ApiTokenRecord {
  readonly id: string;
  /** SHA-256 (hex) of the secret the script presents as `Authorization: Bearer …`. */
  readonly tokenHash: string;
  readonly userId: string;
  /** What the token is for, as its owner named it. */
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export interface ApiTokenRepository {
  /** Refused with TRUCE_E_STORE_REFERENCE when the user is not stored. */
  insert(token: ApiTokenRecord): Promise<void>;
  get(id: string): Promise<ApiTokenRecord | null>;
  /** An account's tokens, revoked ones included, oldest first. */
  byUser(userId: string): Promise<ApiTokenRecord[]>;
  /** The unrevoked token with this secret hash and its account. */
  live(tokenHash: string): Promise<{ token: ApiTokenRecord; user: UserAccount } | null>;
  /** Records a use. */
  touch(id: string, at: string): Promise<void>;
  /** False when the token was unknown or already revoked. */
  revoke(id: string, at: string): Promise<boolean>;
}

/** A failed (or still running) sign-in, counted for throttling. */
export interface LoginAttempt {
  readonly id: string;
  /** The username tried, lower-cased: unknown names are counted like known ones, so counts reveal nothing. */
  readonly usernameKey: string;
  /** The client's address. */
  readonly address: string;
  readonly at: string;
}

/** How many attempts lie in a window, and when the oldest of them was made (null when none). */
export interface AttemptCount {
  readonly count: number;
  readonly oldest: string | null;
}

/**
 * Kept in the database, not in a process: several servers share one database and must share the counts, and a
 * restart must not forget them.
 */
export interface LoginAttemptRepository {
  record(attempt: LoginAttempt): Promise<void>;
  /** Forgets one attempt (a sign-in that succeeded, or one refused before it was tried). */
  remove(id: string): Promise<void>;
  /**
   * Attempts after `since` (the window is open at its start): for this username from this address, and from
   * this address for any name.
   */
  count(
    usernameKey: string,
    address: string,
    since: string,
  ): Promise<{ readonly pair: AttemptCount; readonly address: AttemptCount }>;
  /** Forgets the attempts for this username from this address (after it signed in there). */
  clear(usernameKey: string, address: string): Promise<void>;
  /** Deletes attempts made before `before`; how many. */
  prune(before: string): Promise<number>;
}

/** The accounts' repositories, part of every store's `Repositories`. */
export interface AccountRepositories {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly apiTokens: ApiTokenRepository;
  readonly loginAttempts: LoginAttemptRepository;
}
