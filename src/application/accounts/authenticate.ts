// Signing in with a username and password. An unknown username, a wrong password and a disabled account get the
// same answer after the same work: the password is always checked against a hash (a dummy one made with the same
// parameters when there is no account), so neither the answer nor its time tells which names exist.
import { TruceError } from "../../errors.js";
import type { UserAccount } from "../../ports/accounts.js";
import type { AccountsDeps } from "./accounts-deps.js";
import { admitAttempt, defaultThrottleLimits, type ThrottleLimits } from "./login-throttle.js";
import { newSecret } from "./secrets.js";

export interface Credentials {
  readonly username: string;
  readonly password: string;
  /** The client's address, for throttling. */
  readonly address: string;
}

export const badCredentials = (): TruceError =>
  new TruceError("TRUCE_E_UNAUTHENTICATED", "the username or password is not correct");

export interface Authenticator {
  /**
   * The account the credentials open; throws TRUCE_E_UNAUTHENTICATED for wrong ones (whatever was wrong) and
   * LoginThrottled (TRUCE_E_RATE_LIMITED) beyond the throttling limits.
   */
  authenticate(credentials: Credentials): Promise<UserAccount>;
}

export function authenticator(
  deps: AccountsDeps,
  limits: ThrottleLimits = defaultThrottleLimits,
): Authenticator {
  // Made once, up front, so the first unknown username costs no more than any other sign-in.
  const dummy = deps.hasher.hash(newSecret());
  dummy.catch(() => {});
  return {
    async authenticate({ username, password, address }) {
      const held = await admitAttempt(deps.store.loginAttempts, limits, {
        username,
        address,
        at: deps.now(),
      });
      const user = await deps.store.users.byUsername(username);
      const matches = await deps.hasher.verify(password, user?.passwordHash ?? (await dummy));
      if (user === null || !matches || user.disabledAt !== null) {
        await held.failed();
        throw badCredentials();
      }
      await held.succeeded();
      if (deps.hasher.needsRehash(user.passwordHash)) {
        const passwordHash = await deps.hasher.hash(password);
        return (await deps.store.users.update(user.id, { passwordHash, updatedAt: deps.now() })) ?? user;
      }
      return user;
    },
  };
}
