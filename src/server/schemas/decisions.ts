// What recording a guarantor's position answers: the position, the verdict in force after it, and who was told.
import { z } from "zod";
import { position, verdict } from "./records.js";

export const positionOutcome = z
  .object({
    position,
    verdict: verdict.nullable().describe("The verdict in force after this position"),
    newVerdict: z.boolean().describe("Whether this position changed the verdict"),
    status: z.string(),
    decision: z.object({ rule: z.string(), reason: z.string(), missing: z.array(z.string()) }),
    notified: z.object({ party: z.string(), replyBy: z.string() }).nullable(),
  })
  .meta({ id: "PositionOutcome" });
