// Inclusion proofs for several audit entries from one tree: `proveEntry` builds a tree per entry, which an
// incident's dozen entries over a long log cannot afford.
import { type AuditEntry, auditEntryJson, auditLeafHash } from "../domain/audit/entry.js";
import type { MerkleTree } from "../domain/audit/merkle.js";
import type { EntryProof } from "../domain/audit/verify-log.js";

export type { EntryProof };

/**
 * Proofs of `entries` in `tree` (the log's first tree.size stored leaf hashes), by seq; entries beyond the tree
 * get none. Each entry's leaf is hashed again from its content, so an entry whose stored row was altered gets
 * a proof that does not verify.
 */
export function proveEntries(tree: MerkleTree, entries: readonly AuditEntry[]): Map<number, EntryProof> {
  const out = new Map<number, EntryProof>();
  if (tree.size === 0) return out;
  const rootHash = tree.root().toString("hex");
  for (const entry of entries) {
    if (entry.seq >= tree.size) continue;
    out.set(entry.seq, {
      seq: entry.seq,
      treeSize: tree.size,
      entry: auditEntryJson(entry),
      leafHash: auditLeafHash(entry).toString("hex"),
      rootHash,
      proof: tree.inclusionProof(entry.seq).map((h) => h.toString("hex")),
    });
  }
  return out;
}
