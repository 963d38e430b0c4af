// Scores extraction on the development corpus with the shared scorer: `npm run eval`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { devCorpus, extractCorpus } from "../test/support/corpus.js";

const corpus = devCorpus();
if (!corpus) {
  console.error(`no development corpus at ${join("..", "shared", "corpus", "dev")}: nothing to score`);
  process.exit(2);
}
const lines = await extractCorpus(corpus.articles);
const out = join(mkdtempSync(join(tmpdir(), "truce-eval-")), "pred.jsonl");
writeFileSync(out, `${lines.join("\n")}\n`);
const args = [corpus.scorer, "--gold", corpus.gold, "--pred", out, ...process.argv.slice(2)];
process.stdout.write(execFileSync(process.execPath, args, { encoding: "utf8" }));
