// Benchmark of the audit log at a million entries: append and root, full verification, one inclusion proof.
// Usage: npm run bench:audit [-- --entries 1000000]. Prints figures; asserts nothing.
import { generateKeyPairSync } from "node:crypto";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { type Checkpoint, signCheckpoint } from "../src/domain/audit/checkpoint.js";
import { type AuditEntry, type AuditKind, auditLeafHash } from "../src/domain/audit/entry.js";
import {
  inclusionProof,
  MerkleAccumulator,
  MerkleTree,
  verifyInclusion,
} from "../src/domain/audit/merkle.js";
import { verifyLog } from "../src/domain/audit/verify-log.js";

const entriesArg = process.argv.indexOf("--entries");
const n = entriesArg > 0 ? Number(process.argv[entriesArg + 1]) : 1_000_000;
const checkpointEvery = 10_000;
const kinds: AuditKind[] = ["document_accepted", "incident_merged", "position_recorded", "verdict_recorded"];

const ms = (start: number): string => `${(performance.now() - start).toFixed(0)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function entry(seq: number): AuditEntry {
  return {
    seq,
    kind: kinds[seq % kinds.length] as AuditKind,
    subjectId: `inc-${Math.floor(seq / 4)}`,
    payload: {
      by: seq % 3 === 0 ? "RU" : seq % 3 === 1 ? "TR" : "IR",
      note: `decision ${seq}`,
      report: `rep-${seq}`,
    },
    at: new Date(Date.UTC(2017, 0, 1) + seq * 1000).toISOString(),
  };
}

console.log(
  `audit log benchmark: ${n.toLocaleString("en")} entries, node ${process.version}, ${cpus()[0]?.model}`,
);

let t = performance.now();
const entries = Array.from({ length: n }, (_, i) => entry(i));
console.log(`generate entries                  ${ms(t)}`);

// The store's path: hash each entry as it is appended, keep the right edge, sign a checkpoint every 10,000.
const keys = generateKeyPairSync("ed25519");
const leafHashes: Buffer[] = new Array(n);
const checkpoints: Checkpoint[] = [];
const acc = new MerkleAccumulator();
t = performance.now();
for (let i = 0; i < n; i++) {
  const leaf = auditLeafHash(entries[i] as AuditEntry);
  leafHashes[i] = leaf;
  acc.append(leaf);
  if (acc.size % checkpointEvery === 0) {
    const head = {
      treeSize: acc.size,
      rootHash: acc.root().toString("hex"),
      at: (entries[i] as AuditEntry).at,
    };
    checkpoints.push(signCheckpoint(head, keys.privateKey, keys.publicKey));
  }
}
const root = acc.root();
const appendMs = performance.now() - t;
console.log(
  `append ${n.toLocaleString("en")} (canonical JSON + leaf + accumulator, ${checkpoints.length} signed checkpoints)  ${appendMs.toFixed(0)} ms  (${((n / appendMs) * 1000).toFixed(0)} entries/s)`,
);

t = performance.now();
const rootOnly = new MerkleAccumulator();
for (const leaf of leafHashes) rootOnly.append(leaf);
const accRoot = rootOnly.root();
console.log(`accumulator only: append ${n.toLocaleString("en")} leaf hashes + root  ${ms(t)}`);
if (!accRoot.equals(root)) throw new Error("accumulator roots disagree");

t = performance.now();
const result = verifyLog({
  entries,
  storedLeafHashes: leafHashes.map((h) => h.toString("hex")),
  checkpoints,
  trustedPublicKey: keys.publicKey,
});
console.log(
  `verifyLog, full log of ${n.toLocaleString("en")} (every leaf, seq, ${checkpoints.length} signatures and roots)  ${ms(t)}  ok=${result.ok}`,
);

t = performance.now();
const proof = inclusionProof(leafHashes, Math.floor(n / 3));
console.log(`one inclusion proof from the leaf hashes (O(n) hashing)  ${ms(t)}  (${proof.length} hashes)`);

t = performance.now();
const tree = MerkleTree.fromLeafHashes(leafHashes);
console.log(`MerkleTree.fromLeafHashes (all levels kept)         ${ms(t)}`);
const rounds = 10_000;
t = performance.now();
let verified = 0;
for (let r = 0; r < rounds; r++) {
  const index = (r * 7919) % n;
  const p = tree.inclusionProof(index);
  if (verifyInclusion(leafHashes[index] as Buffer, index, n, p, root)) verified += 1;
}
const each = (performance.now() - t) / rounds;
console.log(
  `one inclusion proof from the kept tree + its verification  ${(each * 1000).toFixed(1)} µs  (${verified}/${rounds} verified)`,
);

const memory = process.memoryUsage();
console.log(
  `memory: rss ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}, buffers ${mb(memory.arrayBuffers)}`,
);
