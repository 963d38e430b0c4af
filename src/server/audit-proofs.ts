// Inclusion proofs of audit entries against the latest checkpoint the server's own key signed.
import type { KeyObject } from "node:crypto";
import { type Checkpoint, verifyCheckpoint } from "../domain/audit/checkpoint.js";
import type { AuditEntry } from "../domain/audit/entry.js";
import { HASH_SIZE, MerkleTree } from "../domain/audit/merkle.js";
import type { Repositories } from "../ports/store.js";
import { type EntryProof, proveEntries } from "./prove-entries.js";

/** Checkpoints examined per query while looking for one the key signed, largest tree first. */
const CHECKPOINT_PAGE = 20;
/** Leaf hashes read per query. */
const LEAF_PAGE = 20_000;

/** The largest checkpoint the key signed; a larger one by another key is no anchor for a proof. */
export async function latestTrustedCheckpoint(
  repositories: Repositories,
  key: KeyObject,
): Promise<Checkpoint | null> {
  for (let skip = 0; ; skip += CHECKPOINT_PAGE) {
    const page = await repositories.audit.largestCheckpoints(CHECKPOINT_PAGE, skip);
    const signed = page.find((c) => verifyCheckpoint(c, key) === "ok");
    if (signed !== undefined) return signed;
    if (page.length < CHECKPOINT_PAGE) return null;
  }
}

/**
 * The stored leaf hashes read so far (packed, 32 bytes each) and the last tree built from them, per open store's
 * audit repository: a proof reads only the leaves appended since, never the entries' payloads, and a tree is
 * built once per checkpoint size. The rows are append-only (the database refuses edits).
 */
interface LeafCache {
  leaves: Buffer;
  count: number;
  tree: MerkleTree | null;
  /** Requests take turns extending the cache. */
  turn: Promise<unknown>;
}

const caches = new WeakMap<object, LeafCache>();

async function extend(repositories: Repositories, cache: LeafCache, size: number): Promise<void> {
  while (cache.count < size) {
    const hashes = await repositories.audit.leafHashes(cache.count, Math.min(size, cache.count + LEAF_PAGE));
    if (hashes.length === 0) throw new Error(`the audit log has no entry ${cache.count} below size ${size}`);
    const needed = (cache.count + hashes.length) * HASH_SIZE;
    if (needed > cache.leaves.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, cache.leaves.length * 2));
      cache.leaves.copy(grown, 0, 0, cache.count * HASH_SIZE);
      cache.leaves = grown;
    }
    for (const hex of hashes) {
      cache.leaves.write(hex, cache.count * HASH_SIZE, HASH_SIZE, "hex");
      cache.count++;
    }
  }
}

/** The Merkle tree of the log's first `size` stored leaf hashes. */
async function treeOf(repositories: Repositories, size: number): Promise<MerkleTree> {
  let cache = caches.get(repositories.audit);
  if (cache === undefined) {
    cache = { leaves: Buffer.alloc(0), count: 0, tree: null, turn: Promise.resolve() };
    caches.set(repositories.audit, cache);
  }
  const mine = cache;
  const built = mine.turn.then(async () => {
    if (mine.tree?.size === size) return mine.tree;
    await extend(repositories, mine, size);
    const leaves = Array.from({ length: size }, (_, i) =>
      mine.leaves.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE),
    );
    const tree = MerkleTree.fromLeafHashes(leaves);
    // Keep the tree of the largest size asked: the latest checkpoint's, which most requests want.
    if (mine.tree === null || mine.tree.size <= size) mine.tree = tree;
    return tree;
  });
  mine.turn = built.catch(() => undefined);
  return built;
}

export interface ProvedEntry {
  readonly entry: AuditEntry;
  /** Null when the entry came after the latest signed checkpoint: the next one covers it. */
  readonly proof: EntryProof | null;
}

/** The entries, each with its inclusion proof in the latest trusted checkpoint. */
export async function provedEntries(
  repositories: Repositories,
  key: KeyObject,
  entries: readonly AuditEntry[],
): Promise<{ readonly checkpoint: Checkpoint | null; readonly entries: readonly ProvedEntry[] }> {
  const checkpoint = await latestTrustedCheckpoint(repositories, key);
  const size = checkpoint === null ? 0 : Math.min(checkpoint.treeSize, await repositories.audit.size());
  const covered = entries.filter((e) => e.seq < size);
  const proofs = covered.length === 0 ? new Map() : proveEntries(await treeOf(repositories, size), covered);
  return {
    checkpoint,
    entries: entries.map((entry) => ({ entry, proof: proofs.get(entry.seq) ?? null })),
  };
}
