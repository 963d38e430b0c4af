// Signed checkpoints: the signed bytes, the key id, and what a changed field or another key does to them.
import assert from "node:assert/strict";
import { createHash, generateKeyPairSync } from "node:crypto";
import { describe, it } from "node:test";
import { isTruceError } from "../../errors.js";
import { checkpointBody, keyIdOf, rawPublicKey, signCheckpoint, verifyCheckpoint } from "./checkpoint.js";

const trusted = generateKeyPairSync("ed25519");
const other = generateKeyPairSync("ed25519");
const root = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";
const head = { treeSize: 8, rootHash: root, at: "2017-01-24T12:00:00Z" };

describe("checkpoint body", () => {
  it("is the signed-note text: origin, size, base64 root, time, each on its own line", () => {
    assert.equal(
      checkpointBody(8, root, head.at).toString("utf8"),
      `truce-audit\n8\n${Buffer.from(root, "hex").toString("base64")}\n2017-01-24T12:00:00Z\n`,
    );
  });

  it("refuses fields that could forge another body", () => {
    assert.throws(() => checkpointBody(8, root, "2017\n9"), isTruceError);
    assert.throws(() => checkpointBody(-1, root, head.at), isTruceError);
    assert.throws(() => checkpointBody(8, root.toUpperCase(), head.at), isTruceError);
  });
});

describe("keyIdOf", () => {
  it("is the first 8 bytes of SHA-256 of the 32-byte raw public key", () => {
    const raw = rawPublicKey(trusted.publicKey);
    assert.equal(raw.length, 32);
    assert.equal(keyIdOf(trusted.publicKey), createHash("sha256").update(raw).digest("hex").slice(0, 16));
    assert.notEqual(keyIdOf(trusted.publicKey), keyIdOf(other.publicKey));
  });

  it("refuses a key that is not Ed25519", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });
    assert.throws(
      () => keyIdOf(rsa.publicKey),
      (e: unknown) => isTruceError(e) && e.code === "TRUCE_E_AUDIT_KEY_INVALID",
    );
  });
});

describe("sign and verify", () => {
  const checkpoint = signCheckpoint(head, trusted.privateKey, trusted.publicKey);

  it("verifies with the trusted key", () => {
    assert.equal(checkpoint.keyId, keyIdOf(trusted.publicKey));
    assert.equal(Buffer.from(checkpoint.signature, "base64").length, 64);
    assert.equal(verifyCheckpoint(checkpoint, trusted.publicKey), "ok");
  });

  it("fails when any signed field changes", () => {
    for (const changed of [
      { ...checkpoint, treeSize: 9 },
      { ...checkpoint, rootHash: `${root.slice(0, -1)}9` },
      { ...checkpoint, at: "2017-01-24T12:00:01Z" },
      { ...checkpoint, signature: Buffer.alloc(64).toString("base64") },
      { ...checkpoint, signature: "not base64 at all" },
    ]) {
      assert.equal(verifyCheckpoint(changed, trusted.publicKey), "bad_signature");
    }
  });

  it("names another key as unknown, and another key's signature under our id as bad", () => {
    const resigned = signCheckpoint(head, other.privateKey, other.publicKey);
    assert.equal(verifyCheckpoint(resigned, trusted.publicKey), "unknown_key");
    assert.equal(
      verifyCheckpoint({ ...resigned, keyId: checkpoint.keyId }, trusted.publicKey),
      "bad_signature",
    );
  });

  it("refuses to sign with a private key that does not match the public key", () => {
    assert.throws(
      () => signCheckpoint(head, other.privateKey, trusted.publicKey),
      (e: unknown) => isTruceError(e) && e.code === "TRUCE_E_AUDIT_KEY_INVALID",
    );
  });
});
