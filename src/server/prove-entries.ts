// Inclusion proofs for several audit entries from one tree: `proveEntry` builds a tree per entry, which an
// incident's dozen entries over a long log cannot afford.
import { type AuditEntry, auditEntryJson, auditLeafHash } from "../domain/audit/entry.js";
import { MerkleTree } from "../domain/audit/merkle.js";
import type { EntryProof } from "../domain/audit/verify-log.js";

export type { EntryProof };

/** Proofs of the entries at `seqs` in the tree of all `entries` (the log's first entries.length entries). */
export function proveEntries(
  entries: readonly AuditEntry[],
  seqs: readonly number[],
): Map<number, EntryProof> {
  const out = new Map<number, EntryProof>();
  if (seqs.length === 0 || entries.length === 0) return out;
  const tree = MerkleTree.fromLeafHashes(entries.map(auditLeafHash));
  const rootHash = tree.root().toString("hex");
  for (const seq of seqs) {
    const entry = entries[seq];
    if (entry === undefined) continue;
    out.set(seq, {
      seq,
      treeSize: entries.length,
      entry: auditEntryJson(entry),
      leafHash: tree.leafHash(seq).toString("hex"),
      rootHash,
      proof: tree.inclusionProof(seq).map((h) => h.toString("hex")),
    });
  }
  return out;
}
