// The audit key file: created once with mode 0600 and a .pub beside it, reread unchanged, bad files refused.
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { keyIdOf, signCheckpoint, verifyCheckpoint } from "../../domain/audit/checkpoint.js";
import { isTruceError, type TruceErrorCode } from "../../errors.js";
import {
  defaultAuditKeyPath,
  loadAuditKey,
  loadAuditPublicKey,
  loadOrCreateAuditKey,
  publicKeyPathFor,
} from "./audit-key.js";

const root = mkdtempSync(join(tmpdir(), "truce-audit-key-"));
after(() => rmSync(root, { recursive: true, force: true }));

const isCode = (code: TruceErrorCode) => (e: unknown) => isTruceError(e) && e.code === code;
const head = { treeSize: 1, rootHash: "ab".repeat(32), at: "2017-01-24T00:00:00Z" };

describe("loadOrCreateAuditKey", () => {
  it("creates the key with mode 0600 and its public half beside it, and prints nothing", () => {
    const dir = mkdtempSync(join(root, "create-"));
    const path = join(dir, "truce-audit.key");
    const writes: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    let key: ReturnType<typeof loadOrCreateAuditKey>;
    try {
      key = loadOrCreateAuditKey(path);
    } finally {
      process.stdout.write = original;
    }
    assert.deepEqual(writes, []);
    if (process.platform !== "win32") assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.match(readFileSync(path, "utf8"), /BEGIN PRIVATE KEY/);
    assert.equal(key.publicPath, join(dir, "truce-audit.pub"));
    assert.match(readFileSync(key.publicPath, "utf8"), /BEGIN PUBLIC KEY/);
    assert.equal(key.keyId, keyIdOf(key.publicKey));
    // No temporary files left behind.
    assert.deepEqual(readdirSync(dir).sort(), ["truce-audit.key", "truce-audit.pub"]);
  });

  it("rereads the same key on later use, and recreates a deleted .pub", () => {
    const path = join(mkdtempSync(join(root, "reuse-")), "truce-audit.key");
    const first = loadOrCreateAuditKey(path);
    rmSync(first.publicPath);
    const second = loadOrCreateAuditKey(path);
    assert.equal(second.keyId, first.keyId);
    assert.ok(existsSync(first.publicPath));
    assert.equal(loadAuditKey(path).keyId, first.keyId);
  });

  it("signs checkpoints that the .pub alone verifies", () => {
    const key = loadOrCreateAuditKey(join(mkdtempSync(join(root, "sign-")), "truce-audit.key"));
    const checkpoint = signCheckpoint(head, key.privateKey, key.publicKey);
    assert.equal(verifyCheckpoint(checkpoint, loadAuditPublicKey(key.publicPath)), "ok");
    assert.equal(verifyCheckpoint(checkpoint, loadAuditPublicKey(key.path)), "ok");
  });

  it("says clearly when the folder cannot hold the key", () => {
    assert.throws(
      () => loadOrCreateAuditKey(join(root, "no-such-folder", "truce-audit.key")),
      isCode("TRUCE_E_AUDIT_KEY_UNREADABLE"),
    );
  });
});

describe("bad key files", () => {
  it("refuses a file that is not a PEM key, naming the file", () => {
    const path = join(root, "garbage.key");
    writeFileSync(path, "not a key\n");
    assert.throws(
      () => loadOrCreateAuditKey(path),
      (e: unknown) =>
        isCode("TRUCE_E_AUDIT_KEY_INVALID")(e) && e instanceof Error && e.message.includes(path),
    );
    assert.throws(() => loadAuditPublicKey(path), isCode("TRUCE_E_AUDIT_KEY_INVALID"));
  });

  it("refuses an RSA key, and a public key where the private key is needed", () => {
    const rsa = join(root, "rsa.key");
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
    writeFileSync(rsa, privateKey.export({ format: "pem", type: "pkcs8" }));
    assert.throws(() => loadAuditKey(rsa), /rsa key; the audit log is signed with Ed25519/);
    assert.throws(() => loadAuditPublicKey(rsa), isCode("TRUCE_E_AUDIT_KEY_INVALID"));
    const pub = loadOrCreateAuditKey(join(mkdtempSync(join(root, "pub-")), "truce-audit.key")).publicPath;
    assert.throws(() => loadAuditKey(pub), /holds only a public key/);
  });

  it("refuses an unreadable file and a folder with their own error", () => {
    const folder = join(root, "a-folder.key");
    mkdirSync(folder);
    assert.throws(() => loadAuditKey(folder), isCode("TRUCE_E_AUDIT_KEY_UNREADABLE"));
    if (process.platform !== "win32" && process.getuid?.() !== 0) {
      const locked = join(root, "locked.key");
      writeFileSync(locked, "x");
      chmodSync(locked, 0o000);
      assert.throws(() => loadAuditKey(locked), isCode("TRUCE_E_AUDIT_KEY_UNREADABLE"));
    }
  });

  it("never creates a key when only verifying", () => {
    const path = join(root, "absent", "truce-audit.key");
    assert.throws(() => loadAuditKey(path), isCode("TRUCE_E_FILE_NOT_FOUND"));
    assert.throws(() => loadAuditPublicKey(path), isCode("TRUCE_E_FILE_NOT_FOUND"));
    assert.equal(existsSync(path), false);
  });
});

describe("paths", () => {
  it("defaults to truce-audit.key in the working directory and puts .pub beside it", () => {
    assert.equal(defaultAuditKeyPath("/srv/truce"), "/srv/truce/truce-audit.key");
    assert.equal(publicKeyPathFor("/srv/truce/truce-audit.key"), "/srv/truce/truce-audit.pub");
    assert.equal(publicKeyPathFor("/keys/audit.pem"), "/keys/audit.pem.pub");
  });
});
