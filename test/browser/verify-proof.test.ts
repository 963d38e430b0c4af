// The web page's own inclusion-proof check (web/src/audit/verify-proof.ts) against the log's Merkle tree: every
// proof the server would send verifies, and any changed byte of entry, path or root is caught.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { type AuditEntry, auditEntryJson, auditLeafHash } from "../../src/domain/audit/entry.js";
import { MerkleTree } from "../../src/domain/audit/merkle.js";
import type { InclusionProof } from "../../web/src/api/types.js";
import { checkInclusion, type SignedTree } from "../../web/src/audit/verify-proof.js";

function entries(n: number): AuditEntry[] {
  return Array.from({ length: n }, (_, seq) => ({
    seq,
    kind: seq % 3 === 0 ? "document_accepted" : "report_linked",
    subjectId: `subject-${seq}`,
    payload: { n: seq, note: seq % 2 === 0 ? "even" : "odd – ünïcode" },
    at: `2026-11-${String(1 + (seq % 28)).padStart(2, "0")}T10:00:00Z`,
  }));
}

/** The proof of entry `seq` as the server builds it (src/server/prove-entries.ts does the same). */
function proofOf(all: readonly AuditEntry[], seq: number): { proof: InclusionProof; root: SignedTree } {
  const tree = MerkleTree.fromLeafHashes(all.map(auditLeafHash));
  const root = tree.root().toString("hex");
  const entry = all[seq] as AuditEntry;
  return {
    root: { rootHash: root, treeSize: all.length },
    proof: {
      seq,
      treeSize: all.length,
      entry: auditEntryJson(entry),
      leafHash: tree.leafHash(seq).toString("hex"),
      rootHash: root,
      proof: tree.inclusionProof(seq).map((h) => h.toString("hex")),
    },
  };
}

const flipFirstHexDigit = (hex: string): string => (hex[0] === "0" ? "1" : "0") + hex.slice(1);

describe("the browser's inclusion-proof check", () => {
  it("verifies every entry of logs of 1 to 40 entries", async () => {
    for (let size = 1; size <= 40; size++) {
      const all = entries(size);
      for (let seq = 0; seq < size; seq++) {
        const { proof, root } = proofOf(all, seq);
        assert.equal(await checkInclusion(proof, root), "verified", `entry ${seq} of ${size}`);
      }
    }
  });

  it("catches a changed entry, leaf, path step, index, tree size or root", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 2, max: 64 })
          .chain((size) => fc.tuple(fc.constant(size), fc.nat({ max: size - 1 }))),
        fc.constantFrom("entry", "leaf", "path", "seq", "size", "root"),
        async ([size, seq], what) => {
          const { proof, root } = proofOf(entries(size), seq);
          let forged = proof;
          let expectedRoot = root;
          switch (what) {
            case "entry":
              forged = { ...proof, entry: proof.entry.replace("subject-", "subject_") };
              break;
            case "leaf":
              forged = { ...proof, leafHash: flipFirstHexDigit(proof.leafHash) };
              break;
            case "path":
              forged = { ...proof, proof: proof.proof.map((h, i) => (i === 0 ? flipFirstHexDigit(h) : h)) };
              break;
            case "seq":
              forged = { ...proof, seq: seq === 0 ? 1 : seq - 1 };
              break;
            case "size":
              forged = { ...proof, treeSize: size + 1 };
              break;
            case "root":
              expectedRoot = { ...root, rootHash: flipFirstHexDigit(root.rootHash) };
              break;
          }
          assert.equal(
            await checkInclusion(forged, expectedRoot),
            "mismatch",
            `${what} of entry ${seq}/${size}`,
          );
        },
      ),
      { seed: 20261128, numRuns: 300 },
    );
  });

  it("refuses hashes that are not hex or not 32 bytes", async () => {
    const { proof, root } = proofOf(entries(5), 2);
    assert.equal(
      await checkInclusion({ ...proof, proof: ["zz", ...proof.proof.slice(1)] }, root),
      "mismatch",
    );
    assert.equal(await checkInclusion({ ...proof, proof: [...proof.proof, "00"] }, root), "mismatch");
    assert.equal(await checkInclusion(proof, { ...root, rootHash: "not hex" }), "mismatch");
  });
});
