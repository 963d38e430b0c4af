// End-to-end tests of `truce position`, `reply`, `merge` and `split`: the built CLI against a seeded SQLite file.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { openStore } from "../../src/adapters/store/open-store.js";
import type { Incident } from "../../src/domain/records/incident.js";
import type { Report } from "../../src/domain/records/report.js";
import { seedIncident } from "../application/decision-fixtures.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = path.join(ROOT, "bin", "truce.js");

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(command, [...args], { cwd: ROOT, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error === null) resolve({ code: 0, stdout, stderr });
      else if (typeof error.code === "number") resolve({ code: error.code, stdout, stderr });
      else
        reject(new Error(`${command} ${args.join(" ")} did not exit normally: ${String(error)}\n${stderr}`));
    });
  });
}

describe("truce position, reply, merge, split", () => {
  let dir: string;
  let db: string;
  let judged: Incident;
  let other: Incident;
  let split: { incident: Incident; reports: Report[] };
  const truce = (...args: string[]) =>
    run(process.execPath, [BIN, ...args, "--db", db, "--audit-key", path.join(dir, "audit.key")]);
  const auditSize = async () => {
    const store = await openStore(db);
    try {
      return await store.audit.size();
    } finally {
      await store.close();
    }
  };

  before(async () => {
    // `npm test` builds once before the tests: several test files building at once would race on dist/.
    assert.ok(existsSync(path.join(ROOT, "dist/cli/main.js")), "dist/ is missing: run `npm run build` first");
    dir = mkdtempSync(path.join(os.tmpdir(), "truce-cli-decisions-"));
    db = path.join(dir, "truce.db");
    const store = await openStore(db);
    try {
      judged = (await seedIncident(store)).incident;
      other = (await seedIncident(store, [{ location: "Ain al-Fijah" }])).incident;
      split = await seedIncident(store, [{}, { source: "SOHR" }]);
    } finally {
      await store.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("position: the third unanimous guarantor brings a verdict; a non-voter is refused", async () => {
    for (const guarantor of ["RU", "TR"]) {
      const r = await truce(
        "position",
        judged.id,
        "--guarantor",
        guarantor,
        "--position",
        "violation",
        "--party",
        "SY-GOV",
        "--rationale",
        "craters",
      );
      assert.equal(r.code, 0, r.stderr);
    }
    // Lists print eight characters of an id; that is enough to name the incident.
    const last = await truce(
      "position",
      judged.id.slice(0, 8),
      "--guarantor",
      "IR",
      "--position",
      "violation",
      "--party",
      "SY-GOV",
      "--rationale",
      "craters",
      "--by",
      "officer-ir",
    );
    assert.equal(last.code, 0, last.stderr);
    assert.match(last.stdout, /IR finds violation by SY-GOV/);
    assert.match(last.stdout, /rule unanimity/);
    assert.match(
      last.stdout,
      /counted: RU violation by SY-GOV; TR violation by SY-GOV; IR violation by SY-GOV/,
    );
    assert.match(last.stdout, /missing voters: none/);
    assert.match(last.stdout, /verdict: violation by SY-GOV \(verdict-\w+, new\)/);
    assert.match(last.stdout, /notified: SY-GOV may reply until \d{4}-/);
    assert.match(last.stdout, /status: decided/);
    assert.match(last.stdout, /checkpoint signed/);

    const size = await auditSize();
    const refused = await truce(
      "position",
      judged.id,
      "--guarantor",
      "US",
      "--position",
      "no_violation",
      "--rationale",
      "none",
    );
    assert.equal(refused.code, 77);
    assert.match(refused.stderr, /US is not a voter.*RU, TR, IR.*\[TRUCE_E_NOT_A_VOTER\]/);
    assert.equal(refused.stdout, "");
    assert.equal(await auditSize(), size, "nothing was logged");
  });

  it("reply: the accused replies from a file; another party is refused", async () => {
    const file = path.join(dir, "reply.txt");
    writeFileSync(file, "The army answered fire from the town.\n");
    const ok = await truce("reply", judged.id, "--party", "SY-GOV", "--file", file);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /reply [\w-]+ by SY-GOV recorded on incident/);
    const refused = await truce("reply", judged.id, "--party", "SY-OPP", "--text", "Not us.");
    assert.equal(refused.code, 77);
    assert.match(refused.stderr, /only SY-GOV.*SY-OPP may not.*until .*\[TRUCE_E_REPLY_REFUSED\]/);
  });

  it("merge: a judged incident is not merged away; the other way round it is", async () => {
    const refused = await truce("merge", other.id, judged.id);
    assert.equal(refused.code, 65);
    assert.match(refused.stderr, /not merged away.*\[TRUCE_E_MERGE_REFUSED\]/);
    const ok = await truce("merge", judged.id, other.id, "--by", "analyst");
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(
      ok.stdout,
      new RegExp(`incident ${other.id} merged into ${judged.id}: 1 report\\(s\\) moved, 2 in all`),
    );
    assert.match(ok.stdout, /1 must-link decision/);
  });

  it("split: one report leaves; splitting off every report is refused", async () => {
    const [first, second] = split.reports.map((r) => r.id) as [string, string];
    const refused = await truce("split", split.incident.id, "--reports", `${first},${second}`);
    assert.equal(refused.code, 65);
    assert.match(refused.stderr, /at least one must stay.*\[TRUCE_E_SPLIT_REFUSED\]/);
    const ok = await truce("split", split.incident.id, "--reports", second.slice(0, 8));
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /1 report\(s\) moved to new incident [\w-]+, 1 stay/);
    assert.match(ok.stdout, /1 cannot-link and 0 must-link/);
    const unknown = await truce("split", "no-such-incident", "--reports", first);
    assert.equal(unknown.code, 66);
    assert.match(unknown.stderr, /\[TRUCE_E_INCIDENT_NOT_FOUND\]/);
  });
});
