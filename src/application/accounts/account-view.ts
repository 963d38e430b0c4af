// An account as others may see it (never its password hash), and the principal it signs in as.
import type { Principal } from "../../domain/access/principal.js";
import type { AccountRole, UserAccount } from "../../ports/accounts.js";

export interface AccountView {
  readonly id: string;
  readonly username: string;
  readonly role: AccountRole;
  readonly party: string | null;
  readonly guarantor: string | null;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export const accountView = (u: UserAccount): AccountView => ({
  id: u.id,
  username: u.username,
  role: u.role,
  party: u.party,
  guarantor: u.guarantor,
  disabled: u.disabledAt !== null,
  createdAt: u.createdAt,
});

/**
 * Who an account acts as. A party or guarantor account that has lost its binding (a row edited by hand) acts
 * as an observer: it may read what is published and speaks for nobody.
 */
export function principalOfAccount(u: UserAccount): Principal {
  const base = { userId: u.id, username: u.username };
  switch (u.role) {
    case "admin":
    case "observer":
      return { role: u.role, ...base };
    case "guarantor":
      return u.guarantor === null
        ? { role: "observer", ...base }
        : { role: "guarantor", ...base, guarantor: u.guarantor };
    case "party":
      return u.party === null ? { role: "observer", ...base } : { role: "party", ...base, party: u.party };
  }
}
