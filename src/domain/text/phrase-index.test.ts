// PhraseIndex: normalised lookups and longest, non-overlapping, left-to-right matches over tokens.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PhraseIndex, type TokenLike } from "./phrase-index.js";

const normalise = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\s-]+/g, " ")
    .trim();

/** Words, hyphens and punctuation as separate tokens with their character offsets. */
function tokenise(text: string): TokenLike[] {
  return [...text.matchAll(/[\p{L}\p{N}']+|[^\s\p{L}\p{N}]/gu)].map((m) => ({
    text: m[0],
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

function indexOf(entries: Record<string, string>, maxTokens = 6): PhraseIndex<string> {
  const index = new PhraseIndex<string>(normalise, maxTokens);
  for (const [phrase, value] of Object.entries(entries)) index.add(phrase, value);
  return index;
}

function matchTexts(index: PhraseIndex<string>, text: string): string[] {
  return index.find(text, tokenise(text)).map((m) => m.text);
}

describe("PhraseIndex.lookup", () => {
  it("finds a phrase whatever its case and spacing", () => {
    const index = indexOf({ "Kafr Zita": "kafr-zita" });
    assert.deepEqual(index.lookup("KAFR   zita"), ["kafr-zita"]);
    assert.deepEqual(index.lookup("kafr-zita"), ["kafr-zita"]);
  });

  it("returns nothing for an unknown phrase", () => {
    assert.deepEqual(indexOf({ Douma: "douma" }).lookup("Harasta"), []);
  });

  it("keeps every distinct value of a shared name, once each", () => {
    const index = new PhraseIndex<string>(normalise);
    index.add("Hama", "town");
    index.add("Hama", "governorate");
    index.add("hama", "town");
    assert.deepEqual(index.lookup("Hama"), ["town", "governorate"]);
    assert.equal(index.size, 1);
  });

  it("ignores a phrase that normalises to nothing", () => {
    const index = new PhraseIndex<string>(normalise);
    index.add("  ", "blank");
    assert.equal(index.size, 0);
  });
});

describe("PhraseIndex.find", () => {
  it("reports spans, text and token bounds of each match", () => {
    const text = "Shells fell on Douma overnight.";
    const index = indexOf({ Douma: "douma" });
    const found = index.find(text, tokenise(text));
    assert.equal(found.length, 1);
    const [douma] = found;
    assert.ok(douma);
    assert.equal(douma.text, "Douma");
    assert.deepEqual(douma.span, { start: 15, end: 20 });
    assert.equal(text.slice(douma.span.start, douma.span.end), "Douma");
    assert.equal(douma.firstToken, 3);
    assert.equal(douma.endToken, 4);
    assert.deepEqual(douma.values, ["douma"]);
  });

  it("prefers the longest phrase starting at a token", () => {
    const index = indexOf({ Rif: "short", "Rif Dimashq": "long" });
    const found = index.find("Shelling in Rif Dimashq.", tokenise("Shelling in Rif Dimashq."));
    assert.deepEqual(
      found.map((m) => [m.text, m.values]),
      [["Rif Dimashq", ["long"]]],
    );
  });

  it("does not let matches overlap, scanning left to right", () => {
    const index = indexOf({ "Wadi Barada": "valley", "Barada river": "river" });
    assert.deepEqual(matchTexts(index, "Clashes in Wadi Barada river area."), ["Wadi Barada"]);
  });

  it("finds every separate occurrence", () => {
    const index = indexOf({ Douma: "douma", Harasta: "harasta" });
    assert.deepEqual(matchTexts(index, "Douma and Harasta, then Douma again."), [
      "Douma",
      "Harasta",
      "Douma",
    ]);
  });

  it("matches a hyphenated phrase across hyphen tokens", () => {
    const index = indexOf({ "Kafr-Zita": "kafr-zita" });
    assert.deepEqual(matchTexts(index, "Rockets hit Kafr-Zita."), ["Kafr-Zita"]);
  });

  it("never starts or ends a match on punctuation", () => {
    const index = indexOf({ "Douma .": "bad", Douma: "douma" });
    const found = index.find("In Douma.", tokenise("In Douma."));
    assert.deepEqual(
      found.map((m) => m.text),
      ["Douma"],
    );
  });

  it("lets canStart veto the tokens a phrase may begin with", () => {
    const index = indexOf({ hama: "hama" });
    const text = "hama and Hama";
    const found = index.find(text, tokenise(text), (t) => /^\p{Lu}/u.test(t.text));
    assert.deepEqual(
      found.map((m) => m.span.start),
      [9],
    );
  });

  it("does not look further than maxTokens words", () => {
    const capped = indexOf({ "Old City of Damascus": "old-city" }, 2);
    assert.deepEqual(matchTexts(capped, "Mortars hit the Old City of Damascus."), []);
    const wide = indexOf({ "Old City of Damascus": "old-city" }, 6);
    assert.deepEqual(matchTexts(wide, "Mortars hit the Old City of Damascus."), ["Old City of Damascus"]);
  });

  it("returns nothing for an empty token list", () => {
    assert.deepEqual(indexOf({ Douma: "douma" }).find("", []), []);
  });
});
