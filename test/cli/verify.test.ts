// `truce verify` against a real SQLite log: intact passes; each of the five tamperings, done behind the store's back, fails.
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { appendOnlyTrigger } from "../../src/adapters/store/migrations/0001-initial.js";
import { signCheckpoint } from "../../src/domain/audit/checkpoint.js";
import { type AuditEntry, auditLeafHash } from "../../src/domain/audit/entry.js";
import { leafHash, merkleRoot, verifyInclusion } from "../../src/domain/audit/merkle.js";
import { ingestFiles, truce } from "../support/in-process-cli.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SAMPLES = path.join(ROOT, "samples", "articles");

let dir = "";
let base = "";
let keyFile = "";
let pubFile = "";
let size = 0;

/** A private copy of the ingested log to tamper with; VACUUM INTO copies the WAL's content too. */
function copyOfLog(name: string): string {
  const target = path.join(dir, `${name}.db`);
  const source = new Database(base, { readonly: true });
  try {
    source.prepare("vacuum into ?").run(target);
  } finally {
    source.close();
  }
  return target;
}

/** Plays the intruder with direct SQL: drops the append-only triggers first, as anyone with the file could. */
function tamper(file: string, edit: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    for (const table of ["audit_entries", "audit_checkpoints"]) {
      for (const event of ["update", "delete"] as const)
        db.exec(`drop trigger if exists "${appendOnlyTrigger(table, event)}"`);
    }
    edit(db);
  } finally {
    db.close();
  }
}

interface Row {
  readonly seq: number;
  readonly kind: string;
  readonly subject_id: string;
  readonly payload: string;
  readonly leaf_hash: string;
  readonly at: string;
}
const rowsOf = (db: Database.Database): Row[] =>
  db
    .prepare("select seq, kind, subject_id, payload, leaf_hash, at from audit_entries order by seq")
    .all() as Row[];

const verify = (db: string, ...more: string[]) =>
  truce("verify", "--db", db, "--audit-key", pubFile, ...more);

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "truce-verify-"));
  base = path.join(dir, "base.db");
  keyFile = path.join(dir, "audit.key");
  pubFile = path.join(dir, "audit.pub");
  const summary = await ingestFiles(base, keyFile, [SAMPLES]);
  size = summary.documentsNew;
  assert.ok(size >= 8, `the samples should give at least 8 audit entries, got ${size}`);
  assert.ok(fs.existsSync(pubFile), "ingest writes the public half beside the key");
});
after(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("truce verify: an intact log", () => {
  it("prints OK with the tree size, root and signed size; exit 0", async () => {
    const run = await verify(base);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^OK/);
    assert.match(run.stdout, new RegExp(`tree size\\s+${size}\\n`));
    assert.match(run.stdout, /root\s+[0-9a-f]{64}\n/);
    assert.match(run.stdout, new RegExp(`signed size\\s+${size} \\(key [0-9a-f]{16}\\)`));
  });

  it("--format json gives the same facts, and the private key file works as the trust anchor too", async () => {
    const run = await truce("verify", "--db", base, "--audit-key", keyFile, "--format", "json");
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as {
      ok: boolean;
      treeSize: number;
      signedSize: number;
      problems: unknown[];
    };
    assert.deepEqual(
      { ok: result.ok, treeSize: result.treeSize, signedSize: result.signedSize, problems: result.problems },
      { ok: true, treeSize: size, signedSize: size, problems: [] },
    );
  });

  it("--proof N: the path checks out independently against the signed root", async () => {
    const n = Math.min(5, size - 1);
    const run = await verify(base, "--proof", String(n), "--format", "json");
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const p = JSON.parse(run.stdout) as {
      seq: number;
      treeSize: number;
      entry: string;
      leafHash: string;
      rootHash: string;
      proof: string[];
      checkpoint: { rootHash: string };
      verifies: boolean;
    };
    assert.equal(p.seq, n);
    assert.equal(p.treeSize, size);
    assert.equal(p.verifies, true);
    assert.equal(p.rootHash, p.checkpoint.rootHash);
    // Recheck with the Merkle primitives alone: the entry text hashes to the leaf, the path leads to the root.
    assert.equal(leafHash(Buffer.from(p.entry, "utf8")).toString("hex"), p.leafHash);
    const path_ = p.proof.map((h) => Buffer.from(h, "hex"));
    assert.ok(path_.length > 0);
    assert.equal(
      verifyInclusion(Buffer.from(p.leafHash, "hex"), n, size, path_, Buffer.from(p.rootHash, "hex")),
      true,
    );
    // And a wrong index does not: the proof is for entry n only.
    assert.equal(
      verifyInclusion(Buffer.from(p.leafHash, "hex"), n + 1, size, path_, Buffer.from(p.rootHash, "hex")),
      false,
    );

    const text = await verify(base, "--proof", String(n));
    assert.equal(text.code, 0);
    assert.match(text.stdout, new RegExp(`leaf hash\\s+${p.leafHash}`));
    assert.match(text.stdout, new RegExp(`tree size\\s+${size}`));
    assert.match(text.stdout, new RegExp(`root\\s+${p.rootHash}`));
    for (const h of p.proof) assert.ok(text.stdout.includes(h), `audit path hash ${h} not printed`);
    assert.match(text.stdout, /verifies\s+yes/);
  });

  it("--proof beyond the signed tree or not a number → exit 64", async () => {
    const beyond = await verify(base, "--proof", String(size));
    assert.equal(beyond.code, 64);
    assert.match(beyond.stderr, /not covered by the latest trusted checkpoint/);
    assert.equal((await verify(base, "--proof", "-1")).code, 64);
    assert.equal((await verify(base, "--proof", "two")).code, 64);
  });
});

describe("truce verify: tampering is detected (exit 1, problem named)", () => {
  it("an edited row", async () => {
    const file = copyOfLog("edited");
    tamper(file, (db) => {
      const changed = db
        .prepare(
          'update audit_entries set payload = replace(payload, \'"channel":"file"\', \'"channel":"feed"\') where seq = 4',
        )
        .run();
      assert.equal(changed.changes, 1);
    });
    const run = await verify(file);
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stdout, /^TAMPERED/);
    assert.match(run.stdout, /edited_entry at seq 4: .*no longer hashes/);
    // The proof of the edited entry no longer leads to the signed root.
    const proof = await verify(file, "--proof", "4");
    assert.equal(proof.code, 1);
    assert.match(proof.stdout, /verifies\s+NO/);
  });

  it("a deleted row", async () => {
    const file = copyOfLog("deleted");
    tamper(file, (db) => {
      db.prepare("delete from audit_entries where seq = 5").run();
    });
    const run = await verify(file);
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stdout, /missing_entry at seq 5: seq 5 is missing/);
  });

  it("two rows' seq swapped", async () => {
    const file = copyOfLog("swapped");
    tamper(file, (db) => {
      db.transaction(() => {
        db.prepare("update audit_entries set seq = 1000000 where seq = 2").run();
        db.prepare("update audit_entries set seq = 2 where seq = 3").run();
        db.prepare("update audit_entries set seq = 3 where seq = 1000000").run();
      })();
    });
    const run = await verify(file);
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stdout, /reordered at seq 2: .*swapped/);
    assert.match(run.stdout, /reordered at seq 3: .*swapped/);
  });

  it("a truncated tail", async () => {
    const file = copyOfLog("truncated");
    const keep = size - 3;
    tamper(file, (db) => {
      db.prepare("delete from audit_entries where seq >= ?").run(keep);
    });
    const run = await verify(file);
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stdout, new RegExp(`truncated at seq ${keep}: .*signed ${size} entries.*cut off`));
  });

  it("a checkpoint signed with another key", async () => {
    const file = copyOfLog("resigned");
    const intruder = generateKeyPairSync("ed25519");
    tamper(file, (db) => {
      const rows = rowsOf(db);
      const root = merkleRoot(rows.map((r) => Buffer.from(r.leaf_hash, "hex"))).toString("hex");
      const forged = signCheckpoint(
        { treeSize: rows.length, rootHash: root, at: "2030-01-01T00:00:00.000Z" },
        intruder.privateKey,
        intruder.publicKey,
      );
      db.prepare(
        "insert into audit_checkpoints (tree_size, root_hash, signature, key_id, at) values (?, ?, ?, ?, ?)",
      ).run(forged.treeSize, forged.rootHash, forged.signature, forged.keyId, forged.at);
    });
    const run = await verify(file);
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stdout, /unknown_key: .*not by the trusted key/);
  });

  it("a log rewritten and re-signed with another key, its own checkpoints removed", async () => {
    const file = copyOfLog("rewritten");
    const intruder = generateKeyPairSync("ed25519");
    tamper(file, (db) => {
      // A careful intruder: the edited row's leaf hash recomputed, the old checkpoints gone, a new one signed.
      const target = rowsOf(db).find((r) => r.seq === 1);
      assert.ok(target);
      const payload = JSON.parse(target.payload) as Record<string, string>;
      payload.source = "Someone else";
      const entry: AuditEntry = {
        seq: 1,
        kind: target.kind as AuditEntry["kind"],
        subjectId: target.subject_id,
        payload,
        at: target.at,
      };
      db.prepare("update audit_entries set payload = ?, leaf_hash = ? where seq = 1").run(
        JSON.stringify(payload),
        auditLeafHash(entry).toString("hex"),
      );
      db.prepare("delete from audit_checkpoints").run();
      const rows = rowsOf(db);
      const root = merkleRoot(rows.map((r) => Buffer.from(r.leaf_hash, "hex"))).toString("hex");
      const forged = signCheckpoint(
        { treeSize: rows.length, rootHash: root, at: "2030-01-01T00:00:00.000Z" },
        intruder.privateKey,
        intruder.publicKey,
      );
      db.prepare(
        "insert into audit_checkpoints (tree_size, root_hash, signature, key_id, at) values (?, ?, ?, ?, ?)",
      ).run(forged.treeSize, forged.rootHash, forged.signature, forged.keyId, forged.at);
    });
    const run = await verify(file, "--format", "json");
    assert.equal(run.code, 1, run.stdout);
    const result = JSON.parse(run.stdout) as {
      ok: boolean;
      signedSize: number;
      problems: { kind: string }[];
    };
    assert.equal(result.ok, false);
    assert.equal(result.signedSize, 0, "nothing is vouched for by the trusted key any more");
    assert.ok(result.problems.some((p) => p.kind === "unknown_key"));
  });
});

describe("truce verify: what it cannot read", () => {
  it("a missing database → exit 2, and no file is created", async () => {
    const missing = path.join(dir, "nowhere.db");
    const run = await verify(missing);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot read the audit log: there is no database/);
    assert.equal(fs.existsSync(missing), false);
  });

  it("a file that is not a database → exit 2", async () => {
    const junk = path.join(dir, "junk.db");
    fs.writeFileSync(junk, "this is not SQLite, just text long enough to have a header ".repeat(20));
    const run = await verify(junk);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot read the audit log/);
  });

  it("a missing key file → exit 66; the key is never taken from the database", async () => {
    const run = await truce("verify", "--db", base, "--audit-key", path.join(dir, "absent.pub"));
    assert.equal(run.code, 66);
    assert.match(run.stderr, /absent\.pub does not exist/);
    assert.equal(run.stdout, "");
  });
});
