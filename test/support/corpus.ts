// Finds the shared development corpus beside the repository and runs extraction over it in process.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadExtractionContext } from "../../src/adapters/data/load-context.js";
import { readArticleFile } from "../../src/adapters/files/read-article.js";
import { toEvalLine } from "../../src/cli/formats/eval.js";
import { extractArticle } from "../../src/extraction/pipeline.js";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface DevCorpus {
  readonly articles: string;
  readonly gold: string;
  readonly scorer: string;
}

export function devCorpus(): DevCorpus | null {
  const shared = resolve(repository, "..", "shared");
  const corpus: DevCorpus = {
    articles: join(shared, "corpus", "dev", "articles"),
    gold: join(shared, "corpus", "dev", "gold"),
    scorer: join(shared, "eval", "score.mjs"),
  };
  return existsSync(corpus.articles) && existsSync(corpus.gold) && existsSync(corpus.scorer) ? corpus : null;
}

export async function extractCorpus(folder: string): Promise<string[]> {
  const context = await loadExtractionContext({});
  const lines: string[] = [];
  for (const name of readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const article = await readArticleFile(join(folder, name));
    lines.push(toEvalLine(extractArticle(article, context)));
  }
  return lines;
}

/** Extracts the corpus and runs the shared scorer on it; `scorerArgs` such as `--json` pass through. */
export async function scoreCorpus(corpus: DevCorpus, scorerArgs: readonly string[] = []): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), "truce-score-")), "pred.jsonl");
  writeFileSync(out, `${(await extractCorpus(corpus.articles)).join("\n")}\n`);
  const args = [corpus.scorer, "--gold", corpus.gold, "--pred", out, ...scorerArgs];
  return execFileSync(process.execPath, args, { encoding: "utf8" });
}
