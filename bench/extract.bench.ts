// Benchmark of the whole reading pipeline in one process: articles/s, sentences/s and peak memory.
// Usage: npm run bench:extract, or one corpus: node --import tsx bench/extract.bench.ts samples|dev [--megabytes 2]
// Each corpus runs in its own process so that peak memory is the pipeline's, not the sum of two runs.
import { readdirSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { loadExtractionContext } from "../src/adapters/data/load-context.js";
import { readArticleFile } from "../src/adapters/files/read-article.js";
import type { Article } from "../src/domain/article.js";
import { extractArticle } from "../src/extraction/pipeline.js";
import { devCorpus } from "../test/support/corpus.js";

const megabytesArg = process.argv.indexOf("--megabytes");
const targetBytes = (megabytesArg > 0 ? Number(process.argv[megabytesArg + 1]) : 2) * 1024 * 1024;

async function readFolder(folder: string): Promise<Article[]> {
  const names = readdirSync(folder)
    .filter((f) => /\.(json|txt|html)$/.test(f))
    .sort();
  return Promise.all(names.map((name) => readArticleFile(join(folder, name))));
}

/** Repeats the articles until they hold at least the target amount of text. */
function repeatTo(articles: readonly Article[], bytes: number): Article[] {
  const out: Article[] = [];
  let size = 0;
  for (let round = 0; size < bytes; round++) {
    for (const article of articles) {
      out.push({ ...article, doc: `${article.doc}-${round}` });
      size += Buffer.byteLength(article.text);
    }
  }
  return out;
}

async function run(label: string, source: readonly Article[]) {
  const context = await loadExtractionContext({});
  const articles = repeatTo(source, targetBytes);
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
  for (const article of source) extractArticle(article, context); // warm-up: JIT and lazy tables
  let sentences = 0;
  let incidents = 0;
  let peakRss = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  for (const [i, article] of articles.entries()) {
    const report = extractArticle(article, context);
    sentences += report.sentences;
    incidents += report.incidents.length;
    if (i % 50 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(
    [
      `${label}: ${articles.length} articles, ${(bytes / 1024 / 1024).toFixed(2)} MB of text, ${sentences} sentences, ${incidents} incidents`,
      `  ${(articles.length / seconds).toFixed(0)} articles/s, ${(sentences / seconds).toFixed(0)} sentences/s, ${(bytes / 1024 / 1024 / seconds).toFixed(2)} MB/s`,
      `  ${seconds.toFixed(2)} s in all; peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`,
    ].join("\n"),
  );
}

console.log(
  `node ${process.version}, ${cpus()[0]?.model ?? "unknown cpu"} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
const which = process.argv[2] ?? "samples";
if (which === "samples") await run("shipped samples", await readFolder(resolve("samples", "articles")));
else {
  const corpus = devCorpus();
  if (corpus) await run("development corpus", await readFolder(corpus.articles));
  else console.log("development corpus absent (../shared): nothing to measure");
}
