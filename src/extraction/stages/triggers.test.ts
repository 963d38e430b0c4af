// Trigger words: acts and means by sub-event type, multi-word and hyphenated triggers, and false friends.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { splitSentences } from "./sentences.js";
import { findTriggers, isBreachWord, isKillingWord } from "./triggers.js";

function hits(text: string): [string, string][] {
  const [sentence] = splitSentences(text);
  assert.ok(sentence, `no sentence in ${JSON.stringify(text)}`);
  return findTriggers(sentence).map((h) => [
    text.slice(sentence.tokens[h.firstToken]?.start ?? 0, sentence.tokens[h.endToken - 1]?.end ?? 0),
    h.trigger.subEventType,
  ]);
}

describe("findTriggers: acts", () => {
  it("reads shelling in its verb and noun forms", () => {
    assert.deepEqual(hits("Rebels shelled Hama."), [["shelled", "Shelling/artillery/missile attack"]]);
    assert.deepEqual(hits("The shelling went on."), [["shelling", "Shelling/artillery/missile attack"]]);
  });

  it("reads airstrikes however they are written", () => {
    for (const text of ["Airstrikes hit Idlib.", "An air strike hit Idlib.", "An air-strike hit Idlib."]) {
      const [first] = hits(text);
      assert.equal(first?.[1], "Air/drone strike", text);
    }
    const [hyphen] = hits("An air-strike hit Idlib.");
    assert.equal(hyphen?.[0], "air-strike");
  });

  it("reads clashes and attacks as armed clashes", () => {
    assert.deepEqual(hits("Clashes erupted near Daraa."), [["Clashes", "Armed clash"]]);
  });

  it("reads a lemma: 'shells' as a verb is a shelling", () => {
    assert.deepEqual(hits("The army shells Douma daily."), [["shells", "Shelling/artillery/missile attack"]]);
  });

  it("prefers the longer phrase: 'car bomb' over 'bomb'", () => {
    assert.deepEqual(hits("A car bomb exploded in Azaz."), [["car bomb", "Remote explosive/landmine/IED"]]);
  });

  it("reads abductions and territory taken", () => {
    assert.deepEqual(hits("Gunmen abducted two aid workers."), [
      ["abducted", "Abduction/forced disappearance"],
    ]);
    assert.deepEqual(hits("Government forces recaptured the town."), [
      ["recaptured", "Government regains territory"],
    ]);
  });

  it("marks weapons as means and weak words as weak", () => {
    const [sentence] = splitSentences("Mortars were fired at the town.");
    assert.ok(sentence);
    const found = findTriggers(sentence);
    assert.equal(found[0]?.trigger.role, "means");
    assert.equal(found[1]?.trigger.weak, true);
  });
});

describe("findTriggers: false friends", () => {
  it("does not read 'ceasefire' or 'cease-fire' as firing", () => {
    assert.deepEqual(hits("The ceasefire held."), []);
    assert.deepEqual(hits("The cease-fire held."), []);
  });

  it("does not read a fire station or fire brigade as firing", () => {
    assert.deepEqual(hits("The fire brigade arrived."), []);
  });

  it("does not read 'strike a deal' or 'hit back' as an attack", () => {
    assert.deepEqual(hits("The sides hope to strike a deal."), []);
    assert.deepEqual(hits("The minister hit back at critics."), []);
  });

  it("does not read 'in advance' as an advance", () => {
    assert.deepEqual(hits("The talks were announced in advance."), []);
  });

  it("finds nothing in talk of diplomacy", () => {
    assert.deepEqual(hits("Talks are planned for next week in Astana."), []);
  });
});

describe("isBreachWord and isKillingWord", () => {
  const tokenOf = (text: string, word: string) => {
    const token = splitSentences(text)[0]?.tokens.find((t) => t.text === word);
    assert.ok(token, word);
    return token;
  };

  it("recognises breach words", () => {
    assert.equal(isBreachWord(tokenOf("There were 14 violations.", "violations")), true);
    assert.equal(isBreachWord(tokenOf("Rebels breached the truce.", "breached")), true);
    assert.equal(isBreachWord(tokenOf("Rebels shelled the truce.", "shelled")), false);
  });

  it("recognises killing words by form or lemma", () => {
    assert.equal(isKillingWord(tokenOf("Four people were killed.", "killed")), true);
    assert.equal(isKillingWord(tokenOf("Four people died.", "died")), true);
    assert.equal(isKillingWord(tokenOf("Four people were wounded.", "wounded")), false);
  });
});
