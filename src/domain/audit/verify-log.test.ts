// Tamper test: a signed log of 50 entries, each of the five tamperings detected and named.
import assert from "node:assert/strict";
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { describe, it } from "node:test";
import { type Checkpoint, signCheckpoint } from "./checkpoint.js";
import { type AuditEntry, type AuditKind, auditLeafHash } from "./entry.js";
import { MerkleAccumulator } from "./merkle.js";
import {
  type AuditProblemKind,
  checkEntryProof,
  proveEntry,
  type VerifyLogResult,
  verifyLog,
} from "./verify-log.js";

const trusted = generateKeyPairSync("ed25519");
const intruder = generateKeyPairSync("ed25519");

/** A stored row as the store keeps it: the entry and the leaf hash computed when it was appended. */
interface Row {
  readonly entry: AuditEntry;
  readonly leafHash: string;
}

const kinds: AuditKind[] = [
  "document_accepted",
  "incident_merged",
  "position_recorded",
  "verdict_recorded",
  "reply_recorded",
  "publication",
];

function makeEntry(seq: number): AuditEntry {
  return {
    seq,
    kind: kinds[seq % kinds.length] as AuditKind,
    subjectId: `inc-${Math.floor(seq / 3)}`,
    payload: { note: `decision ${seq}`, by: seq % 2 === 0 ? "RU" : "TR" },
    at: new Date(Date.UTC(2017, 0, 1, 0, seq)).toISOString(),
  };
}

const row = (entry: AuditEntry): Row => ({ entry, leafHash: auditLeafHash(entry).toString("hex") });

/** Appends like the store will: a checkpoint signed every `every` entries. */
function buildLog(count: number, every: number, key = trusted): { rows: Row[]; checkpoints: Checkpoint[] } {
  const rows: Row[] = [];
  const checkpoints: Checkpoint[] = [];
  const acc = new MerkleAccumulator();
  for (let seq = 0; seq < count; seq++) {
    const r = row(makeEntry(seq));
    rows.push(r);
    acc.append(Buffer.from(r.leafHash, "hex"));
    if (acc.size % every === 0) {
      const head = { treeSize: acc.size, rootHash: acc.root().toString("hex"), at: r.entry.at };
      checkpoints.push(signCheckpoint(head, key.privateKey, key.publicKey));
    }
  }
  return { rows, checkpoints };
}

function verify(
  rows: readonly Row[],
  checkpoints: readonly Checkpoint[],
  key: KeyObject = trusted.publicKey,
) {
  return verifyLog({
    entries: rows.map((r) => r.entry),
    storedLeafHashes: rows.map((r) => r.leafHash),
    checkpoints,
    trustedPublicKey: key,
  });
}

const kindsOf = (result: VerifyLogResult): Set<AuditProblemKind> =>
  new Set(result.problems.map((p) => p.kind));

/** The result is not ok, names `expected`, and names nothing outside `allowed` (expected plus consequences). */
function assertDetected(
  result: VerifyLogResult,
  expected: AuditProblemKind,
  allowed: AuditProblemKind[] = [],
): void {
  assert.equal(result.ok, false);
  const found = kindsOf(result);
  assert.ok(found.has(expected), `expected ${expected}, got ${[...found].join(", ")}`);
  for (const kind of found) {
    assert.ok(
      kind === expected || allowed.includes(kind),
      `unexpected ${kind}: ${JSON.stringify(result.problems)}`,
    );
  }
  for (const problem of result.problems)
    assert.ok(problem.detail.length > 20, "each problem says what to look at");
}

const log = buildLog(50, 10);

describe("verifyLog on an untampered log", () => {
  it("verifies OK, with the root of the last checkpoint", () => {
    const result = verify(log.rows, log.checkpoints);
    assert.deepEqual(result.problems, []);
    assert.equal(result.ok, true);
    assert.equal(result.treeSize, 50);
    assert.equal(result.signedSize, 50);
    assert.equal(result.root, log.checkpoints.at(-1)?.rootHash);
  });

  it("accepts entries appended since the last checkpoint, signed only up to it", () => {
    const longer = buildLog(57, 10);
    const result = verify(longer.rows, longer.checkpoints);
    assert.equal(result.ok, true);
    assert.equal(result.signedSize, 50);
    assert.equal(result.treeSize, 57);
  });

  it("accepts an empty log with no checkpoints, and a log checked without stored leaf hashes", () => {
    assert.equal(verify([], []).ok, true);
    const result = verifyLog({
      entries: log.rows.map((r) => r.entry),
      checkpoints: log.checkpoints,
      trustedPublicKey: trusted.publicKey,
    });
    assert.equal(result.ok, true);
  });
});

describe("tamper test: each of the five tamperings is detected and named", () => {
  it("1. an edited entry: the row whose content changed is named", () => {
    const rows = log.rows.map((r) =>
      r.entry.seq === 23 ? { ...r, entry: { ...r.entry, payload: { ...r.entry.payload, by: "IR" } } } : r,
    );
    const result = verify(rows, log.checkpoints);
    assertDetected(result, "edited_entry", ["root_mismatch"]);
    assert.deepEqual(
      result.problems.filter((p) => p.kind === "edited_entry").map((p) => p.seq),
      [23],
    );
    // The checkpoints before the edit still hold; the first one after it names the range to look at.
    assert.equal(result.signedSize, 20);
    assert.match(result.problems.find((p) => p.kind === "root_mismatch")?.detail ?? "", /seq 20 and seq 29/);
  });

  it("1b. an edited entry whose stored leaf hash was recomputed too is caught by the signed roots", () => {
    const rows = log.rows.map((r) => (r.entry.seq === 23 ? row({ ...r.entry, subjectId: "inc-999" }) : r));
    const result = verify(rows, log.checkpoints);
    assertDetected(result, "root_mismatch");
    assert.equal(result.problems.length, 3); // checkpoints 30, 40 and 50
  });

  it("2. a deleted entry: the missing seq is named, and it is not mistaken for truncation", () => {
    const rows = log.rows.filter((r) => r.entry.seq !== 17);
    const result = verify(rows, log.checkpoints);
    assertDetected(result, "missing_entry", ["root_mismatch"]);
    const missing = result.problems.filter((p) => p.kind === "missing_entry");
    assert.deepEqual(
      missing.map((p) => p.seq),
      [17],
    );
    assert.match(missing[0]?.detail ?? "", /seq 17 is missing/);
  });

  it("2b. several deleted entries in a row are one problem naming the range", () => {
    const rows = log.rows.filter((r) => r.entry.seq < 12 || r.entry.seq > 14);
    const result = verify(rows, log.checkpoints);
    const missing = result.problems.filter((p) => p.kind === "missing_entry");
    assert.equal(missing.length, 1);
    assert.match(missing[0]?.detail ?? "", /seqs 12–14 are missing/);
  });

  it("3. two entries swapped in the log's order", () => {
    const rows = [...log.rows];
    [rows[30], rows[31]] = [rows[31] as Row, rows[30] as Row];
    const result = verify(rows, log.checkpoints);
    assertDetected(result, "reordered", ["root_mismatch"]);
    assert.equal(result.signedSize, 30);
  });

  it("3b. two entries' contents swapped under their seqs, leaf hashes left in place", () => {
    const rows = log.rows.map((r, i) => {
      const swapWith = i === 5 ? 36 : i === 36 ? 5 : i;
      const content = (log.rows[swapWith] as Row).entry;
      return { ...r, entry: { ...content, seq: r.entry.seq } };
    });
    const result = verify(rows, log.checkpoints);
    assertDetected(result, "reordered", ["root_mismatch"]);
    assert.deepEqual(
      result.problems
        .filter((p) => p.kind === "reordered")
        .map((p) => p.seq)
        .sort(),
      [36, 5],
    );
  });

  it("3c. two entries' contents and leaf hashes swapped, seqs left in place", () => {
    const rows = log.rows.map((r, i) => {
      const swapWith = i === 5 ? 36 : i === 36 ? 5 : i;
      const other = log.rows[swapWith] as Row;
      return { entry: { ...other.entry, seq: r.entry.seq }, leafHash: other.leafHash };
    });
    const result = verify(rows, log.checkpoints);
    assertDetected(result, "reordered", ["root_mismatch"]);
    assert.match(result.problems.find((p) => p.kind === "reordered")?.detail ?? "", /written as seq (5|36)/);
  });

  it("4. the tail truncated below the last checkpoint", () => {
    const rows = log.rows.slice(0, 45);
    const result = verify(rows, log.checkpoints);
    assertDetected(result, "truncated");
    const truncated = result.problems.find((p) => p.kind === "truncated");
    assert.equal(truncated?.seq, 45);
    assert.match(truncated?.detail ?? "", /signed 50 entries, but the log ends at seq 44/);
    assert.equal(result.signedSize, 40);
  });

  it("4b. a truncation below several checkpoints is one problem that mentions the others", () => {
    const result = verify(log.rows.slice(0, 25), log.checkpoints);
    assertDetected(result, "truncated");
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0]?.detail ?? "", /2 earlier checkpoint/);
  });

  it("5. the whole log rewritten and re-signed with a different key", () => {
    const rewritten = buildLog(50, 10, intruder);
    const rows = rewritten.rows.map((r) =>
      r.entry.seq === 12 ? row({ ...r.entry, subjectId: "inc-0" }) : r,
    );
    const acc = new MerkleAccumulator();
    const checkpoints: Checkpoint[] = [];
    for (const r of rows) {
      acc.append(Buffer.from(r.leafHash, "hex"));
      if (acc.size % 10 === 0) {
        const head = { treeSize: acc.size, rootHash: acc.root().toString("hex"), at: r.entry.at };
        checkpoints.push(signCheckpoint(head, intruder.privateKey, intruder.publicKey));
      }
    }
    const result = verify(rows, checkpoints);
    assertDetected(result, "unknown_key");
    assert.equal(result.problems.length, 5);
    assert.equal(result.signedSize, 0);
    assert.match(result.problems[0]?.detail ?? "", /not by the trusted key/);
  });

  it("5b. another key's signatures relabelled with the trusted key id are bad signatures", () => {
    const trustedId = (log.checkpoints[0] as Checkpoint).keyId;
    const forged = buildLog(50, 10, intruder).checkpoints.map((c) => ({ ...c, keyId: trustedId }));
    const result = verify(log.rows, forged);
    assertDetected(result, "bad_signature");
    assert.equal(result.problems.length, 5);
  });

  it("5c. checked against the intruder's key, the genuine checkpoints are the unknown ones", () => {
    const result = verify(log.rows, log.checkpoints, intruder.publicKey);
    assertDetected(result, "unknown_key");
  });
});

describe("verifyLog robustness", () => {
  it("reports a row that is no longer valid JSON content instead of throwing", () => {
    const rows = log.rows.map((r) =>
      r.entry.seq === 3 ? { ...r, entry: { ...r.entry, payload: { n: Number.NaN } } } : r,
    );
    const result = verify(rows, log.checkpoints);
    assertDetected(result, "edited_entry", ["root_mismatch"]);
    assert.equal(result.problems.find((p) => p.kind === "edited_entry")?.seq, 3);
  });

  it("reports a duplicated row as an edit, not as a gap", () => {
    const rows = [...log.rows.slice(0, 11), log.rows[10] as Row, ...log.rows.slice(11)];
    const result = verify(rows, log.checkpoints);
    assert.ok(kindsOf(result).has("edited_entry"));
    assert.ok(!kindsOf(result).has("missing_entry"));
  });

  it("caps each kind at 100 problems and says how many more there were", () => {
    const rows = log.rows.map((r) => ({ ...r, leafHash: "00".repeat(32) }));
    const big = [...rows];
    for (let seq = 50; seq < 300; seq++) big.push({ entry: makeEntry(seq), leafHash: "00".repeat(32) });
    const result = verify(big, []);
    const edited = result.problems.filter((p) => p.kind === "edited_entry");
    assert.equal(edited.length, 101);
    assert.match(edited.at(-1)?.detail ?? "", /200 more problems of this kind \(300 in all\)/);
  });
});

describe("proveEntry", () => {
  it("gives an inclusion proof that checks against the signed root", () => {
    const entries = log.rows.map((r) => r.entry);
    for (const seq of [0, 17, 49]) {
      const proof = proveEntry(entries, seq);
      assert.equal(proof.rootHash, log.checkpoints.at(-1)?.rootHash);
      assert.ok(checkEntryProof(proof));
      assert.equal(checkEntryProof({ ...proof, entry: proof.entry.replace("decision", "Decision") }), false);
    }
    const early = proveEntry(entries, 7, 10);
    assert.equal(early.rootHash, log.checkpoints[0]?.rootHash);
    assert.ok(checkEntryProof(early));
    assert.throws(() => proveEntry(entries, 10, 10), RangeError);
  });
});
