// Passwords are kept as scrypt hashes (node:crypto, memory-hard): the parameters and a per-account salt are
// stored with the digest, so the cost can be raised later and older hashes still verify (and are re-hashed at
// the next sign-in).
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  readonly ln: number;
  /** Block size. */
  readonly r: number;
  /** Parallelism. */
  readonly p: number;
}

/** OWASP's first recommendation for scrypt: N = 2^17 (128 MiB of memory per hash), r = 8, p = 1. */
export const defaultScryptParams: ScryptParams = { ln: 17, r: 8, p: 1 };

const SALT_BYTES = 16;
const DIGEST_BYTES = 32;

export interface PasswordHasher {
  /** An encoded hash of the password with a new random salt. */
  hash(password: string): Promise<string>;
  /** Whether the password matches; false (never an error) for a hash this hasher cannot read. */
  verify(password: string, encoded: string): Promise<boolean>;
  /** Whether a stored hash was made with other parameters than this hasher's: re-hash it at the next sign-in. */
  needsRehash(encoded: string): boolean;
}

interface Decoded {
  readonly params: ScryptParams;
  readonly salt: Buffer;
  readonly digest: Buffer;
}

/** The PHC string format: `$scrypt$ln=17,r=8,p=1$<salt>$<digest>`, both in unpadded base64. */
export function encodeScrypt(params: ScryptParams, salt: Buffer, digest: Buffer): string {
  const b64 = (b: Buffer) => b.toString("base64").replace(/=+$/, "");
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(digest)}`;
}

export function decodeScrypt(encoded: string): Decoded | null {
  const m = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
    encoded,
  );
  if (m === null) return null;
  const [ln, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Bounds that keep a tampered row from asking for an absurd amount of memory or time.
  if (ln < 1 || ln > 22 || r < 1 || r > 32 || p < 1 || p > 16) return null;
  const salt = Buffer.from(m[4] ?? "", "base64");
  const digest = Buffer.from(m[5] ?? "", "base64");
  if (salt.length < 8 || digest.length < 16) return null;
  return { params: { ln, r, p }, salt, digest };
}

const derive = (password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const N = 2 ** params.ln;
    // scrypt needs 128·N·r bytes; node refuses above `maxmem` (32 MiB by default), so allow what is asked.
    const maxmem = 128 * N * params.r * params.p + 32 * 1024 * 1024;
    scrypt(password.normalize("NFC"), salt, length, { N, r: params.r, p: params.p, maxmem }, (error, key) =>
      error === null ? resolve(key) : reject(error),
    );
  });

export function scryptHasher(params: ScryptParams = defaultScryptParams): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      return encodeScrypt(params, salt, await derive(password, salt, params, DIGEST_BYTES));
    },
    async verify(password, encoded) {
      const decoded = decodeScrypt(encoded);
      if (decoded === null) return false;
      const actual = await derive(password, decoded.salt, decoded.params, decoded.digest.length);
      return timingSafeEqual(actual, decoded.digest);
    },
    needsRehash(encoded) {
      const decoded = decodeScrypt(encoded);
      return (
        decoded === null ||
        decoded.params.ln !== params.ln ||
        decoded.params.r !== params.r ||
        decoded.params.p !== params.p
      );
    },
  };
}
