// The audit log from outside: its latest signed checkpoint, one entry's inclusion proof, the whole recomputation.
import { z } from "zod";
import { publicKeyPem } from "../../adapters/keys/audit-key.js";
import { auditEntryAt, verifyAuditLog } from "../../application/audit-trail.js";
import { checkEntryProof } from "../../domain/audit/verify-log.js";
import { latestTrustedCheckpoint, provedEntries } from "../audit-proofs.js";
import { notFound } from "../http-errors.js";
import { route } from "../route.js";
import { checkpoint, hashOnlyProof } from "../schemas/records.js";

export const auditCheckpoint = route({
  response: z
    .object({
      checkpoint,
      publicKey: z.string().describe("The Ed25519 public key (PEM) the checkpoint is signed with"),
    })
    .meta({ id: "SignedCheckpoint" }),
  handler: async (_input, { store, auditKey }) => {
    const latest = await latestTrustedCheckpoint(store, auditKey.publicKey);
    if (latest === null) throw notFound("no checkpoint has been signed yet: the log is empty");
    return { checkpoint: latest, publicKey: publicKeyPem(auditKey.publicKey) };
  },
});

export const auditProof = route({
  params: z.object({
    seq: z.coerce
      .number()
      .int()
      .min(0)
      .max(Number.MAX_SAFE_INTEGER)
      .describe("The entry's number in the log"),
  }),
  response: z
    .object({ checkpoint, proof: hashOnlyProof, verifies: z.boolean() })
    .meta({ id: "EntryInclusion" }),
  handler: async ({ params }, { store, auditKey }) => {
    const entry = await auditEntryAt(store, params.seq);
    const { checkpoint: signed, entries } = await provedEntries(
      store,
      auditKey.publicKey,
      entry === null ? [] : [entry],
    );
    const proof = entries[0]?.proof ?? null;
    if (signed === null || proof === null) {
      throw notFound(
        `entry ${params.seq} is not covered by the latest signed checkpoint (tree size ${signed?.treeSize ?? 0})`,
      );
    }
    const { entry: _withheld, ...hashes } = proof;
    return {
      checkpoint: signed,
      proof: hashes,
      verifies: checkEntryProof(proof) && proof.rootHash === signed.rootHash,
    };
  },
});

export const auditVerify = route({
  response: z
    .object({
      ok: z.boolean(),
      problems: z.array(z.object({ kind: z.string(), seq: z.number().int().optional(), detail: z.string() })),
      treeSize: z.number().int(),
      root: z.string(),
      signedSize: z.number().int(),
      keyId: z.string(),
    })
    .meta({ id: "AuditVerification" }),
  handler: async (_input, { store, auditKey }) => ({
    ...(await verifyAuditLog(store, auditKey.publicKey)),
    keyId: auditKey.keyId,
  }),
});
