// RFC 6962 Merkle tree hashing, inclusion and consistency proofs, and an append-only accumulator.
import { hash } from "node:crypto";

/** A SHA-256 digest: 32 bytes. */
export type Hash = Buffer;

export const HASH_SIZE = 32;

/** MTH({}) = SHA-256 of the empty string (RFC 6962 §2.1). */
export const EMPTY_ROOT: Hash = hash("sha256", Buffer.alloc(0), "buffer");

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

// One scratch buffer for 0x01 || left || right: crypto.hash reads it synchronously, so reuse is safe and
// spares an allocation per interior node (a million-leaf tree has a million of them).
const nodeScratch = Buffer.alloc(1 + 2 * HASH_SIZE);
nodeScratch[0] = NODE_PREFIX;

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function checkHash(value: Uint8Array, what: string): void {
  if (value.byteLength !== HASH_SIZE) {
    throw new RangeError(`${what} must be ${HASH_SIZE} bytes, not ${value.byteLength}`);
  }
}

/** Leaf hash: SHA-256(0x00 || data). The prefix keeps a leaf from being passed off as an interior node. */
export function leafHash(data: Uint8Array): Hash {
  const input = Buffer.allocUnsafe(1 + data.byteLength);
  input[0] = LEAF_PREFIX;
  input.set(data, 1);
  return hash("sha256", input, "buffer");
}

/** Interior node hash: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Hash {
  nodeScratch.set(left, 1);
  nodeScratch.set(right, 1 + HASH_SIZE);
  return hash("sha256", nodeScratch, "buffer");
}

/** Hashes the pair at byte offsets a and b of a packed buffer and writes the result at dst (dst ≤ a < b). */
function nodeHashInto(packed: Buffer, a: number, b: number, dst: number): void {
  packed.copy(nodeScratch, 1, a, a + HASH_SIZE);
  packed.copy(nodeScratch, 1 + HASH_SIZE, b, b + HASH_SIZE);
  hash("sha256", nodeScratch, "buffer").copy(packed, dst);
}

/** The largest power of two strictly smaller than n (n ≥ 2): RFC 6962's split point. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isPowerOfTwo = (n: number): boolean => n >= 1 && splitPoint(n + 1) === n;

function checkSize(size: number, what: string): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`${what} must be a non-negative integer`);
}

/**
 * Reduces a packed level (count hashes of 32 bytes) to its root in place, level by level: pairs are hashed
 * and an odd last node is carried up unchanged. That is the same tree as RFC 6962's recursive split at the
 * largest power of two, and it costs n − 1 hashes with no recursion.
 */
function reducePacked(packed: Buffer, count: number): Hash {
  let width = count;
  while (width > 1) {
    const pairs = Math.floor(width / 2);
    for (let j = 0; j < pairs; j++)
      nodeHashInto(packed, 2 * j * HASH_SIZE, (2 * j + 1) * HASH_SIZE, j * HASH_SIZE);
    if (width % 2 === 1) packed.copy(packed, pairs * HASH_SIZE, (width - 1) * HASH_SIZE, width * HASH_SIZE);
    width = pairs + (width % 2);
  }
  return Buffer.from(packed.subarray(0, HASH_SIZE));
}

/** MTH(D[lo:hi]) over leaf hashes, in O(hi − lo) hashes and one temporary buffer. */
function rangeRoot(leafHashes: readonly Uint8Array[], lo: number, hi: number): Hash {
  const count = hi - lo;
  if (count === 0) return EMPTY_ROOT;
  const packed = Buffer.allocUnsafe(count * HASH_SIZE);
  for (let i = 0; i < count; i++) {
    const leaf = leafHashes[lo + i] as Uint8Array;
    checkHash(leaf, `leaf hash ${lo + i}`);
    packed.set(leaf, i * HASH_SIZE);
  }
  return reducePacked(packed, count);
}

/** The Merkle Tree Hash of the first `size` leaf hashes (all of them by default). */
export function merkleRoot(leafHashes: readonly Uint8Array[], size = leafHashes.length): Hash {
  checkSize(size, "tree size");
  if (size > leafHashes.length)
    throw new RangeError(`tree size ${size} exceeds the ${leafHashes.length} leaves`);
  return rangeRoot(leafHashes, 0, size);
}

type RangeHash = (lo: number, hi: number) => Hash;

/** RFC 6962 §2.1.1 PATH(m, D[lo:hi]), siblings bottom-up; only the subtree hashes it names are computed. */
function path(m: number, lo: number, hi: number, rangeHash: RangeHash, out: Hash[]): void {
  if (hi - lo <= 1) return;
  const k = splitPoint(hi - lo);
  if (m < lo + k) {
    path(m, lo, lo + k, rangeHash, out);
    out.push(rangeHash(lo + k, hi));
  } else {
    path(m, lo + k, hi, rangeHash, out);
    out.push(rangeHash(lo, lo + k));
  }
}

/** RFC 6962 §2.1.2 SUBPROOF(m, D[lo:hi], b). */
function subproof(
  m: number,
  lo: number,
  hi: number,
  whole: boolean,
  rangeHash: RangeHash,
  out: Hash[],
): void {
  const n = hi - lo;
  if (m === n) {
    if (!whole) out.push(rangeHash(lo, hi));
    return;
  }
  const k = splitPoint(n);
  if (m <= k) {
    subproof(m, lo, lo + k, whole, rangeHash, out);
    out.push(rangeHash(lo + k, hi));
  } else {
    subproof(m - k, lo + k, hi, false, rangeHash, out);
    out.push(rangeHash(lo, lo + k));
  }
}

function inclusionWith(index: number, treeSize: number, rangeHash: RangeHash): Hash[] {
  checkSize(treeSize, "tree size");
  if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize) {
    throw new RangeError(`leaf index ${index} is outside a tree of ${treeSize} leaves`);
  }
  const out: Hash[] = [];
  path(index, 0, treeSize, rangeHash, out);
  return out;
}

function consistencyWith(m: number, n: number, rangeHash: RangeHash): Hash[] {
  checkSize(m, "old tree size");
  checkSize(n, "new tree size");
  if (m > n) throw new RangeError(`old tree size ${m} is larger than new tree size ${n}`);
  // Every tree is consistent with the empty tree and with itself: RFC 9162 §2.1.4 gives an empty proof.
  if (m === 0 || m === n) return [];
  const out: Hash[] = [];
  subproof(m, 0, n, true, rangeHash, out);
  return out;
}

/** Audit path for leaf `index` in the tree of the first `treeSize` leaves; O(treeSize) hashes, O(log n) long. */
export function inclusionProof(
  leafHashes: readonly Uint8Array[],
  index: number,
  treeSize = leafHashes.length,
): Hash[] {
  if (treeSize > leafHashes.length) throw new RangeError(`tree size ${treeSize} exceeds the leaves`);
  return inclusionWith(index, treeSize, (lo, hi) => rangeRoot(leafHashes, lo, hi));
}

/** Consistency proof that the first m leaves are a prefix of the first n (default: all leaves). */
export function consistencyProof(
  leafHashes: readonly Uint8Array[],
  m: number,
  n = leafHashes.length,
): Hash[] {
  if (n > leafHashes.length) throw new RangeError(`tree size ${n} exceeds the leaves`);
  return consistencyWith(m, n, (lo, hi) => rangeRoot(leafHashes, lo, hi));
}

const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

/** RFC 9162 §2.1.3.2: does `proof` lead from this leaf hash at `index` to `root` of a tree of `treeSize`? */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) {
    return false;
  }
  if (leaf.byteLength !== HASH_SIZE || root.byteLength !== HASH_SIZE) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r: Uint8Array = leaf;
  for (const p of proof) {
    if (p.byteLength !== HASH_SIZE || sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && asBuffer(r).equals(asBuffer(root));
}

/** RFC 9162 §2.1.4.2: is the tree of size n with `newRoot` an append-only extension of size m with `oldRoot`? */
export function verifyConsistency(
  m: number,
  n: number,
  proof: readonly Uint8Array[],
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 0 || m > n) return false;
  if (oldRoot.byteLength !== HASH_SIZE || newRoot.byteLength !== HASH_SIZE) return false;
  if (proof.some((p) => p.byteLength !== HASH_SIZE)) return false;
  if (m === n) return proof.length === 0 && asBuffer(oldRoot).equals(asBuffer(newRoot));
  if (m === 0) return proof.length === 0 && asBuffer(oldRoot).equals(EMPTY_ROOT);
  if (proof.length === 0) return false;
  // When m is a power of two the old root is itself a node of the new tree, so the proof omits it.
  const path: readonly Uint8Array[] = isPowerOfTwo(m) ? [oldRoot, ...proof] : proof;
  let fn = m - 1;
  let sn = n - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Uint8Array = path[0] as Uint8Array;
  let sr: Uint8Array = fr;
  for (let i = 1; i < path.length; i++) {
    const c = path[i] as Uint8Array;
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && asBuffer(fr).equals(asBuffer(oldRoot)) && asBuffer(sr).equals(asBuffer(newRoot));
}

/**
 * A whole tree kept level by level (packed, 32 bytes a node): built once in O(n) hashes and ~2n·32 bytes,
 * then roots of any prefix and proofs cost O(log² n) hashes — what `truce verify --proof N` needs.
 */
export class MerkleTree {
  readonly size: number;
  /** levels[l] holds ceil(size / 2^l) nodes; node j is a perfect subtree whenever (j + 1)·2^l ≤ size. */
  private readonly levels: Buffer[];

  private constructor(size: number, levels: Buffer[]) {
    this.size = size;
    this.levels = levels;
  }

  static fromLeafHashes(leafHashes: readonly Uint8Array[]): MerkleTree {
    const size = leafHashes.length;
    const base = Buffer.allocUnsafe(size * HASH_SIZE);
    leafHashes.forEach((leaf, i) => {
      checkHash(leaf, `leaf hash ${i}`);
      base.set(leaf, i * HASH_SIZE);
    });
    const levels = [base];
    let below = base;
    let width = size;
    while (width > 1) {
      const pairs = half(width);
      const next = Buffer.allocUnsafe((pairs + (width % 2)) * HASH_SIZE);
      for (let j = 0; j < pairs; j++) {
        below.copy(nodeScratch, 1, 2 * j * HASH_SIZE, (2 * j + 1) * HASH_SIZE);
        below.copy(nodeScratch, 1 + HASH_SIZE, (2 * j + 1) * HASH_SIZE, (2 * j + 2) * HASH_SIZE);
        hash("sha256", nodeScratch, "buffer").copy(next, j * HASH_SIZE);
      }
      if (isOdd(width)) below.copy(next, pairs * HASH_SIZE, (width - 1) * HASH_SIZE, width * HASH_SIZE);
      levels.push(next);
      below = next;
      width = pairs + (width % 2);
    }
    return new MerkleTree(size, levels);
  }

  leafHash(index: number): Hash {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.size) {
      throw new RangeError(`leaf index ${index} is outside a tree of ${this.size} leaves`);
    }
    return this.node(0, index);
  }

  root(size = this.size): Hash {
    this.checkPrefix(size);
    return this.rangeHash(0, size);
  }

  inclusionProof(index: number, size = this.size): Hash[] {
    this.checkPrefix(size);
    return inclusionWith(index, size, this.rangeHash);
  }

  consistencyProof(m: number, n = this.size): Hash[] {
    this.checkPrefix(n);
    return consistencyWith(m, n, this.rangeHash);
  }

  private checkPrefix(size: number): void {
    checkSize(size, "tree size");
    if (size > this.size) throw new RangeError(`tree size ${size} exceeds the ${this.size} leaves`);
  }

  private node(level: number, index: number): Hash {
    const start = index * HASH_SIZE;
    return Buffer.from((this.levels[level] as Buffer).subarray(start, start + HASH_SIZE));
  }

  /** MTH(D[lo:hi]): a stored node when the range is an aligned perfect subtree, else split as RFC 6962 does. */
  private readonly rangeHash = (lo: number, hi: number): Hash => {
    const n = hi - lo;
    if (n === 0) return EMPTY_ROOT;
    if (isPowerOfTwo(n) && lo % n === 0) return this.node(Math.round(Math.log2(n)), lo / n);
    const k = splitPoint(n);
    return nodeHash(this.rangeHash(lo, lo + k), this.rangeHash(lo + k, hi));
  };
}

/** What an accumulator must keep to resume: the tree size and the roots of its perfect subtrees, hex. */
export interface AccumulatorState {
  readonly size: number;
  readonly frontier: readonly string[];
}

const popcount = (n: number): number => {
  let bits = 0;
  for (let v = n; v > 0; v = half(v)) bits += v % 2;
  return bits;
};

/**
 * An append-only tree that remembers only its right edge: one perfect-subtree root per set bit of the size,
 * largest first. Appending costs amortised O(1) hashes, the root O(log n); memory is O(log n), so the store
 * can keep the current root as entries are appended without rereading the log.
 */
export class MerkleAccumulator {
  private count = 0;
  private readonly frontier: Hash[] = [];

  get size(): number {
    return this.count;
  }

  append(leaf: Uint8Array): void {
    checkHash(leaf, "leaf hash");
    let merged: Hash = Buffer.from(leaf);
    // Each trailing 1-bit of the old size is a perfect subtree the new leaf completes, exactly as in a binary
    // counter's carry.
    for (let s = this.count; isOdd(s); s = half(s)) merged = nodeHash(this.frontier.pop() as Hash, merged);
    this.frontier.push(merged);
    this.count += 1;
  }

  root(): Hash {
    const last = this.frontier.length - 1;
    if (last < 0) return EMPTY_ROOT;
    let r = this.frontier[last] as Hash;
    for (let i = last - 1; i >= 0; i--) r = nodeHash(this.frontier[i] as Hash, r);
    return r;
  }

  state(): AccumulatorState {
    return { size: this.count, frontier: this.frontier.map((h) => h.toString("hex")) };
  }

  static fromState(state: AccumulatorState): MerkleAccumulator {
    checkSize(state.size, "accumulator size");
    if (state.frontier.length !== popcount(state.size)) {
      throw new RangeError(`an accumulator of size ${state.size} keeps ${popcount(state.size)} hashes`);
    }
    const acc = new MerkleAccumulator();
    for (const hex of state.frontier) {
      if (!/^[0-9a-f]{64}$/.test(hex))
        throw new RangeError("accumulator frontier hashes must be 64 hex digits");
      acc.frontier.push(Buffer.from(hex, "hex"));
    }
    acc.count = state.size;
    return acc;
  }
}
