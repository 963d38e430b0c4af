// API tokens for scripts: a random secret shown once at creation, stored only as its SHA-256, acting as the
// account that made it for as long as it is not revoked and the account is not disabled.
import { randomUUID } from "node:crypto";
import type { Principal } from "../../domain/access/principal.js";
import { TruceError } from "../../errors.js";
import type { ApiTokenRecord, UserAccount } from "../../ports/accounts.js";
import type { Store } from "../../ports/store.js";
import { principalOfAccount } from "./account-view.js";
import type { AccountsDeps } from "./accounts-deps.js";
import { newSecret, secretHash } from "./secrets.js";

/** Every token starts so: a secret scanner, or a person, can tell what leaked. */
export const TOKEN_PREFIX = "truce_";

/** How stale the recorded last use may get: one write a minute per busy token, not one per request. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface ApiTokenView {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export const apiTokenView = (t: ApiTokenRecord): ApiTokenView => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

const NAME = /^[^\p{Cc}]{1,100}$/u;

export async function createApiToken(
  deps: Pick<AccountsDeps, "store" | "now">,
  user: UserAccount,
  name: string,
): Promise<{ readonly token: ApiTokenView; readonly secret: string }> {
  const trimmed = name.trim();
  if (!NAME.test(trimmed)) {
    throw new TruceError(
      "TRUCE_E_INVALID_INPUT",
      "a token's name is 1 to 100 characters, no control characters",
      {
        subject: "name",
      },
    );
  }
  const secret = newSecret(TOKEN_PREFIX);
  const token: ApiTokenRecord = {
    id: randomUUID(),
    tokenHash: secretHash(secret),
    userId: user.id,
    name: trimmed,
    createdAt: deps.now(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.store.apiTokens.insert(token);
  return { token: apiTokenView(token), secret };
}

export async function listApiTokens(store: Store, userId: string): Promise<ApiTokenView[]> {
  return (await store.apiTokens.byUser(userId)).map(apiTokenView);
}

/**
 * Revokes one of the account's own tokens: TRUCE_E_NOT_FOUND for an unknown id, TRUCE_E_FORBIDDEN for another
 * account's. Revoking a revoked token again changes nothing.
 */
export async function revokeApiToken(
  deps: Pick<AccountsDeps, "store" | "now">,
  userId: string,
  tokenId: string,
): Promise<ApiTokenView> {
  const token = await deps.store.apiTokens.get(tokenId);
  if (token === null) throw new TruceError("TRUCE_E_NOT_FOUND", `no API token has the id ${tokenId}`);
  if (token.userId !== userId) {
    throw new TruceError(
      "TRUCE_E_FORBIDDEN",
      "an API token can only be revoked by the account that holds it",
    );
  }
  const at = deps.now();
  await deps.store.apiTokens.revoke(tokenId, at);
  return apiTokenView((await deps.store.apiTokens.get(tokenId)) ?? { ...token, revokedAt: at });
}

export interface ResolvedToken {
  readonly token: ApiTokenRecord;
  readonly user: UserAccount;
  readonly principal: Principal;
}

/** The account a bearer secret acts as; null when it is unknown, revoked, or its account disabled. */
export async function resolveApiToken(
  deps: Pick<AccountsDeps, "store" | "now">,
  secret: string,
): Promise<ResolvedToken | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const found = await deps.store.apiTokens.live(secretHash(secret));
  if (found === null || found.user.disabledAt !== null) return null;
  const at = deps.now();
  if (
    found.token.lastUsedAt === null ||
    Date.parse(at) - Date.parse(found.token.lastUsedAt) >= TOUCH_EVERY_MS
  ) {
    await deps.store.apiTokens.touch(found.token.id, at);
  }
  return { ...found, principal: principalOfAccount(found.user) };
}
