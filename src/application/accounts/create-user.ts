// Creating an account: a unique username, a hashed password, a role bound to what it speaks for.
import { randomUUID } from "node:crypto";
import { isTruceError, TruceError } from "../../errors.js";
import type { UserAccount } from "../../ports/accounts.js";
import { checkBinding, checkPassword, checkRole, checkUsername } from "./account-rules.js";
import type { AccountsDeps } from "./accounts-deps.js";

export interface NewUser {
  readonly username: string;
  readonly password: string;
  readonly role: string;
  readonly party?: string | null;
  readonly guarantor?: string | null;
}

export const usernameTaken = (username: string): TruceError =>
  new TruceError(
    "TRUCE_E_ACCOUNT_EXISTS",
    `an account named ${username} already exists (names ignore case)`,
    {
      subject: username,
    },
  );

/** Throws TRUCE_E_INVALID_INPUT (naming the field) for a bad input, TRUCE_E_ACCOUNT_EXISTS for a taken name. */
export async function createUser(deps: AccountsDeps, input: NewUser): Promise<UserAccount> {
  const username = checkUsername(input.username);
  const password = checkPassword(input.password);
  const role = checkRole(input.role);
  const binding = checkBinding(role, input, deps.agreements);
  if ((await deps.store.users.byUsername(username)) !== null) throw usernameTaken(username);
  const at = deps.now();
  const user: UserAccount = {
    id: randomUUID(),
    username,
    passwordHash: await deps.hasher.hash(password),
    role,
    ...binding,
    disabledAt: null,
    createdAt: at,
    updatedAt: at,
  };
  try {
    await deps.store.users.insert(user);
  } catch (error) {
    // Another request took the name between the check and the insert.
    if (isTruceError(error) && error.code === "TRUCE_E_STORE_CONFLICT") throw usernameTaken(username);
    throw error;
  }
  return user;
}
