// What the accounts' tests share: an empty store, the Syria 2016 agreement, a cheap hasher that counts its work,
// and a clock the test moves.
import { fileURLToPath } from "node:url";
import { loadAgreement } from "../../src/adapters/data/load-context.js";
import { openStore } from "../../src/adapters/store/open-store.js";
import type { AccountsDeps } from "../../src/application/accounts/accounts-deps.js";
import { type PasswordHasher, scryptHasher } from "../../src/application/accounts/password-hasher.js";
import type { Agreement } from "../../src/domain/agreement/schema.js";
import type { Store } from "../../src/ports/store.js";

export const syria2016: Agreement = loadAgreement(
  fileURLToPath(new URL("../../data/agreements/syria-2016.yaml", import.meta.url)),
);

/** scrypt at a cost tests can afford (N = 2^4); the real cost is the default's. */
export interface CountingHasher extends PasswordHasher {
  /** Every hash `verify` was asked to check against, in order. */
  readonly verified: string[];
  /** Every hash `hash` made, in order. */
  readonly made: string[];
}

export function countingHasher(): CountingHasher {
  const inner = scryptHasher({ ln: 4, r: 8, p: 1 });
  const verified: string[] = [];
  const made: string[] = [];
  return {
    verified,
    made,
    async hash(password) {
      const h = await inner.hash(password);
      made.push(h);
      return h;
    },
    verify(password, encoded) {
      verified.push(encoded);
      return inner.verify(password, encoded);
    },
    needsRehash: (encoded) => inner.needsRehash(encoded),
  };
}

export interface Clock {
  readonly now: () => string;
  advance(ms: number): void;
}

export function clock(start = "2026-06-01T08:00:00.000Z"): Clock {
  let t = Date.parse(start);
  return {
    now: () => new Date(t).toISOString(),
    advance: (ms) => {
      t += ms;
    },
  };
}

export interface TestAccounts {
  readonly deps: AccountsDeps & { readonly hasher: CountingHasher };
  readonly clock: Clock;
  readonly store: Store;
}

/** A fresh in-memory SQLite store with the accounts' dependencies around it; close `store` when done. */
export async function testAccounts(): Promise<TestAccounts> {
  const store = await openStore(":memory:");
  const c = clock();
  return { store, clock: c, deps: { store, agreements: [syria2016], hasher: countingHasher(), now: c.now } };
}
