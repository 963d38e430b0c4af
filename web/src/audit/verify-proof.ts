// Checks an audit entry's inclusion proof in the reader's own browser (RFC 9162 §2.1.3.2 with RFC 6962 hashing):
// the entry's bytes hash to its leaf, and the audit path leads from that leaf to the checkpoint's root. Nobody
// has to trust the server's word that the entry is in the log the checkpoint signs.
import type { InclusionProof } from "../api/types.js";

export type ProofCheck = "verified" | "mismatch" | "unavailable";

function fromHex(hex: string): Uint8Array | null {
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

async function sha256(prefix: number, ...parts: Uint8Array[]): Promise<Uint8Array> {
  const length = 1 + parts.reduce((n, p) => n + p.length, 0);
  const data = new Uint8Array(length);
  data[0] = prefix;
  let at = 1;
  for (const part of parts) {
    data.set(part, at);
    at += part.length;
  }
  return new Uint8Array(await crypto.subtle.digest("SHA-256", data));
}

const equal = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The signed checkpoint's tree: a path alone does not pin the tree's size, the signature does. */
export interface SignedTree {
  readonly rootHash: string;
  readonly treeSize: number;
}

/** Whether the proof holds; `unavailable` where the browser has no WebCrypto (a page not served securely). */
export async function checkInclusion(proof: InclusionProof, checkpoint: SignedTree): Promise<ProofCheck> {
  if (globalThis.crypto?.subtle === undefined) return "unavailable";
  if (proof.treeSize !== checkpoint.treeSize) return "mismatch";
  const root = fromHex(checkpoint.rootHash);
  const claimedLeaf = fromHex(proof.leafHash);
  const path = proof.proof.map(fromHex);
  if (root === null || claimedLeaf === null || path.some((p) => p === null || p.length !== 32))
    return "mismatch";
  const leaf = await sha256(0x00, new TextEncoder().encode(proof.entry));
  if (!equal(leaf, claimedLeaf)) return "mismatch";
  const { seq: index, treeSize } = proof;
  if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize) return "mismatch";
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of path as Uint8Array[]) {
    if (sn === 0) return "mismatch";
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(0x01, p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await sha256(0x01, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, root) ? "verified" : "mismatch";
}
