// Who is asking: the role an account holds and what it is bound to. Every access decision starts from here.

export type Role = "admin" | "guarantor" | "party" | "observer" | "public";

export const roles: readonly Role[] = ["admin", "guarantor", "party", "observer", "public"];

export type Principal =
  | { readonly role: "public" }
  | { readonly role: "admin" | "observer"; readonly userId: string; readonly username: string }
  /** A guarantor's monitor speaks for one guarantor state (an actor id such as RU, TR, IR). */
  | {
      readonly role: "guarantor";
      readonly userId: string;
      readonly username: string;
      readonly guarantor: string;
    }
  /** A party's representative speaks for one party to the agreement (an actor id such as SY-GOV). */
  | { readonly role: "party"; readonly userId: string; readonly username: string; readonly party: string };

export const anonymous: Principal = { role: "public" };

/**
 * What incidents a principal may read, as the store's queries apply it. Published material is everyone's; a
 * party also sees the incidents its own complaints are in and those it is held responsible for (it may reply);
 * guarantors and administrators see everything.
 */
export type IncidentVisibility =
  | { readonly scope: "all" }
  | { readonly scope: "published" }
  | { readonly scope: "party"; readonly party: string };

export function visibilityOf(principal: Principal): IncidentVisibility {
  switch (principal.role) {
    case "admin":
    case "guarantor":
      return { scope: "all" };
    case "party":
      return { scope: "party", party: principal.party };
    case "observer":
    case "public":
      return { scope: "published" };
  }
}

/** Whether the principal may see fields marked restricted (a witness's identity, exact coordinates). */
export function seesRestricted(principal: Principal): boolean {
  return principal.role === "admin" || principal.role === "guarantor";
}
