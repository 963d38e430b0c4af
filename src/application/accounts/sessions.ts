// Browser sessions: the browser holds a random secret in a cookie, the store only its SHA-256. Each session has
// its own CSRF secret, which the page reads from the API and echoes on every change it asks for.
import { randomUUID } from "node:crypto";
import type { Principal } from "../../domain/access/principal.js";
import type { SessionRecord, UserAccount } from "../../ports/accounts.js";
import { principalOfAccount } from "./account-view.js";
import { type AccountsDeps, shifted } from "./accounts-deps.js";
import { newSecret, secretHash } from "./secrets.js";

/** How long a session lasts from sign-in: a working day, then sign in again. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface StartedSession {
  readonly session: SessionRecord;
  /** For the cookie; not stored, not shown again. */
  readonly secret: string;
}

export async function startSession(
  deps: Pick<AccountsDeps, "store" | "now">,
  user: UserAccount,
  ttlMs: number = SESSION_TTL_MS,
): Promise<StartedSession> {
  const secret = newSecret();
  const at = deps.now();
  const session: SessionRecord = {
    id: randomUUID(),
    tokenHash: secretHash(secret),
    userId: user.id,
    csrfSecret: newSecret(),
    createdAt: at,
    expiresAt: shifted(at, ttlMs),
    revokedAt: null,
  };
  await deps.store.sessions.insert(session);
  return { session, secret };
}

export interface ResolvedSession {
  readonly session: SessionRecord;
  readonly user: UserAccount;
  readonly principal: Principal;
}

/** The live session a cookie's secret opens; null when it is unknown, expired, ended, or its account disabled. */
export async function resolveSession(
  deps: Pick<AccountsDeps, "store" | "now">,
  secret: string,
): Promise<ResolvedSession | null> {
  const found = await deps.store.sessions.live(secretHash(secret), deps.now());
  if (found === null || found.user.disabledAt !== null) return null;
  return { ...found, principal: principalOfAccount(found.user) };
}

/** Signs out: the session's cookie opens nothing any more. */
export async function endSession(
  deps: Pick<AccountsDeps, "store" | "now">,
  sessionId: string,
): Promise<void> {
  const at = deps.now();
  await deps.store.sessions.revoke(sessionId, at);
  // Housekeeping rides on sign-outs: sessions that ended a day ago are of no use to anyone.
  await deps.store.sessions.prune(shifted(at, -24 * 60 * 60 * 1000));
}
