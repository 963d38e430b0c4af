// Recomputes the audit log from its rows and checkpoints and names every way it no longer matches what was signed.
import type { KeyObject } from "node:crypto";
import { type Checkpoint, keyIdOf, verifyCheckpoint } from "./checkpoint.js";
import { type AuditEntry, auditEntryJson, auditLeafHash } from "./entry.js";
import { type Hash, leafHash, MerkleAccumulator, MerkleTree, verifyInclusion } from "./merkle.js";

export type AuditProblemKind =
  | "edited_entry"
  | "missing_entry"
  | "reordered"
  | "truncated"
  | "bad_signature"
  | "unknown_key"
  | "root_mismatch";

export interface AuditProblem {
  readonly kind: AuditProblemKind;
  readonly seq?: number;
  /** What a person should look at, in words. */
  readonly detail: string;
}

export interface VerifyLogInput {
  /** The rows in the order the store keeps them (its log order); position i must hold seq i. */
  readonly entries: readonly AuditEntry[];
  /** The leaf hash (hex) stored with each row when it was appended, by position; lets an edit be pinned to a row. */
  readonly storedLeafHashes?: readonly (string | null | undefined)[];
  readonly checkpoints: readonly Checkpoint[];
  /** From the key file, never from the database: a key stored beside the log could be replaced with it. */
  readonly trustedPublicKey: KeyObject;
}

export interface VerifyLogResult {
  readonly ok: boolean;
  readonly problems: readonly AuditProblem[];
  /** Entries read. */
  readonly treeSize: number;
  /** Merkle root of the entries as read, hex. */
  readonly root: string;
  /** The largest tree size a trusted checkpoint signed and the entries still match (0 if none). */
  readonly signedSize: number;
}

/** More problems of one kind than this say "the log is rewritten"; listing a million helps nobody. */
const MAX_PER_KIND = 100;
/** Mismatched rows are paired up to find swaps; past this many, pairing costs more than it tells. */
const MAX_SWAP_SEARCH = 64;

class Problems {
  readonly list: AuditProblem[] = [];
  private readonly counts = new Map<AuditProblemKind, number>();

  add(problem: AuditProblem): void {
    const n = (this.counts.get(problem.kind) ?? 0) + 1;
    this.counts.set(problem.kind, n);
    if (n <= MAX_PER_KIND) this.list.push(problem);
  }

  /** Appends one line per kind that overflowed, so the total is never hidden. */
  finish(): AuditProblem[] {
    for (const [kind, n] of this.counts) {
      if (n > MAX_PER_KIND) {
        this.list.push({
          kind,
          detail: `… and ${n - MAX_PER_KIND} more problems of this kind (${n} in all)`,
        });
      }
    }
    return this.list;
  }
}

const describeCheckpoint = (c: Checkpoint): string => `the checkpoint of ${c.at} (tree size ${c.treeSize})`;

const leafOf = (entry: AuditEntry): Hash | Error => {
  try {
    return auditLeafHash(entry);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
};

/** Positions whose content matches a stored leaf hash only under another row's seq: swapped or renumbered rows. */
function findMovedRows(
  mismatched: readonly number[],
  entries: readonly AuditEntry[],
  stored: readonly (string | null | undefined)[],
): Map<number, number> {
  const moved = new Map<number, number>();
  if (mismatched.length < 2 || mismatched.length > MAX_SWAP_SEARCH) return moved;
  for (const i of mismatched) {
    const entry = entries[i] as AuditEntry;
    for (const j of mismatched) {
      if (i === j) continue;
      const otherSeq = (entries[j] as AuditEntry).seq;
      const hash = leafOf({ ...entry, seq: otherSeq });
      if (hash instanceof Error) continue;
      const hex = hash.toString("hex");
      // The row's content carries the hash it had as seq otherSeq: either the hash stayed with the
      // position (stored[j]) or moved with the content (stored[i]).
      if (hex === stored[j] || hex === stored[i]) {
        moved.set(i, otherSeq);
        break;
      }
    }
  }
  return moved;
}

/** Recomputes every leaf, the seq order and every checkpoint's root and signature. */
export function verifyLog(input: VerifyLogInput): VerifyLogResult {
  const { entries, storedLeafHashes, checkpoints, trustedPublicKey } = input;
  const problems = new Problems();
  const trustedKeyId = keyIdOf(trustedPublicKey);

  // Roots are wanted at every checkpoint size; one pass of the accumulator yields them all in O(log n) memory.
  const wantedSizes = new Set(checkpoints.map((c) => c.treeSize));
  const rootsAt = new Map<number, string>();
  const acc = new MerkleAccumulator();
  if (wantedSizes.has(0)) rootsAt.set(0, acc.root().toString("hex"));
  const mismatched: number[] = [];
  const unhashable = leafHash(Buffer.from("truce: entry could not be canonicalised"));

  entries.forEach((entry, i) => {
    const leaf = leafOf(entry);
    if (leaf instanceof Error) {
      problems.add({
        kind: "edited_entry",
        seq: entry.seq,
        detail: `the row at position ${i} (seq ${entry.seq}) is no longer a valid entry: ${leaf.message}`,
      });
    } else if (storedLeafHashes?.[i] != null && leaf.toString("hex") !== storedLeafHashes[i]) {
      mismatched.push(i);
    }
    acc.append(leaf instanceof Error ? unhashable : leaf);
    if (wantedSizes.has(acc.size)) rootsAt.set(acc.size, acc.root().toString("hex"));
  });

  // Seq order and density. A descent means rows were moved; a gap means rows were deleted.
  const seqs: number[] = [];
  const reorderedSeqs = new Set<number>();
  let previous: number | null = null;
  entries.forEach((entry, i) => {
    const seq = entry.seq;
    if (!Number.isSafeInteger(seq) || seq < 0) {
      problems.add({
        kind: "edited_entry",
        detail: `the row at position ${i} has seq ${String(seq)}, not an integer ≥ 0`,
      });
      return;
    }
    if (previous !== null && seq < previous) {
      reorderedSeqs.add(seq);
      problems.add({
        kind: "reordered",
        seq,
        detail: `seq ${seq} is stored at position ${i}, after seq ${previous}: rows were moved or renumbered`,
      });
    }
    previous = seq;
    seqs.push(seq);
  });
  const sorted = Float64Array.from(seqs).sort();
  let expected = 0;
  for (const seq of sorted) {
    if (seq < expected) {
      problems.add({
        kind: "edited_entry",
        seq,
        detail: `seq ${seq} appears more than once: a row was copied or its seq was changed`,
      });
      continue;
    }
    if (seq > expected) {
      const range = seq - 1 === expected ? `seq ${expected} is` : `seqs ${expected}–${seq - 1} are`;
      problems.add({
        kind: "missing_entry",
        seq: expected,
        detail: `${range} missing between the rows that remain: ${seq - expected} row(s) deleted`,
      });
    }
    expected = seq + 1;
  }
  const logEnd = expected; // one past the highest seq present

  // Rows whose stored leaf hash no longer matches: moved content is "reordered", anything else "edited".
  const moved = findMovedRows(mismatched, entries, storedLeafHashes ?? []);
  for (const i of mismatched) {
    const entry = entries[i] as AuditEntry;
    const otherSeq = moved.get(i);
    if (otherSeq !== undefined) {
      if (!reorderedSeqs.has(entry.seq)) {
        reorderedSeqs.add(entry.seq);
        problems.add({
          kind: "reordered",
          seq: entry.seq,
          detail: `seq ${entry.seq} holds the entry that was written as seq ${otherSeq}: rows were swapped`,
        });
      }
    } else {
      problems.add({
        kind: "edited_entry",
        seq: entry.seq,
        detail: `seq ${entry.seq} (${entry.kind} of ${entry.subjectId}) no longer hashes to the leaf hash stored when it was written: a field was changed`,
      });
    }
  }

  // Checkpoints, smallest first so a mismatch can name the range since the last one that held.
  const ordered = [...checkpoints].sort((a, b) => a.treeSize - b.treeSize);
  let signedSize = 0;
  let lastGood = 0;
  let truncatedBy: Checkpoint | null = null;
  let truncatedCount = 0;
  for (const checkpoint of ordered) {
    const status = verifyCheckpoint(checkpoint, trustedPublicKey);
    if (status === "unknown_key") {
      problems.add({
        kind: "unknown_key",
        detail: `${describeCheckpoint(checkpoint)} is signed by key ${checkpoint.keyId}, not by the trusted key ${trustedKeyId}: the log may have been re-signed with another key`,
      });
      continue;
    }
    if (status === "bad_signature") {
      problems.add({
        kind: "bad_signature",
        detail: `${describeCheckpoint(checkpoint)} names the trusted key ${trustedKeyId} but its signature does not verify: the checkpoint was altered or forged`,
      });
      continue;
    }
    if (checkpoint.treeSize > logEnd) {
      truncatedCount += 1;
      truncatedBy = checkpoint;
      continue;
    }
    const actual = rootsAt.get(checkpoint.treeSize);
    if (actual === undefined) continue; // rows are missing below this size: already reported as missing_entry
    if (actual === checkpoint.rootHash) {
      signedSize = Math.max(signedSize, checkpoint.treeSize);
      lastGood = Math.max(lastGood, checkpoint.treeSize);
    } else {
      problems.add({
        kind: "root_mismatch",
        seq: lastGood,
        detail: `the first ${checkpoint.treeSize} entries no longer hash to the root signed in ${describeCheckpoint(checkpoint)}: an entry between seq ${lastGood} and seq ${checkpoint.treeSize - 1} was changed, removed, inserted or moved`,
      });
    }
  }
  if (truncatedBy !== null) {
    const others =
      truncatedCount > 1 ? ` (and ${truncatedCount - 1} earlier checkpoint(s) also reach past it)` : "";
    problems.add({
      kind: "truncated",
      seq: logEnd,
      detail: `${describeCheckpoint(truncatedBy)} signed ${truncatedBy.treeSize} entries, but the log ends at seq ${logEnd - 1}: entries from seq ${logEnd} on were cut off${others}`,
    });
  }

  const list = problems.finish();
  return {
    ok: list.length === 0,
    problems: list,
    treeSize: entries.length,
    root: acc.root().toString("hex"),
    signedSize,
  };
}

/** An inclusion proof for one entry, in the hex form `truce verify --proof N` prints. */
export interface EntryProof {
  readonly seq: number;
  readonly treeSize: number;
  readonly entry: string;
  readonly leafHash: string;
  readonly rootHash: string;
  readonly proof: readonly string[];
}

/** Proves that the entry at position `seq` is in the tree of the first `treeSize` entries (default: all). */
export function proveEntry(
  entries: readonly AuditEntry[],
  seq: number,
  treeSize = entries.length,
): EntryProof {
  const tree = MerkleTree.fromLeafHashes(entries.slice(0, treeSize).map(auditLeafHash));
  const entry = entries[seq];
  if (entry === undefined || seq >= treeSize) {
    throw new RangeError(`entry ${seq} is not in a log of ${treeSize} entries`);
  }
  return {
    seq,
    treeSize,
    entry: auditEntryJson(entry),
    leafHash: tree.leafHash(seq).toString("hex"),
    rootHash: tree.root().toString("hex"),
    proof: tree.inclusionProof(seq).map((h) => h.toString("hex")),
  };
}

/** Checks an EntryProof on its own: the entry's text hashes to the leaf, and the path leads to the root. */
export function checkEntryProof(p: EntryProof): boolean {
  const leaf = leafHash(Buffer.from(p.entry, "utf8"));
  if (leaf.toString("hex") !== p.leafHash) return false;
  const proof = p.proof.map((h) => Buffer.from(h, "hex"));
  return verifyInclusion(leaf, p.seq, p.treeSize, proof, Buffer.from(p.rootHash, "hex"));
}
