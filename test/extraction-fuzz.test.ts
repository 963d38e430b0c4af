// The reading pipeline never throws, whatever text it is given: arbitrary Unicode, fragments of war reporting.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import fc from "fast-check";
import { loadExtractionContext } from "../src/adapters/data/load-context.js";
import { type ExtractionContext, extractArticle } from "../src/extraction/pipeline.js";

let context: ExtractionContext;
before(async () => {
  context = await loadExtractionContext({});
});

const fragments = [
  "Government forces shelled",
  "Douma",
  "on Monday",
  "killing 3 civilians",
  "rebels",
  "in Idlib province",
  "(four in Aleppo, two)",
  "accused Turkey of",
  "since 2015",
  "Dec. 30",
  "\n\n",
  "—",
  "BEIRUT, Jan 5 —",
  "ceasefire violations",
  "…",
  "\u0000",
  "\u202e",
  "ﷺ",
];

test("extractArticle returns a report for any text, with spans inside it", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ unit: "binary", maxLength: 400 }),
        fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((p) => p.join(" ")),
      ),
      fc.option(fc.constantFrom("2017-01-17", "2018-10", "not a date"), { nil: null }),
      (text, published) => {
        const report = extractArticle({ doc: "fuzz", title: null, published, text }, context);
        for (const incident of report.incidents) {
          for (const e of incident.evidence) {
            assert.ok(e.span.start >= 0 && e.span.end <= text.length && e.span.start <= e.span.end);
            assert.equal(text.slice(e.span.start, e.span.end), e.text);
          }
        }
      },
    ),
    { seed: 20170123, numRuns: 300 },
  );
});
