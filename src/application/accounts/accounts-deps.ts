// What the account use cases need: the store, the agreements that say who the parties and guarantors are, the
// password hasher and a clock.
import type { Agreement } from "../../domain/agreement/schema.js";
import type { Store } from "../../ports/store.js";
import { type PasswordHasher, scryptHasher } from "./password-hasher.js";

export interface AccountsDeps {
  readonly store: Store;
  readonly agreements: readonly Agreement[];
  readonly hasher: PasswordHasher;
  /** The time now, ISO-8601 UTC. */
  readonly now: () => string;
}

export function accountsDeps(
  store: Store,
  agreements: readonly Agreement[],
  options: { readonly hasher?: PasswordHasher; readonly now?: () => string } = {},
): AccountsDeps {
  return {
    store,
    agreements,
    hasher: options.hasher ?? scryptHasher(),
    now: options.now ?? (() => new Date().toISOString()),
  };
}

/** An ISO time `ms` milliseconds after (or, negative, before) another. */
export const shifted = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();
