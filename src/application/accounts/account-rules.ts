// What makes an account valid: a username that is safe to show and compare, a password long enough to resist
// guessing, and a role bound to exactly what it speaks for under the agreement (a party's representative to one
// of its parties, a guarantor's monitor to one of its guarantor states).
import type { Agreement } from "../../domain/agreement/schema.js";
import { TruceError } from "../../errors.js";
import { type AccountRole, accountRoles } from "../../ports/accounts.js";

/** ASCII letters, digits, `.`, `_`, `-`; 2 to 64 characters, starting with a letter or digit. */
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 1024;

const invalid = (field: string, message: string): TruceError =>
  new TruceError("TRUCE_E_INVALID_INPUT", message, { subject: field });

export function checkUsername(username: string): string {
  if (!USERNAME.test(username)) {
    throw invalid(
      "username",
      "a username is 2 to 64 characters: ASCII letters, digits, '.', '_' or '-', starting with a letter or digit",
    );
  }
  return username;
}

export function checkPassword(password: string): string {
  // Characters, not bytes: a passphrase in Arabic is as good as one in English.
  const length = [...password].length;
  if (length < PASSWORD_MIN)
    throw invalid("password", `a password needs at least ${PASSWORD_MIN} characters`);
  if (length > PASSWORD_MAX) throw invalid("password", `a password has at most ${PASSWORD_MAX} characters`);
  return password;
}

export function checkRole(role: string): AccountRole {
  if (!(accountRoles as readonly string[]).includes(role)) {
    throw invalid("role", `the role must be one of ${accountRoles.join(", ")}`);
  }
  return role as AccountRole;
}

/** Every party of any regime of the agreements, in the order first named. */
export const partiesOf = (agreements: readonly Agreement[]): string[] => [
  ...new Set(agreements.flatMap((a) => a.regimes.flatMap((r) => r.parties))),
];

/** Every guarantor state (and every voter, such as a single monitoring mission) of the agreements. */
export const guarantorsOf = (agreements: readonly Agreement[]): string[] => [
  ...new Set(
    agreements.flatMap((a) => [...a.regimes.flatMap((r) => r.guarantors), ...(a.verdicts.voters ?? [])]),
  ),
];

export interface Binding {
  readonly party: string | null;
  readonly guarantor: string | null;
}

/**
 * The binding a role needs, checked against the agreements: a `party` account names one of their parties and no
 * guarantor, a `guarantor` account one of their guarantors and no party, the others neither.
 */
export function checkBinding(
  role: AccountRole,
  binding: { readonly party?: string | null; readonly guarantor?: string | null },
  agreements: readonly Agreement[],
): Binding {
  const party = binding.party ?? null;
  const guarantor = binding.guarantor ?? null;
  if (role === "party") {
    const parties = partiesOf(agreements);
    if (party === null)
      throw invalid("party", `a party account must name its party: one of ${parties.join(", ")}`);
    if (!parties.includes(party)) {
      throw invalid("party", `${party} is not a party to the agreement: name one of ${parties.join(", ")}`);
    }
    if (guarantor !== null) throw invalid("guarantor", "a party account names a party, not a guarantor");
    return { party, guarantor: null };
  }
  if (role === "guarantor") {
    const guarantors = guarantorsOf(agreements);
    if (guarantor === null) {
      throw invalid("guarantor", `a guarantor account must name its state: one of ${guarantors.join(", ")}`);
    }
    if (!guarantors.includes(guarantor)) {
      throw invalid(
        "guarantor",
        `${guarantor} is not a guarantor of the agreement: name one of ${guarantors.join(", ")}`,
      );
    }
    if (party !== null) throw invalid("party", "a guarantor account names a guarantor state, not a party");
    return { party: null, guarantor };
  }
  if (party !== null || guarantor !== null) {
    throw invalid(
      party !== null ? "party" : "guarantor",
      `a ${role} account speaks for no party or guarantor`,
    );
  }
  return { party: null, guarantor: null };
}
