import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeScrypt, scryptHasher } from "./password-hasher.js";

describe("scrypt password hasher", () => {
  const hasher = scryptHasher({ ln: 4, r: 8, p: 1 });

  it("verifies the password it hashed and refuses any other", async () => {
    const encoded = await hasher.hash("correct horse battery staple");
    assert.match(encoded, /^\$scrypt\$ln=4,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    assert.equal(await hasher.verify("correct horse battery staple", encoded), true);
    assert.equal(await hasher.verify("correct horse battery stapler", encoded), false);
    assert.equal(await hasher.verify("", encoded), false);
  });

  it("salts every hash: one password twice gives two hashes", async () => {
    const [a, b] = [await hasher.hash("same password!"), await hasher.hash("same password!")];
    assert.notEqual(a, b);
    assert.notDeepEqual(decodeScrypt(a)?.salt, decodeScrypt(b)?.salt);
  });

  it("treats composed and decomposed accents as one password", async () => {
    const encoded = await hasher.hash("caf\u00e9 au lait s'il vous pla\u00eet");
    assert.equal(await hasher.verify("cafe\u0301 au lait s'il vous pla\u00eet", encoded), true);
  });

  it("refuses, without an error, hashes it cannot read or whose cost is out of bounds", async () => {
    for (const bad of [
      "",
      "plain",
      "$scrypt$ln=4,r=8,p=1$$",
      "$scrypt$ln=40,r=8,p=1$c2FsdHNhbHQ$ZGlnZXN0ZGlnZXN0ZGlnZXN0",
    ]) {
      assert.equal(await hasher.verify("anything at all", bad), false, bad);
    }
  });

  it("verifies hashes made with other parameters and says they need re-hashing", async () => {
    const older = await scryptHasher({ ln: 3, r: 8, p: 1 }).hash("an older password");
    assert.equal(await hasher.verify("an older password", older), true);
    assert.equal(hasher.needsRehash(older), true);
    assert.equal(hasher.needsRehash(await hasher.hash("a current one")), false);
  });
});
