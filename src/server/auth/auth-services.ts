// What the accounts' routes and hook share: the use cases' dependencies, the sign-in checker and cookie settings.
import type { FastifyRequest } from "fastify";
import type { AccountsDeps } from "../../application/accounts/accounts-deps.js";
import type { Authenticator } from "../../application/accounts/authenticate.js";
import { TruceError } from "../../errors.js";
import type { UserAccount } from "../../ports/accounts.js";

export interface AuthServices {
  readonly deps: AccountsDeps;
  readonly authenticator: Authenticator;
  /** Whether the session cookie is sent over HTTPS only. */
  readonly cookieSecure: boolean;
  readonly sessionTtlMs: number;
}

/** The signed-in account of a request the policy let through as signed in. */
export function accountOf(request: FastifyRequest): UserAccount {
  const account = request.authentication?.user;
  if (account === undefined)
    throw new TruceError("TRUCE_E_UNAUTHENTICATED", "sign in first: this needs an account");
  return account;
}
