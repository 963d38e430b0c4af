// Small crash test: `truce ingest` killed -9 mid-run five times over 40 documents loses and doubles nothing.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { runCrashIngest } from "../../scripts/crash-ingest.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

it("ingest killed -9 five times, then run to the end: every document once, reports whole, audit log verifies", {
  timeout: 90_000,
}, async () => {
  // The child processes run the built CLI, as users do.
  assert.ok(existsSync(path.join(ROOT, "dist/cli/main.js")), "dist/ is missing: run `npm run build` first");
  const r = await runCrashIngest({ rounds: 5, documents: 40, seed: 11 });
  assert.equal(r.rounds, 5);
  // Delayed kills may come after a fast run finished; the kills that wait for stored documents always land.
  assert.ok(r.kills >= 2, `only ${r.kills} of 5 runs were killed: ${JSON.stringify(r)}`);
  assert.ok(r.killsMidIngest >= 1, `no kill landed while documents were being written: ${JSON.stringify(r)}`);
  assert.equal(r.files, 40);
  assert.equal(r.documents, 40);
  assert.equal(r.losses, 0);
  assert.equal(r.duplicates, 0);
  assert.equal(r.orphanReports, 0);
  assert.equal(r.incompleteDocuments, 0);
  assert.ok(r.reports > 0);
  assert.deepEqual(r.auditProblems, []);
  assert.ok(r.verified, `${r.verifiedWith}: ${r.verifyDetail}`);
});
