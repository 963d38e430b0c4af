// Tests of near-duplicate detection: wire copy re-published is one group, independent reports are not.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generate } from "../../synthetic/generate.js";
import { CopyDetector, estimatedSimilarity, minhash } from "./copies.js";

const wire =
  "BEIRUT (Reuters) - Syrian government forces shelled the rebel-held town of Khan Sheikhoun in Idlib province " +
  "on Tuesday, killing at least nine civilians including three children, the Syrian Observatory for Human " +
  "Rights said. Rescue workers said the shells struck a crowded market shortly before noon.";
const republished =
  "Syrian government forces shelled the rebel-held town of Khan Sheikhoun in Idlib province on Tuesday, " +
  "killing at least nine civilians including three children, the Syrian Observatory for Human Rights reported. " +
  "Rescue workers said the shells struck a crowded market shortly before noon. Al Jazeera contributed to this report.";
const independent =
  "Nine people died when regime artillery hit the market of Khan Shaykhun at midday, local activists told Enab " +
  "Baladi, adding that the bombardment of southern Idlib continued into the evening despite the truce.";

describe("copy groups", () => {
  it("puts a wire story and its lightly edited re-publication in one group", () => {
    const d = new CopyDetector();
    assert.equal(d.assign("w", wire), "w");
    assert.equal(d.assign("r", republished), "w");
    assert.ok(estimatedSimilarity(minhash(wire), minhash(republished)) > 0.6);
  });

  it("keeps two independent reports of one event in different groups", () => {
    const d = new CopyDetector();
    d.assign("w", wire);
    assert.equal(d.assign("i", independent), "i");
  });

  it("is deterministic: the same text gives the same signature", () => {
    assert.deepEqual(minhash(wire), minhash(wire));
  });

  it("recovers the generator's wire copies", () => {
    const { reports } = generate({ incidents: 300, seed: 7 });
    const d = new CopyDetector();
    let agree = 0;
    for (const r of reports) {
      const group = d.assign(r.id, r.summary);
      if (group === r.copyGroup) agree++;
    }
    assert.ok(agree / reports.length >= 0.97, `agreement ${agree}/${reports.length}`);
  });
});
