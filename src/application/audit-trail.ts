// The audit trail as the use cases see it: append a decision, sign a checkpoint, verify the whole log.
import { createHash, type KeyObject } from "node:crypto";
import { canonicalJson, type JsonObject } from "../domain/audit/canonical-json.js";
import { type Checkpoint, signCheckpoint } from "../domain/audit/checkpoint.js";
import { type AuditEntry, type AuditKind, auditLeafHash, checkAuditEntry } from "../domain/audit/entry.js";
import { merkleRoot } from "../domain/audit/merkle.js";
import { type VerifyLogResult, verifyLog } from "../domain/audit/verify-log.js";
import type { Repositories, AuditEntry as StoredAuditEntry } from "../ports/store.js";

/** Appends one decision to the log inside the caller's transaction: it commits, or is lost, with the decision. */
export function recordAudit(
  tx: Repositories,
  kind: AuditKind,
  subjectId: string,
  payload: JsonObject,
  at: string,
): Promise<StoredAuditEntry> {
  return tx.audit.append((seq) => {
    const entry: AuditEntry = { seq, kind, subjectId, payload, at };
    checkAuditEntry(entry);
    const json = canonicalJson(payload, "audit payload");
    return {
      kind,
      subjectId,
      payload: json,
      payloadHash: createHash("sha256").update(json).digest("hex"),
      leafHash: auditLeafHash(entry).toString("hex"),
      at,
    };
  });
}

const PAGE = 10_000;

async function storedEntries(repositories: Repositories): Promise<StoredAuditEntry[]> {
  const size = await repositories.audit.size();
  const out: StoredAuditEntry[] = [];
  for (let from = 0; from < size; from += PAGE)
    out.push(...(await repositories.audit.entries(from, from + PAGE)));
  return out;
}

function asDomainEntry(row: StoredAuditEntry): AuditEntry {
  let payload: JsonObject;
  try {
    payload = JSON.parse(row.payload) as JsonObject;
  } catch {
    // An unreadable payload still has to be checked: its leaf will not match, and verify says which row.
    payload = { unreadable: row.payload };
  }
  return { seq: row.seq, kind: row.kind as AuditKind, subjectId: row.subjectId, payload, at: row.at };
}

/** Signs the log as it stands: the tree size, its Merkle root and the time, with the key from the key file. */
export async function checkpointNow(
  repositories: Repositories,
  key: { readonly privateKey: KeyObject; readonly publicKey: KeyObject },
  at: string,
): Promise<Checkpoint> {
  const rows = await storedEntries(repositories);
  const root = merkleRoot(rows.map((r) => Buffer.from(r.leafHash, "hex"))).toString("hex");
  const checkpoint = signCheckpoint(
    { treeSize: rows.length, rootHash: root, at },
    key.privateKey,
    key.publicKey,
  );
  await repositories.audit.appendCheckpoint(checkpoint);
  return checkpoint;
}

/** Recomputes every leaf and root from the rows as stored and checks every checkpoint against the trusted key. */
export async function verifyAuditLog(
  repositories: Repositories,
  trustedPublicKey: KeyObject,
): Promise<VerifyLogResult> {
  const rows = await storedEntries(repositories);
  return verifyLog({
    entries: rows.map(asDomainEntry),
    storedLeafHashes: rows.map((r) => r.leafHash),
    checkpoints: await repositories.audit.checkpoints(),
    trustedPublicKey,
  });
}

export async function auditEntries(repositories: Repositories): Promise<AuditEntry[]> {
  return (await storedEntries(repositories)).map(asDomainEntry);
}
