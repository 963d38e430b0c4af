// Writes synthetic reports (with their true incident id) and true incidents as JSON Lines.
// Usage: node --import tsx scripts/generate-synthetic.ts [incidents=1000] [seed=1] [outDir=.]

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { generate } from "../src/synthetic/generate.js";

async function writeLines(path: string, rows: Iterable<unknown>): Promise<void> {
  const out = createWriteStream(path);
  for (const row of rows) {
    if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

const [incidentsArg = "1000", seedArg = "1", outDir = "."] = process.argv.slice(2);
const incidents = Number(incidentsArg);
const seed = Number(seedArg);
if (!Number.isInteger(incidents) || incidents < 0 || !Number.isInteger(seed)) {
  console.error("usage: generate-synthetic.ts [incidents] [seed] [outDir]");
  process.exit(2);
}
const data = generate({ incidents, seed });
await writeLines(
  join(outDir, "synthetic-reports.jsonl"),
  data.reports.map((r, i) => ({ ...r, trueIncidentId: data.truth[i] })),
);
await writeLines(join(outDir, "synthetic-incidents.jsonl"), data.incidents);
console.log(`${data.reports.length} reports of ${data.incidents.length} incidents written to ${outDir}`);
