// `truce extract`: reads articles and prints their incidents and allegations; no database involved.
import { type Command, Option } from "commander";
import { loadExtractionContext } from "../../adapters/data/load-context.js";
import { expandInputs } from "../../adapters/files/expand-inputs.js";
import { readArticleFile } from "../../adapters/files/read-article.js";
import { type Article, normalisePublished } from "../../domain/article.js";
import { TruceError } from "../../errors.js";
import { extractArticle } from "../../extraction/pipeline.js";
import type { ArticleReport } from "../../extraction/report.js";
import { toEvalLine } from "../formats/eval.js";
import { toText } from "../formats/text.js";

type Format = "eval" | "json" | "text";

interface ExtractOptions {
  readonly format: Format;
  readonly agreement?: string;
  readonly published?: string;
}

/** Exit code when some inputs failed but the others were extracted. */
export const EXIT_SOME_FAILED = 1;

export function registerExtract(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("extract")
    .description("read articles (JSON, text or HTML files, or folders of them) and print what they report")
    .addOption(
      new Option("--format <format>", "output format").choices(["eval", "json", "text"]).default("text"),
    )
    .option(
      "--agreement <file>",
      "classify against this agreement file (YAML or JSON) instead of the shipped ones",
    )
    .option(
      "--published <date>",
      "publication date (YYYY-MM-DD, or YYYY-MM) for articles that do not state one",
    )
    .argument("<paths...>", "files or folders to read")
    .action(async (paths: string[], options: ExtractOptions) => {
      setExitCode(await runExtract(paths, options));
    });
}

async function runExtract(paths: readonly string[], options: ExtractOptions): Promise<number> {
  // Same reading as an article's own "published", so an impossible day (2017-02-30) is refused, not passed on.
  const published = options.published === undefined ? null : (normalisePublished(options.published) ?? null);
  if (options.published !== undefined && published === null) {
    throw new TruceError(
      "TRUCE_E_USAGE",
      `--published must be a date like 2017-01-23 (or a month like 2017-01), not "${options.published}"`,
    );
  }
  const context = await loadExtractionContext({ agreementFile: options.agreement });
  const { files, errors } = await expandInputs([...paths]);
  let failed = errors.length;
  for (const error of errors) report(error);
  const reports: ArticleReport[] = [];
  for (const file of files) {
    let article: Article;
    try {
      article = await readArticleFile(file);
    } catch (error) {
      if (!(error instanceof TruceError)) throw error;
      report(error);
      failed++;
      continue;
    }
    const dated = article.published === null && published !== null ? { ...article, published } : article;
    const result = extractArticle(dated, context);
    if (options.format === "json") reports.push(result);
    else process.stdout.write(`${options.format === "eval" ? toEvalLine(result) : `${toText(result)}\n`}\n`);
  }
  if (options.format === "json") process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  if (failed > 0)
    process.stderr.write(`truce: ${failed} input(s) could not be read; the others were extracted\n`);
  return failed > 0 ? EXIT_SOME_FAILED : 0;
}

function report(error: TruceError): void {
  process.stderr.write(`truce: ${error.message} [${error.code}]\n`);
}
