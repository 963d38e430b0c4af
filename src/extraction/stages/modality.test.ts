// Modality: asserted acts versus denials, plans, threats, hypotheses, and background campaigns or tallies.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Modality, modalityOf } from "./modality.js";
import { splitSentences } from "./sentences.js";

/** The modality of the act named by `trigger` (its first occurrence) in a one-sentence text. */
function modality(text: string, trigger: string): Modality {
  const [sentence] = splitSentences(text);
  assert.ok(sentence);
  const at = sentence.tokens.findIndex((t) => t.text === trigger);
  assert.ok(at >= 0, `no ${trigger} in ${JSON.stringify(text)}`);
  return modalityOf(sentence, at);
}

describe("modalityOf: asserted", () => {
  it("a plain report of an act", () => {
    assert.equal(modality("Rebels shelled Kafr Zita on Monday.", "shelled"), "asserted");
    assert.equal(modality("Kafr Zita was shelled by government forces.", "shelled"), "asserted");
  });

  it("a denial of casualties after the act does not negate the act", () => {
    assert.equal(
      modality("Government forces shelled Douma, but no casualties were reported.", "shelled"),
      "asserted",
    );
  });

  it("'continued to shell … on Sunday' is an act, not a habit", () => {
    assert.equal(modality("Government forces continued shelling Douma on Sunday.", "shelling"), "asserted");
  });

  it("'the first airstrikes since the truce' is news, not background", () => {
    assert.equal(modality("The first airstrikes since the truce hit Idlib on Monday.", "hit"), "asserted");
  });

  it("a denial of deaths in a clause before the act does not negate the act", () => {
    assert.equal(
      modality("Rebels said no civilians were killed when government forces shelled Douma.", "shelled"),
      "asserted",
    );
  });
});

describe("modalityOf: negated", () => {
  it("'No civilians were killed'", () => {
    assert.equal(modality("No civilians were killed in Douma.", "killed"), "negated");
  });

  it("'denied shelling'", () => {
    assert.equal(modality("The army denied shelling Douma on Monday.", "shelling"), "negated");
  });

  it("'did not attack'", () => {
    assert.equal(modality("Rebels did not attack Hama, a spokesman said.", "attack"), "negated");
  });

  it("an attack repelled or thwarted did not happen as reported", () => {
    assert.equal(modality("The army said it thwarted an attack on Hama.", "attack"), "negated");
  });
});

describe("modalityOf: planned and threatened", () => {
  it("'threatened to attack'", () => {
    assert.equal(modality("Rebels threatened to attack Hama.", "attack"), "planned");
  });

  it("'vowed to storm'", () => {
    assert.equal(modality("Rebels vowed to storm Hama.", "storm"), "planned");
  });

  it("'will shell'", () => {
    assert.equal(modality("The army will shell any rebel position in Daraa.", "shell"), "planned");
  });

  it("'an offensive is expected'", () => {
    assert.equal(modality("An offensive is expected soon.", "offensive"), "planned");
  });

  it("'a government offensive on Idlib is expected'", () => {
    assert.equal(modality("A government offensive on Idlib is expected.", "offensive"), "planned");
  });
});

describe("modalityOf: hypothetical", () => {
  it("'if rebels attack'", () => {
    assert.equal(modality("If rebels attack Hama, the army will respond.", "attack"), "hypothetical");
  });

  it("'could shell'", () => {
    assert.equal(modality("Government forces could shell Douma again.", "shell"), "hypothetical");
  });

  it("'might launch an offensive'", () => {
    assert.equal(
      modality("Officials said Turkey might launch an offensive on Afrin.", "offensive"),
      "hypothetical",
    );
  });
});

describe("modalityOf: background", () => {
  it("'since 2015' is a campaign, not an incident", () => {
    assert.equal(
      modality("Russia has carried out airstrikes in Idlib since 2015.", "airstrikes"),
      "historical",
    );
  });

  it("'for weeks' is a campaign", () => {
    assert.equal(
      modality("Rebels and government forces have been fighting in Daraa for weeks.", "fighting"),
      "historical",
    );
  });

  it("'in recent weeks' is a campaign", () => {
    assert.equal(modality("Jets have struck Idlib in recent weeks.", "struck"), "historical");
  });

  it("'over the past two months' is a campaign", () => {
    assert.equal(modality("Jets have struck Idlib over the past two months.", "struck"), "historical");
  });

  it("a cumulative tally is background: 'Since the ceasefire began, 120 people have been killed'", () => {
    assert.equal(
      modality("Since the ceasefire began, 120 people have been killed in Idlib.", "killed"),
      "historical",
    );
  });

  it("'repeatedly shelled' is a habit", () => {
    assert.equal(modality("Government forces have repeatedly shelled Douma.", "shelled"), "historical");
  });

  it("'continue to assault' is a present habit", () => {
    assert.equal(modality("Rebels continue to assault the town of Morek.", "assault"), "historical");
  });
});
