// The first run: a mechanism with no account gets one administrator with a random password, shown once.
import { randomUUID } from "node:crypto";
import { isTruceError } from "../../errors.js";
import type { Store } from "../../ports/store.js";
import { type PasswordHasher, scryptHasher } from "./password-hasher.js";
import { newSecret } from "./secrets.js";

export const FIRST_ADMIN = "admin";

export interface FirstAdmin {
  readonly username: string;
  readonly password: string;
}

/**
 * Creates `admin` when no account exists and returns its credentials (print them: they are not kept); null when
 * any account exists, including when another server sharing the database created the first one a moment before.
 */
export async function ensureFirstAdmin(
  store: Store,
  options: { readonly hasher?: PasswordHasher; readonly now?: () => string } = {},
): Promise<FirstAdmin | null> {
  if ((await store.users.count()) > 0) return null;
  const hasher = options.hasher ?? scryptHasher();
  const at = (options.now ?? (() => new Date().toISOString()))();
  // 24 base64url characters: 144 random bits.
  const password = newSecret().slice(0, 24);
  try {
    await store.users.insert({
      id: randomUUID(),
      username: FIRST_ADMIN,
      passwordHash: await hasher.hash(password),
      role: "admin",
      party: null,
      guarantor: null,
      disabledAt: null,
      createdAt: at,
      updatedAt: at,
    });
  } catch (error) {
    if (isTruceError(error) && error.code === "TRUCE_E_STORE_CONFLICT") return null;
    throw error;
  }
  return { username: FIRST_ADMIN, password };
}
