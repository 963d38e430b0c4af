// Who may read what an agreement publishes: its `audience`, from the widest (the public) to the narrowest.
import { type Principal, seesRestricted } from "../access/principal.js";
import type { PublicationPolicy } from "./due.js";

export type Audience = PublicationPolicy["audience"];

/**
 * Each audience reads what the narrower ones read: `public` is everyone; `observers` every signed-in account
 * (observers, parties, guarantors, administrators); `parties` the parties and those who judge them; `guarantors`
 * the guarantors and administrators only.
 */
const readers: Readonly<Record<Audience, readonly Principal["role"][]>> = {
  public: ["public", "observer", "party", "guarantor", "admin"],
  observers: ["observer", "party", "guarantor", "admin"],
  parties: ["party", "guarantor", "admin"],
  guarantors: ["guarantor", "admin"],
};

export function readsPublications(principal: Principal, audience: Audience): boolean {
  return readers[audience].includes(principal.role);
}

/**
 * Whether what the principal is shown names who did it: with `nameParties: false` the published record keeps
 * the attribution (and the sources' claims of it) to those who judge, the guarantors and administrators.
 */
export function namesParties(principal: Principal, policy: Pick<PublicationPolicy, "nameParties">): boolean {
  return policy.nameParties || seesRestricted(principal);
}
