// Throttling sign-ins: failures are counted per (username tried, address) and per address over a sliding window,
// in the database (several servers share one), and an attempt beyond either limit is refused unheard.
//
// Why this shape: a limit per account alone would let anyone lock the real user out by failing on purpose from
// anywhere. Counting per (account, address) slows a guesser at one address to a few tries per window, while the
// real user's attempts from their own address are counted apart and go through; the limit per address stops one
// address from spreading its guesses over many accounts. What is left to a guesser with many addresses is a few
// tries per address per window, against a memory-hard hash.
//
// Each attempt is recorded before the password is checked and counted with the others: concurrent attempts, on
// any server, see each other, so a burst cannot slip past the limit. A refused attempt is forgotten (it did not
// test a password, and must not prolong the refusal); a successful one forgets the pair's failures.
import { randomUUID } from "node:crypto";
import { TruceError } from "../../errors.js";
import type { AttemptCount, LoginAttemptRepository } from "../../ports/accounts.js";
import { shifted } from "./accounts-deps.js";

export interface ThrottleLimits {
  readonly windowMs: number;
  /** Attempts for one username from one address within the window. */
  readonly perAccountAndAddress: number;
  /** Attempts from one address, for any usernames, within the window. */
  readonly perAddress: number;
}

export const defaultThrottleLimits: ThrottleLimits = {
  windowMs: 15 * 60 * 1000,
  perAccountAndAddress: 5,
  perAddress: 50,
};

/** Refused for too many attempts; `retryAfterSeconds` is when the next one may be heard. */
export class LoginThrottled extends TruceError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(
      "TRUCE_E_RATE_LIMITED",
      `too many failed sign-ins from this address: try again in ${retryAfterSeconds} seconds`,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The lowercase username: how attempts are counted, whether or not such an account exists. */
export const attemptKey = (username: string): string => username.toLowerCase();

export interface HeldAttempt {
  /** The password was wrong (or the account unknown or disabled): the attempt stays counted. */
  failed(): Promise<void>;
  /** The password was right: the attempt and the pair's earlier failures are forgotten. */
  succeeded(): Promise<void>;
}

/**
 * Records an attempt and checks the limits; throws LoginThrottled (forgetting the attempt) beyond them, else
 * returns the attempt for the caller to settle once the password is checked.
 */
export async function admitAttempt(
  attempts: LoginAttemptRepository,
  limits: ThrottleLimits,
  attempt: { readonly username: string; readonly address: string; readonly at: string },
): Promise<HeldAttempt> {
  const id = randomUUID();
  const usernameKey = attemptKey(attempt.username);
  await attempts.record({ id, usernameKey, address: attempt.address, at: attempt.at });
  const since = shifted(attempt.at, -limits.windowMs);
  const counts = await attempts.count(usernameKey, attempt.address, since);
  const waits = [
    waitFor(counts.pair, limits.perAccountAndAddress, limits.windowMs, attempt.at),
    waitFor(counts.address, limits.perAddress, limits.windowMs, attempt.at),
  ].filter((w): w is number => w !== null);
  if (waits.length > 0) {
    await attempts.remove(id);
    throw new LoginThrottled(Math.max(...waits));
  }
  return {
    failed: async () => {
      await attempts.prune(since);
    },
    succeeded: async () => {
      await attempts.remove(id);
      await attempts.clear(usernameKey, attempt.address);
    },
  };
}

/** Seconds until the oldest attempt leaves the window, when this one (counted) is beyond the limit; else null. */
function waitFor(counted: AttemptCount, limit: number, windowMs: number, now: string): number | null {
  if (counted.count <= limit || counted.oldest === null) return null;
  const ms = Date.parse(counted.oldest) + windowMs - Date.parse(now);
  return Math.max(1, Math.ceil(ms / 1000));
}
