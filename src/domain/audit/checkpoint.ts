// Signed checkpoints: an Ed25519 signature over the tree size and root, in the C2SP signed-note style.
import { createHash, type KeyObject, sign, verify } from "node:crypto";
import { TruceError } from "../../errors.js";

export interface Checkpoint {
  readonly treeSize: number;
  /** Merkle root of the first treeSize entries, hex. */
  readonly rootHash: string;
  readonly at: string;
  /** First 8 bytes of SHA-256 of the raw public key, hex: names the key without trusting it. */
  readonly keyId: string;
  /** Ed25519 signature of checkpointBody(…), base64. */
  readonly signature: string;
}

export type CheckpointStatus = "ok" | "unknown_key" | "bad_signature";

/** The note's first line: a signature over a Truce audit log cannot be replayed as some other statement. */
export const CHECKPOINT_ORIGIN = "truce-audit";

const HEX_ROOT = /^[0-9a-f]{64}$/;

function checkFields(treeSize: number, rootHash: string, at: string): string | null {
  if (!Number.isSafeInteger(treeSize) || treeSize < 0) return `tree size ${treeSize} is not an integer ≥ 0`;
  if (!HEX_ROOT.test(rootHash)) return "root hash is not 64 lowercase hex digits";
  // A newline in `at` could forge a different note body; nothing legitimate needs one.
  if (at === "" || /[\n\r]/.test(at)) return "time is empty or spans lines";
  return null;
}

/** The exact bytes signed: "truce-audit\n<treeSize>\n<root base64>\n<at>\n". */
export function checkpointBody(treeSize: number, rootHash: string, at: string): Buffer {
  const problem = checkFields(treeSize, rootHash, at);
  if (problem !== null) throw new TruceError("TRUCE_E_AUDIT_ENTRY_INVALID", `checkpoint ${problem}`);
  const root64 = Buffer.from(rootHash, "hex").toString("base64");
  return Buffer.from(`${CHECKPOINT_ORIGIN}\n${treeSize}\n${root64}\n${at}\n`, "utf8");
}

function checkEd25519(key: KeyObject, type: "public" | "private"): void {
  if (key.asymmetricKeyType !== "ed25519" || key.type !== type) {
    throw new TruceError(
      "TRUCE_E_AUDIT_KEY_INVALID",
      `the audit key must be an Ed25519 ${type} key, not a ${key.asymmetricKeyType ?? key.type} ${key.type} key`,
    );
  }
}

/** The 32 raw bytes of an Ed25519 public key (RFC 8032), read from its JWK form. */
export function rawPublicKey(publicKey: KeyObject): Buffer {
  checkEd25519(publicKey, "public");
  const { x } = publicKey.export({ format: "jwk" });
  if (typeof x !== "string")
    throw new TruceError("TRUCE_E_AUDIT_KEY_INVALID", "the public key has no x value");
  return Buffer.from(x, "base64url");
}

/** keyId = hex of the first 8 bytes of SHA-256(raw public key). */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256").update(rawPublicKey(publicKey)).digest().subarray(0, 8).toString("hex");
}

export function signCheckpoint(
  head: { readonly treeSize: number; readonly rootHash: string; readonly at: string },
  privateKey: KeyObject,
  publicKey: KeyObject,
): Checkpoint {
  checkEd25519(privateKey, "private");
  const body = checkpointBody(head.treeSize, head.rootHash, head.at);
  const signature = sign(null, body, privateKey).toString("base64");
  // Sign-then-verify: a private key that does not match the public one would write checkpoints no
  // verifier accepts, and that must fail now rather than at the next audit.
  if (!verify(null, body, publicKey, Buffer.from(signature, "base64"))) {
    throw new TruceError("TRUCE_E_AUDIT_KEY_INVALID", "the audit private key does not match its public key");
  }
  return {
    treeSize: head.treeSize,
    rootHash: head.rootHash,
    at: head.at,
    keyId: keyIdOf(publicKey),
    signature,
  };
}

/** Whether the checkpoint was signed by this trusted key: a different keyId means another key signed it. */
export function verifyCheckpoint(checkpoint: Checkpoint, trustedPublicKey: KeyObject): CheckpointStatus {
  if (checkpoint.keyId !== keyIdOf(trustedPublicKey)) return "unknown_key";
  if (checkFields(checkpoint.treeSize, checkpoint.rootHash, checkpoint.at) !== null) return "bad_signature";
  const signature = Buffer.from(checkpoint.signature, "base64");
  if (signature.length !== 64) return "bad_signature";
  try {
    const body = checkpointBody(checkpoint.treeSize, checkpoint.rootHash, checkpoint.at);
    return verify(null, body, trustedPublicKey, signature) ? "ok" : "bad_signature";
  } catch {
    return "bad_signature";
  }
}
