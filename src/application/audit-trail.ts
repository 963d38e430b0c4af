// The audit trail as the use cases see it: append a decision, sign a checkpoint, verify the whole log.
import { createHash, type KeyObject } from "node:crypto";
import { canonicalJson, type JsonObject } from "../domain/audit/canonical-json.js";
import { type Checkpoint, signCheckpoint, verifyCheckpoint } from "../domain/audit/checkpoint.js";
import { type AuditEntry, type AuditKind, auditLeafHash, checkAuditEntry } from "../domain/audit/entry.js";
import { type AccumulatorState, MerkleAccumulator } from "../domain/audit/merkle.js";
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

/**
 * The right edge of the tree over the leaves already read, per open store's audit repository (a transaction's
 * repositories are new objects, so they start afresh): signing then reads only the leaf hashes appended since,
 * not the whole log with its payloads. Rows are append-only (the database refuses edits), so the leaves read
 * stay the log's; `truce verify` still recomputes everything from the rows.
 */
const edges = new WeakMap<object, { readonly state: AccumulatorState; readonly nextSeq: number }>();

/** Checkpoints looked at, largest first, for the one an edge kept in the store must lead to. */
const EDGE_CHECKPOINTS = 20;

/**
 * The edge the store kept at the last signing, if it is one to trust: it must hash to the root that a
 * checkpoint of its size, signed with this key, states (a forged edge would need a hash collision).
 */
async function keptEdge(
  repositories: Repositories,
  size: number,
  publicKey: KeyObject,
): Promise<MerkleAccumulator | null> {
  const edge = await repositories.audit.latestTreeEdge();
  if (edge === null || edge.size > size) return null;
  let tree: MerkleAccumulator;
  try {
    tree = MerkleAccumulator.fromState(edge);
  } catch {
    return null;
  }
  const root = tree.root().toString("hex");
  const signed = await repositories.audit.largestCheckpoints(EDGE_CHECKPOINTS);
  const vouched = signed.some(
    (c) => c.treeSize === edge.size && c.rootHash === root && verifyCheckpoint(c, publicKey) === "ok",
  );
  return vouched ? tree : null;
}

/** The Merkle tree over every stored leaf hash, as an accumulator: its size and root are what a checkpoint signs. */
async function treeNow(repositories: Repositories, publicKey: KeyObject): Promise<MerkleAccumulator> {
  const size = await repositories.audit.size();
  const cached = edges.get(repositories.audit);
  let tree: MerkleAccumulator;
  let nextSeq: number;
  if (cached !== undefined && cached.nextSeq <= size) {
    // A copy: two signings at once each extend their own, and the cache keeps the longer.
    tree = MerkleAccumulator.fromState(cached.state);
    nextSeq = cached.nextSeq;
  } else {
    tree = (await keptEdge(repositories, size, publicKey)) ?? new MerkleAccumulator();
    nextSeq = tree.size;
  }
  for (; nextSeq < size; nextSeq = Math.min(size, nextSeq + PAGE)) {
    for (const hex of await repositories.audit.leafHashes(nextSeq, Math.min(size, nextSeq + PAGE)))
      tree.append(Buffer.from(hex, "hex"));
  }
  const latest = edges.get(repositories.audit);
  if (latest === undefined || latest.nextSeq <= nextSeq)
    edges.set(repositories.audit, { state: tree.state(), nextSeq });
  return tree;
}

/** Signs the log as it stands: the tree size, its Merkle root and the time, with the key from the key file. */
export async function checkpointNow(
  repositories: Repositories,
  key: { readonly privateKey: KeyObject; readonly publicKey: KeyObject },
  at: string,
): Promise<Checkpoint> {
  const tree = await treeNow(repositories, key.publicKey);
  const checkpoint = signCheckpoint(
    { treeSize: tree.size, rootHash: tree.root().toString("hex"), at },
    key.privateKey,
    key.publicKey,
  );
  await repositories.audit.appendCheckpoint(checkpoint);
  await repositories.audit.saveTreeEdge(tree.state());
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

/** The entry numbered `seq`, or null beyond the log's end. */
export async function auditEntryAt(repositories: Repositories, seq: number): Promise<AuditEntry | null> {
  const [row] = await repositories.audit.entries(seq, seq + 1);
  return row === undefined ? null : asDomainEntry(row);
}

/** The entries about any of these records (by subject id), by seq: one record's trail, however long the log. */
export async function auditEntriesAbout(
  repositories: Repositories,
  subjectIds: readonly string[],
): Promise<AuditEntry[]> {
  return (await repositories.audit.bySubjects(subjectIds)).map(asDomainEntry);
}
