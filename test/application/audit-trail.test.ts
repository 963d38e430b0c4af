// Signing reads only the leaves appended since the last signing: its roots must be the roots of the whole log,
// across stores and transactions, and an incident's trail is read by subject.
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { openStore } from "../../src/adapters/store/open-store.js";
import {
  auditEntriesAbout,
  auditEntryAt,
  checkpointNow,
  recordAudit,
  verifyAuditLog,
} from "../../src/application/audit-trail.js";
import { merkleRoot } from "../../src/domain/audit/merkle.js";
import type { Store } from "../../src/ports/store.js";

const key = generateKeyPairSync("ed25519");
const AT = "2017-01-01T00:00:00.000Z";

async function append(store: Store, from: number, count: number): Promise<void> {
  await store.transaction(async (tx) => {
    for (let n = from; n < from + count; n++)
      await recordAudit(tx, "document_accepted", `doc-${n % 4}`, { n }, AT);
  });
}

async function wholeRoot(store: Store): Promise<string> {
  const leaves = await store.audit.leafHashes(0, await store.audit.size());
  return merkleRoot(leaves.map((h) => Buffer.from(h, "hex"))).toString("hex");
}

describe("the audit trail over a growing log", () => {
  let file: string;
  let store: Store;
  before(async () => {
    file = join(mkdtempSync(join(tmpdir(), "truce-audit-trail-")), "truce.db");
    store = await openStore(file);
  });
  after(() => store.close());

  it("signs the root of every leaf, each time after reading only the new ones", async () => {
    const sizes: number[] = [];
    for (const count of [1, 2, 5, 8, 13, 1]) {
      await append(store, await store.audit.size(), count);
      const checkpoint = await checkpointNow(store, key, AT);
      assert.equal(checkpoint.treeSize, await store.audit.size());
      assert.equal(checkpoint.rootHash, await wholeRoot(store));
      sizes.push(checkpoint.treeSize);
    }
    assert.deepEqual(sizes, [1, 3, 8, 16, 29, 30]);
    // Another connection appends meanwhile: the next signing still covers everything.
    const other = await openStore(file);
    try {
      await append(other, 30, 7);
      assert.equal((await checkpointNow(store, key, AT)).rootHash, await wholeRoot(store));
      assert.equal((await checkpointNow(other, key, AT)).rootHash, await wholeRoot(store));
    } finally {
      await other.close();
    }
    const verified = await verifyAuditLog(store, key.publicKey);
    assert.equal(verified.ok, true, JSON.stringify(verified.problems));
  });

  it("starts a new process's first signing from the edge kept at the last one, and never from a forged edge", async () => {
    const signedSize = (await checkpointNow(store, key, AT)).treeSize;
    await append(store, signedSize, 3);
    // A store opened afresh, as a restarted server: it reads the three new leaves, not the whole log.
    const again = await openStore(file);
    try {
      let read = 0;
      const counting = {
        ...again,
        audit: {
          ...again.audit,
          leafHashes: async (from: number, to: number) => {
            const hashes = await again.audit.leafHashes(from, to);
            read += hashes.length;
            return hashes;
          },
        },
      };
      const next = await checkpointNow(counting, key, AT);
      assert.equal(next.rootHash, await wholeRoot(again));
      assert.equal(read, 3);
    } finally {
      await again.close();
    }
    // An edge no checkpoint of this key vouches for (here, one past the last signed size) is not used.
    await append(store, signedSize + 3, 1);
    await store.audit.saveTreeEdge({ size: signedSize + 4, frontier: ["00".repeat(32)] });
    const third = await openStore(file);
    try {
      assert.equal((await checkpointNow(third, key, AT)).rootHash, await wholeRoot(third));
      const other = generateKeyPairSync("ed25519");
      // Another key's signer does not take this key's edge either: it reads everything, and gets the same root.
      assert.equal((await checkpointNow(third, other, AT)).rootHash, await wholeRoot(third));
    } finally {
      await third.close();
    }
  });

  it("reads the entries about some records, and one entry by number", async () => {
    const about = await auditEntriesAbout(store, ["doc-1", "doc-3"]);
    assert.ok(about.length > 0);
    assert.ok(about.every((e) => e.subjectId === "doc-1" || e.subjectId === "doc-3"));
    assert.deepEqual(
      about.map((e) => e.seq),
      [...about.map((e) => e.seq)].sort((a, b) => a - b),
    );
    const size = await store.audit.size();
    const all = await store.audit.entries(0, size);
    assert.equal(about.length, all.filter((e) => e.subjectId === "doc-1" || e.subjectId === "doc-3").length);
    assert.deepEqual((await auditEntryAt(store, 2))?.payload, { n: 2 });
    assert.equal(await auditEntryAt(store, size), null);
  });
});
