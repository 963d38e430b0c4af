// Secrets handed to a browser (session cookie, CSRF token) or a script (API token): random, and stored only
// as their SHA-256, so a copy of the database opens no session and authenticates no script.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 256 random bits, base64url (43 characters), with an optional prefix that says what the secret is for. */
export const newSecret = (prefix = ""): string => `${prefix}${randomBytes(32).toString("base64url")}`;

/** What the store keeps of a secret: its SHA-256 in hex. */
export const secretHash = (secret: string): string =>
  createHash("sha256").update(secret, "utf8").digest("hex");

/** Compares two secrets in time that does not depend on where they first differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = createHash("sha256").update(a, "utf8").digest();
  const y = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(x, y);
}
