// Place mentions and datelines: gazetteer names found, filing places and names inside other names left out.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shippedKnowledge } from "../../../test/support/stage-fixtures.js";
import type { Span } from "../../domain/text/span.js";
import { findActors } from "./actors.js";
import { datelineSpans, findPlaces, type PlaceMention } from "./places.js";
import { splitSentences } from "./sentences.js";

/** Places of a text the way the pipeline finds them: datelines and actors' names excluded. */
async function places(text: string): Promise<PlaceMention[]> {
  const knowledge = await shippedKnowledge();
  const sentences = splitSentences(text);
  const excluded: Span[] = [
    ...datelineSpans(text),
    ...findActors(text, sentences, knowledge).map((a) => a.span),
  ];
  return findPlaces(text, sentences, knowledge, excluded);
}

const names = async (text: string): Promise<string[]> => (await places(text)).map((p) => p.text);

const datelines = (text: string): string[] => datelineSpans(text).map((s) => text.slice(s.start, s.end));

describe("datelineSpans", () => {
  it("covers 'TEHRAN, Iran —'", () => {
    assert.deepEqual(datelines("TEHRAN, Iran — Iranian officials said the truce held."), ["TEHRAN, Iran —"]);
  });

  it("covers 'BEIRUT (Reuters) -'", () => {
    const [line] = datelines("BEIRUT (Reuters) - Rebels shelled Hama on Monday.");
    assert.ok(line?.startsWith("BEIRUT (Reuters) -"), String(line));
  });

  it("covers a TASS-style 'MOSCOW, March 3. /TASS/'", () => {
    const [line] = datelines("MOSCOW, March 3. /TASS/. Russia said the truce held in Aleppo.");
    assert.ok(line?.startsWith("MOSCOW, March 3. /TASS/"), String(line));
  });

  it("covers a dateline at the start of a later line", () => {
    const text = "Syria truce holds\nDAMASCUS, Syria — Shells hit Douma.";
    assert.deepEqual(datelines(text), ["DAMASCUS, Syria —"]);
  });

  it("finds no dateline in running prose", () => {
    assert.deepEqual(datelines("Rebels shelled Kafr Zita in Hama province on Monday."), []);
  });
});

describe("findPlaces", () => {
  it("finds gazetteer names with their span, sentence and candidates", async () => {
    const text = "Shells fell. Rebels shelled Kafr Zita in Hama province on Monday.";
    const found = await places(text);
    assert.deepEqual(
      found.map((p) => p.text),
      ["Kafr Zita", "Hama province"],
    );
    const [kafrZita, hama] = found;
    assert.ok(kafrZita && hama);
    assert.equal(kafrZita.sentence, 1);
    assert.equal(text.slice(kafrZita.span.start, kafrZita.span.end), "Kafr Zita");
    assert.equal(kafrZita.candidates[0]?.admin1, "SY-HM");
    assert.equal(hama.candidates[0]?.kind, "governorate");
  });

  it("orders a shared name's candidates by prominence", async () => {
    const [douma] = await places("Government forces shelled Douma.");
    assert.equal(douma?.candidates[0]?.admin1, "SY-RD");
  });

  it("leaves out the dateline's place", async () => {
    assert.deepEqual(await names("TEHRAN, Iran — Rebels shelled Kafr Zita."), ["Kafr Zita"]);
  });

  it("leaves out a place inside an actor's name", async () => {
    assert.deepEqual(await names("Jaish al-Islam fighters shelled Douma."), ["Douma"]);
  });

  it("leaves out a place that heads an institution's name", async () => {
    assert.deepEqual(await names("Students at Aleppo University said shells hit Douma."), ["Douma"]);
  });

  it("keeps a place followed by a province or weekday word", async () => {
    assert.deepEqual(await names("Idlib Province saw shelling; Douma Monday was quiet."), [
      "Idlib Province",
      "Douma",
    ]);
  });

  it("finds a place written with an Arabic article in lower case", async () => {
    assert.ok((await names("Rebels shelled al-Bab on Monday.")).includes("al-Bab"));
  });

  it("does not start a place at a lower-case common word", async () => {
    assert.deepEqual(await names("The hama of the valley was shelled."), []);
  });
});
