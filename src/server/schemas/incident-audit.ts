// An incident's audit trail as its readers check it: each entry with its proof in the latest signed checkpoint.
import { z } from "zod";
import { auditEntry, checkpoint, inclusionProof } from "./records.js";

export const incidentAudit = z
  .object({
    incident: z.string(),
    // The latest signed checkpoint without its signature: `GET /api/audit/checkpoint` gives it with the key.
    checkpoint: checkpoint.omit({ signature: true }).nullable(),
    // A null proof: the entry came after the latest signed checkpoint (the next one covers it).
    entries: z.array(z.object({ entry: auditEntry, proof: inclusionProof.nullable() })),
  })
  .meta({ id: "IncidentAudit" });
