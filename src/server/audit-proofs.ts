// Inclusion proofs of audit entries against the latest checkpoint the server's own key signed.
import type { KeyObject } from "node:crypto";
import { auditEntries } from "../application/audit-trail.js";
import { type Checkpoint, verifyCheckpoint } from "../domain/audit/checkpoint.js";
import type { AuditEntry } from "../domain/audit/entry.js";
import type { Repositories } from "../ports/store.js";
import { type EntryProof, proveEntries } from "./prove-entries.js";

/** The largest checkpoint the key signed; a larger one by another key is no anchor for a proof. */
export async function latestTrustedCheckpoint(
  repositories: Repositories,
  key: KeyObject,
): Promise<Checkpoint | null> {
  let best: Checkpoint | null = null;
  for (const c of await repositories.audit.checkpoints()) {
    if (verifyCheckpoint(c, key) === "ok" && (best === null || c.treeSize >= best.treeSize)) best = c;
  }
  return best;
}

export interface ProvedEntry {
  readonly entry: AuditEntry;
  /** Null when the entry came after the latest signed checkpoint: the next one covers it. */
  readonly proof: EntryProof | null;
}

/** The entries `keep` selects, each with its inclusion proof in the latest trusted checkpoint. */
export async function provedEntries(
  repositories: Repositories,
  key: KeyObject,
  keep: (entry: AuditEntry) => boolean,
): Promise<{ readonly checkpoint: Checkpoint | null; readonly entries: readonly ProvedEntry[] }> {
  const checkpoint = await latestTrustedCheckpoint(repositories, key);
  const all = await auditEntries(repositories);
  const wanted = all.filter(keep);
  const size = checkpoint === null ? 0 : Math.min(checkpoint.treeSize, all.length);
  const proofs = proveEntries(
    all.slice(0, size),
    wanted.filter((e) => e.seq < size).map((e) => e.seq),
  );
  return {
    checkpoint,
    entries: wanted.map((entry) => ({ entry, proof: proofs.get(entry.seq) ?? null })),
  };
}
