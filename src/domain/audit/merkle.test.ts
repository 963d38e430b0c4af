// RFC 6962 hashing against the Certificate Transparency reference vectors, and proofs for every shape of tree.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  MerkleAccumulator,
  MerkleTree,
  merkleRoot,
  nodeHash,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
} from "./merkle.js";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const unhex = (s: string): Buffer => Buffer.from(s, "hex");

// The leaves, tree heads and proofs of the CT reference implementation's merkle_tree_test (also in
// transparency-dev/merkle testonly): data only, so that our tree agrees with every other RFC 6962 log.
const CT_LEAVES = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
].map((h) => leafHash(unhex(h)));
const CT_ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
const CT_INCLUSION = [
  {
    index: 0,
    size: 8,
    proof: [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
  { index: 2, size: 3, proof: ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
  {
    index: 1,
    size: 5,
    proof: [
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
  },
];
const CT_CONSISTENCY = [
  {
    m: 1,
    n: 8,
    proof: [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  },
  {
    m: 6,
    n: 8,
    proof: [
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
  {
    m: 2,
    n: 5,
    proof: [
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
  },
];

/** RFC 6962 §2.1 written as literally as possible: the oracle the fast implementations are checked against. */
function referenceRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return createHash("sha256").digest();
  if (leaves.length === 1) return leaves[0] as Buffer;
  const k = splitPoint(leaves.length);
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

const syntheticLeaves = (n: number, salt = 0): Buffer[] =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`entry ${i} salt ${salt}`)));

const flipBit = (b: Uint8Array, bit: number): Buffer => {
  const copy = Buffer.from(b);
  copy[Math.floor(bit / 8) % copy.length] =
    (copy[Math.floor(bit / 8) % copy.length] as number) ^ (1 << (bit % 8));
  return copy;
};

describe("RFC 6962 hashing", () => {
  it("hashes the empty tree to SHA-256 of nothing", () => {
    assert.equal(hex(EMPTY_ROOT), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert.equal(hex(merkleRoot([])), hex(EMPTY_ROOT));
    assert.equal(hex(new MerkleAccumulator().root()), hex(EMPTY_ROOT));
  });

  it("gives the CT reference root for every size 1..8", () => {
    for (let n = 1; n <= 8; n++) {
      assert.equal(hex(merkleRoot(CT_LEAVES, n)), CT_ROOTS[n - 1], `size ${n}`);
      assert.equal(hex(MerkleTree.fromLeafHashes(CT_LEAVES.slice(0, n)).root()), CT_ROOTS[n - 1]);
      assert.equal(hex(MerkleTree.fromLeafHashes(CT_LEAVES).root(n)), CT_ROOTS[n - 1]);
    }
  });

  it("splits at the largest power of two below n, not at the midpoint", () => {
    const expected: Record<number, number> = { 2: 1, 3: 2, 4: 2, 5: 4, 6: 4, 7: 4, 8: 4, 9: 8, 1000: 512 };
    for (const [n, k] of Object.entries(expected)) assert.equal(splitPoint(Number(n)), k);
  });

  it("agrees with the literal recursive definition for every size 0..130", () => {
    const leaves = syntheticLeaves(130);
    const tree = MerkleTree.fromLeafHashes(leaves);
    const acc = new MerkleAccumulator();
    for (let n = 0; n <= leaves.length; n++) {
      const want = hex(referenceRoot(leaves.slice(0, n)));
      assert.equal(hex(merkleRoot(leaves, n)), want, `merkleRoot ${n}`);
      assert.equal(hex(tree.root(n)), want, `MerkleTree.root ${n}`);
      assert.equal(hex(acc.root()), want, `accumulator ${n}`);
      const next = leaves[n];
      if (next) acc.append(next);
    }
  });

  it("separates leaves from nodes: a leaf holding two hashes is not their parent", () => {
    const [a, b] = syntheticLeaves(2) as [Buffer, Buffer];
    assert.notEqual(hex(leafHash(Buffer.concat([a, b]))), hex(nodeHash(a, b)));
  });
});

describe("inclusion proofs", () => {
  it("reproduces the CT reference audit paths and verifies them", () => {
    for (const { index, size, proof } of CT_INCLUSION) {
      assert.deepEqual(inclusionProof(CT_LEAVES, index, size).map(hex), proof);
      assert.deepEqual(MerkleTree.fromLeafHashes(CT_LEAVES).inclusionProof(index, size).map(hex), proof);
      const root = unhex(CT_ROOTS[size - 1] as string);
      assert.ok(verifyInclusion(CT_LEAVES[index] as Buffer, index, size, proof.map(unhex), root));
    }
  });

  it("verifies every index of every tree of size 1..70, and rejects a wrong index, leaf or path", () => {
    const leaves = syntheticLeaves(70);
    const tree = MerkleTree.fromLeafHashes(leaves);
    for (let n = 1; n <= 70; n++) {
      const root = merkleRoot(leaves, n);
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(leaves, i, n);
        assert.ok(proof.length <= Math.ceil(Math.log2(n)), `proof for ${i}/${n} is O(log n)`);
        assert.deepEqual(tree.inclusionProof(i, n).map(hex), proof.map(hex), `tree proof ${i}/${n}`);
        const leaf = leaves[i] as Buffer;
        assert.ok(verifyInclusion(leaf, i, n, proof, root), `proof ${i}/${n}`);
        if (n > 1) {
          assert.equal(verifyInclusion(leaf, (i + 1) % n, n, proof, root), false, `wrong index ${i}/${n}`);
          assert.equal(verifyInclusion(leaves[(i + 1) % n] as Buffer, i, n, proof, root), false);
        }
        // The tree size is not checked here on purpose: it comes from the signed checkpoint, and a path of
        // the same shape (leaf 0 of 3 and of 4) can legitimately fit two sizes.
        assert.equal(verifyInclusion(leaf, i, 2 * n + 2, proof, root), false, `far wrong size ${i}/${n}`);
        assert.equal(verifyInclusion(leaf, i, n, [...proof, root], root), false, `extra hash ${i}/${n}`);
        if (proof.length > 0) {
          assert.equal(verifyInclusion(leaf, i, n, proof.slice(1), root), false, `short proof ${i}/${n}`);
        }
      }
    }
  });

  it("rejects an index outside the tree", () => {
    const leaves = syntheticLeaves(4);
    assert.throws(() => inclusionProof(leaves, 4), RangeError);
    assert.throws(() => inclusionProof(leaves, -1), RangeError);
    assert.equal(verifyInclusion(leaves[0] as Buffer, 4, 4, [], merkleRoot(leaves)), false);
    assert.equal(verifyInclusion(leaves[0] as Buffer, 0, 0, [], EMPTY_ROOT), false);
  });

  it("property: every proof verifies and any flipped bit in leaf, proof or root fails", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            index: fc.integer({ min: 0, max: n - 1 }),
            bit: fc.integer({ min: 0, max: 255 }),
            salt: fc.nat(),
          }),
        ),
        ({ n, index, bit, salt }) => {
          const leaves = syntheticLeaves(n, salt);
          const root = merkleRoot(leaves);
          const proof = inclusionProof(leaves, index);
          const leaf = leaves[index] as Buffer;
          assert.ok(verifyInclusion(leaf, index, n, proof, root));
          assert.equal(verifyInclusion(flipBit(leaf, bit), index, n, proof, root), false);
          assert.equal(verifyInclusion(leaf, index, n, proof, flipBit(root, bit)), false);
          if (proof.length > 0) {
            const at = bit % proof.length;
            const bad = proof.map((p, i) => (i === at ? flipBit(p, bit) : p));
            assert.equal(verifyInclusion(leaf, index, n, bad, root), false);
          }
        },
      ),
      { seed: 6962, numRuns: 200 },
    );
  });
});

describe("consistency proofs", () => {
  it("reproduces the CT reference consistency proofs and verifies them", () => {
    for (const { m, n, proof } of CT_CONSISTENCY) {
      assert.deepEqual(consistencyProof(CT_LEAVES, m, n).map(hex), proof, `${m}→${n}`);
      const oldRoot = unhex(CT_ROOTS[m - 1] as string);
      const newRoot = unhex(CT_ROOTS[n - 1] as string);
      assert.ok(verifyConsistency(m, n, proof.map(unhex), oldRoot, newRoot));
    }
  });

  it("verifies every pair m ≤ n ≤ 40 and rejects swapped roots or a changed old tree", () => {
    const leaves = syntheticLeaves(40);
    const other = syntheticLeaves(40, 1);
    const tree = MerkleTree.fromLeafHashes(leaves);
    for (let n = 1; n <= 40; n++) {
      const newRoot = merkleRoot(leaves, n);
      for (let m = 0; m <= n; m++) {
        const oldRoot = merkleRoot(leaves, m);
        const proof = consistencyProof(leaves, m, n);
        assert.deepEqual(tree.consistencyProof(m, n).map(hex), proof.map(hex));
        assert.ok(verifyConsistency(m, n, proof, oldRoot, newRoot), `${m}→${n}`);
        if (m > 0 && m < n) {
          assert.equal(verifyConsistency(m, n, proof, newRoot, oldRoot), false, `swapped ${m}→${n}`);
          // A log that rewrote its first m entries cannot prove it only appended to them.
          assert.equal(verifyConsistency(m, n, proof, merkleRoot(other, m), newRoot), false);
          assert.equal(verifyConsistency(m, n, proof, oldRoot, merkleRoot(other, n)), false);
          assert.equal(verifyConsistency(m - 1, n, proof, oldRoot, newRoot), false, `wrong m ${m}→${n}`);
        }
      }
    }
  });

  it("property: any flipped bit in a consistency proof fails", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 200 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            m: fc.integer({ min: 1, max: n - 1 }),
            bit: fc.integer({ min: 0, max: 255 }),
          }),
        ),
        ({ n, m, bit }) => {
          const leaves = syntheticLeaves(n);
          const proof = consistencyProof(leaves, m, n);
          const oldRoot = merkleRoot(leaves, m);
          const newRoot = merkleRoot(leaves, n);
          assert.ok(verifyConsistency(m, n, proof, oldRoot, newRoot));
          const at = bit % proof.length;
          const bad = proof.map((p, i) => (i === at ? flipBit(p, bit) : p));
          assert.equal(verifyConsistency(m, n, bad, oldRoot, newRoot), false);
        },
      ),
      { seed: 9162, numRuns: 200 },
    );
  });

  it("treats the empty and the identical tree as the RFC does", () => {
    const leaves = syntheticLeaves(5);
    const root = merkleRoot(leaves);
    assert.deepEqual(consistencyProof(leaves, 0), []);
    assert.deepEqual(consistencyProof(leaves, 5), []);
    assert.ok(verifyConsistency(0, 5, [], EMPTY_ROOT, root));
    assert.ok(verifyConsistency(5, 5, [], root, root));
    assert.equal(verifyConsistency(5, 5, [], root, merkleRoot(leaves, 4)), false);
    assert.equal(verifyConsistency(3, 5, [], merkleRoot(leaves, 3), root), false);
    assert.throws(() => consistencyProof(leaves, 6, 5), RangeError);
  });
});

describe("MerkleAccumulator", () => {
  it("resumes from its saved state and keeps only one hash per set bit of the size", () => {
    const leaves = syntheticLeaves(77);
    const acc = new MerkleAccumulator();
    for (const leaf of leaves.slice(0, 45)) acc.append(leaf);
    const state = acc.state();
    assert.equal(state.size, 45);
    assert.equal(state.frontier.length, 4); // 45 = 0b101101
    const resumed = MerkleAccumulator.fromState(state);
    for (const leaf of leaves.slice(45)) resumed.append(leaf);
    assert.equal(hex(resumed.root()), hex(merkleRoot(leaves)));
  });

  it("refuses a state whose frontier does not fit its size", () => {
    assert.throws(() => MerkleAccumulator.fromState({ size: 3, frontier: ["00".repeat(32)] }), RangeError);
    assert.throws(() => MerkleAccumulator.fromState({ size: 1, frontier: ["xyz"] }), RangeError);
  });
});
