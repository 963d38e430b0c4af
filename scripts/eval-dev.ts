// Scores extraction on the development corpus with the shared scorer: `npm run eval`.
import { join } from "node:path";
import { devCorpus, scoreCorpus } from "../test/support/corpus.js";

const corpus = devCorpus();
if (!corpus) {
  console.error(`no development corpus at ${join("..", "shared", "corpus", "dev")}: nothing to score`);
  process.exit(2);
}
process.stdout.write(await scoreCorpus(corpus, process.argv.slice(2)));
