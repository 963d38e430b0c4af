// The audit log's Ed25519 key file: created once (mode 0600) outside the database, read on every signature.
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from "node:crypto";
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { keyIdOf } from "../../domain/audit/checkpoint.js";
import { TruceError } from "../../errors.js";

export const AUDIT_KEY_FILE = "truce-audit.key";

export interface AuditSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly keyId: string;
  readonly path: string;
  /** The public half beside it, for verifiers who must not hold the private key. */
  readonly publicPath: string;
}

/** ./truce-audit.key in the working directory: beside the database file, never inside it. */
export const defaultAuditKeyPath = (cwd: string = process.cwd()): string => resolve(cwd, AUDIT_KEY_FILE);

/** truce-audit.key → truce-audit.pub; any other name gets ".pub" appended. */
export const publicKeyPathFor = (keyPath: string): string =>
  keyPath.endsWith(".key") ? `${keyPath.slice(0, -".key".length)}.pub` : `${keyPath}.pub`;

const errnoOf = (error: unknown): string | undefined =>
  error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;

function readKeyFile(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (errnoOf(error) === "ENOENT") return null;
    throw new TruceError(
      "TRUCE_E_AUDIT_KEY_UNREADABLE",
      `cannot read the audit key file ${path} (${errnoOf(error) ?? String(error)}): check its permissions, or pass another with --audit-key`,
      { subject: path, cause: error },
    );
  }
}

/**
 * Writes the file only if nothing is there yet, all at once: the content goes to a private temporary file
 * first and is hard-linked into place, so two processes starting together never see a half-written key
 * and never overwrite each other's (the loser of the race reads the winner's key).
 */
function createExclusive(path: string, content: string, mode: number): boolean {
  const temporary = join(dirname(path), `.${randomBytes(6).toString("hex")}.tmp`);
  const fd = openSync(temporary, "wx", mode);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if (errnoOf(error) === "EEXIST") return false;
    // A file system without hard links: fall back to an exclusive create, which still never overwrites.
    if (errnoOf(error) !== "EPERM" && errnoOf(error) !== "ENOTSUP") throw error;
  } finally {
    unlinkSync(temporary);
  }
  let direct: number;
  try {
    direct = openSync(path, "wx", mode);
  } catch (error) {
    if (errnoOf(error) === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(direct, content);
    fsyncSync(direct);
  } finally {
    closeSync(direct);
  }
  return true;
}

function parsePrivate(pem: string, path: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    const isPublic = /-----BEGIN PUBLIC KEY-----/.test(pem);
    throw new TruceError(
      "TRUCE_E_AUDIT_KEY_INVALID",
      isPublic
        ? `${path} holds only a public key: signing checkpoints needs the private key file`
        : `${path} is not a PEM private key: restore the audit key file from its backup (a new key cannot sign for the old log)`,
      { subject: path, cause: error },
    );
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new TruceError(
      "TRUCE_E_AUDIT_KEY_INVALID",
      `${path} holds a ${key.asymmetricKeyType ?? "unknown"} key; the audit log is signed with Ed25519`,
      { subject: path },
    );
  }
  return key;
}

function toSigningKey(privateKey: KeyObject, path: string): AuditSigningKey {
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey), path, publicPath: publicKeyPathFor(path) };
}

export const publicKeyPem = (publicKey: KeyObject): string =>
  publicKey.export({ format: "pem", type: "spki" }).toString();

/** Writes the public half beside the key if it is not there yet (mode 0644: it is meant to be handed out). */
function ensurePublicFile(key: AuditSigningKey): void {
  try {
    createExclusive(key.publicPath, publicKeyPem(key.publicKey), 0o644);
  } catch (error) {
    throw new TruceError(
      "TRUCE_E_AUDIT_KEY_UNREADABLE",
      `cannot write the audit public key ${key.publicPath} (${errnoOf(error) ?? String(error)})`,
      { subject: key.publicPath, cause: error },
    );
  }
}

/** Loads the signing key, creating it (and its .pub) on first use; prints nothing. */
export function loadOrCreateAuditKey(path: string): AuditSigningKey {
  const absolute = resolve(path);
  let pem = readKeyFile(absolute);
  if (pem === null) {
    const { privateKey } = generateKeyPairSync("ed25519");
    const fresh = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    try {
      createExclusive(absolute, fresh, 0o600);
    } catch (error) {
      throw new TruceError(
        "TRUCE_E_AUDIT_KEY_UNREADABLE",
        `cannot create the audit key file ${absolute} (${errnoOf(error) ?? String(error)}): check that its folder exists and is writable, or pass another with --audit-key`,
        { subject: absolute, cause: error },
      );
    }
    // Whoever won a creation race, the file on disk is the key.
    pem = readKeyFile(absolute) ?? fresh;
  }
  const key = toSigningKey(parsePrivate(pem, absolute), absolute);
  ensurePublicFile(key);
  return key;
}

/** Loads an existing signing key; a missing file is an error (verification must never mint a new key). */
export function loadAuditKey(path: string): AuditSigningKey {
  const absolute = resolve(path);
  const pem = readKeyFile(absolute);
  if (pem === null) {
    throw new TruceError("TRUCE_E_FILE_NOT_FOUND", `the audit key file ${absolute} does not exist`, {
      subject: absolute,
    });
  }
  return toSigningKey(parsePrivate(pem, absolute), absolute);
}

/**
 * The trusted public key for verification, from either the .pub file or the private key file: a verifier
 * may be given only the public half.
 */
export function loadAuditPublicKey(path: string): KeyObject {
  const absolute = resolve(path);
  const pem = readKeyFile(absolute);
  if (pem === null) {
    throw new TruceError(
      "TRUCE_E_FILE_NOT_FOUND",
      `the audit key file ${absolute} does not exist: pass the log's truce-audit.pub (or .key) with --audit-key`,
      { subject: absolute },
    );
  }
  let key: KeyObject;
  try {
    key = /-----BEGIN PUBLIC KEY-----/.test(pem)
      ? createPublicKey(pem)
      : createPublicKey(createPrivateKey(pem));
  } catch (error) {
    throw new TruceError("TRUCE_E_AUDIT_KEY_INVALID", `${absolute} is not a PEM public or private key`, {
      subject: absolute,
      cause: error,
    });
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new TruceError(
      "TRUCE_E_AUDIT_KEY_INVALID",
      `${absolute} holds a ${key.asymmetricKeyType ?? "unknown"} key; the audit log is signed with Ed25519`,
      { subject: absolute },
    );
  }
  return key;
}
