// splitSentences: sentence and token spans into the document, paragraphs, parts of speech and the prose flag.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Sentence, splitSentences } from "./sentences.js";

function texts(sentences: readonly Sentence[]): string[] {
  return sentences.map((s) => s.text);
}

describe("splitSentences: boundaries", () => {
  it("splits running prose at full stops", () => {
    const text =
      "Rebels shelled Kafr Zita on Monday. Two people were wounded. Activists said the army replied.";
    assert.deepEqual(texts(splitSentences(text)), [
      "Rebels shelled Kafr Zita on Monday.",
      "Two people were wounded.",
      "Activists said the army replied.",
    ]);
  });

  it("numbers sentences in order across paragraphs", () => {
    const sentences = splitSentences("Jets struck Idlib.\n\nShells hit Douma. Clashes went on.");
    assert.deepEqual(
      sentences.map((s) => s.index),
      [0, 1, 2],
    );
    assert.deepEqual(
      sentences.map((s) => s.paragraph),
      [0, 1, 1],
    );
  });

  it("ends a sentence at a line break before a capital, as headlines carry no full stop", () => {
    const sentences = splitSentences("Syrian army shells Douma\nGovernment forces shelled Douma on Monday.");
    assert.deepEqual(texts(sentences), [
      "Syrian army shells Douma",
      "Government forces shelled Douma on Monday.",
    ]);
    assert.deepEqual(
      sentences.map((s) => s.paragraph),
      [0, 1],
    );
  });

  it("returns nothing for blank text", () => {
    assert.deepEqual(splitSentences(""), []);
    assert.deepEqual(splitSentences("  \n\n  "), []);
  });
});

describe("splitSentences: spans and tokens", () => {
  const text = "Shells hit Douma.\n\n  Government forces shelled Harasta near Damascus on Tuesday.";
  const sentences = splitSentences(text);

  it("gives each sentence a span whose slice is its text", () => {
    for (const s of sentences) assert.equal(text.slice(s.span.start, s.span.end), s.text);
    assert.equal(sentences[1]?.span.start, text.indexOf("Government"));
  });

  it("gives each token a span into the whole text, not the paragraph", () => {
    for (const s of sentences)
      for (const t of s.tokens) {
        assert.equal(text.slice(t.start, t.end), t.text);
        assert.equal(t.lower, t.text.toLowerCase());
      }
    const harasta = sentences[1]?.tokens.find((t) => t.text === "Harasta");
    assert.ok(harasta);
    assert.equal(harasta.start, text.indexOf("Harasta"));
  });

  it("tags parts of speech and lemmas", () => {
    const tokens = sentences[1]?.tokens ?? [];
    const shelled = tokens.find((t) => t.text === "shelled");
    assert.equal(shelled?.pos, "VERB");
    assert.equal(shelled?.lemma, "shell");
    assert.equal(tokens.find((t) => t.text === "Harasta")?.pos, "PROPN");
  });
});

describe("splitSentences: prose", () => {
  it("marks a sentence ending in a full stop, question or exclamation mark as prose", () => {
    const sentences = splitSentences("Rebels shelled Hama. Was it a breach? It was a breach!");
    assert.deepEqual(
      sentences.map((s) => s.prose),
      [true, true, true],
    );
  });

  it("marks a closing quotation as prose", () => {
    const [s] = splitSentences("“We shelled nothing,” the commander said.");
    assert.equal(s?.prose, true);
  });

  it("does not treat a headline or caption without a final stop as prose", () => {
    const sentences = splitSentences("Regime shells Douma\n\nGovernment forces shelled Douma on Monday.");
    assert.deepEqual(
      sentences.map((s) => s.prose),
      [false, true],
    );
  });

  it("does not treat a list of teasers cut off with ellipses as prose", () => {
    const [s] = splitSentences("Army advances near Hama... Rebels retreat from Idlib... Talks resume.");
    assert.equal(s?.prose, false);
  });
});
