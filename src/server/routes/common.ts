// What several routes share: the id parameter and who a decision is recorded as.
import { z } from "zod";
import type { Principal } from "../../domain/access/principal.js";

export const idParams = z.object({ id: z.string().min(1).max(100).describe("The record's id") });

/** The name a decision is recorded under in the audit log: the account that made it. */
export function actorOf(principal: Principal): string {
  return principal.role === "public" ? "public" : principal.username;
}
