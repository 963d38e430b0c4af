// Guards extraction accuracy on the development corpus: fails when a figure drops below the project's bar.
import assert from "node:assert/strict";
import { test } from "node:test";
import { devCorpus, scoreCorpus } from "./support/corpus.js";

const corpus = devCorpus();

test("extraction on the development corpus meets the bars", {
  skip: corpus ? false : "../shared/corpus/dev is absent: accuracy cannot be measured here",
}, async () => {
  if (!corpus) return;
  const scores = JSON.parse(await scoreCorpus(corpus, ["--json"])) as Record<string, number>;
  assert.equal(scores.docs_without_prediction, 0, "every article gets a prediction line");
  assert.ok((scores.incident_f1 ?? 0) >= 0.7, `incident F1 ${scores.incident_f1} < 0.70`);
  assert.ok(
    (scores.perpetrator_accuracy ?? 0) >= 0.75,
    `perpetrator accuracy ${scores.perpetrator_accuracy} < 0.75`,
  );
  assert.ok((scores.allegation_f1 ?? 0) >= 0.7, `allegation F1 ${scores.allegation_f1} < 0.70`);
  assert.ok(
    (scores.quiet_docs_with_invented_incidents ?? 99) <= 1,
    `${scores.quiet_docs_with_invented_incidents} talk-only articles got invented incidents`,
  );
});
