// Actor mentions: names, generic phrases resolved by country, metonyms as subjects only, witnesses and modifiers dropped.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shippedKnowledge } from "../../../test/support/stage-fixtures.js";
import { type ActorMention, findActors, resolveActors } from "./actors.js";
import { splitSentences } from "./sentences.js";

async function raw(text: string): Promise<ActorMention[]> {
  return findActors(text, splitSentences(text), await shippedKnowledge());
}

async function resolved(text: string, country: string | null = "SY"): Promise<[string, string | null][]> {
  return resolveActors(await raw(text), country).map((a) => [a.text, a.actorId]);
}

describe("findActors: names and aliases", () => {
  it("reads canonical actors from names and aliases", async () => {
    assert.deepEqual(await resolved("Jaish al-Islam and Islamic State fighters clashed with Hezbollah."), [
      ["Jaish al-Islam", "SY-OPP"],
      ["Islamic State", "ISIS"],
      ["Hezbollah", "HEZBOLLAH"],
    ]);
  });

  it("keeps the span, sentence and token bounds of each mention", async () => {
    const text = "Shells fell on Hama. Rebels shelled Kafr Zita.";
    const [rebels] = await raw(text);
    assert.ok(rebels);
    assert.equal(rebels.text, "Rebels");
    assert.equal(text.slice(rebels.span.start, rebels.span.end), "Rebels");
    assert.equal(rebels.sentence, 1);
    assert.equal(rebels.endToken - rebels.firstToken, 1);
  });

  it("reads a nationality adjective as its state", async () => {
    assert.deepEqual(await resolved("Russian airstrikes hit Idlib."), [["Russian", "RU"]]);
  });

  it("reads civilians as CIV", async () => {
    assert.deepEqual(await resolved("Three civilians were killed."), [["civilians", "CIV"]]);
  });
});

describe("findActors: generic phrases wait for the country", () => {
  it("leaves 'rebels' and 'the army' unresolved until the country is known", async () => {
    const found = await raw("Rebels said the army shelled Douma.");
    assert.deepEqual(
      found.map((a) => [a.text, a.actorId, a.how]),
      [
        ["Rebels", null, "generic"],
        ["the army", null, "generic"],
      ],
    );
  });

  it("resolves them to Syria's parties in a Syrian article", async () => {
    assert.deepEqual(await resolved("Rebels said the army shelled Douma."), [
      ["Rebels", "SY-OPP"],
      ["the army", "SY-GOV"],
    ]);
  });

  it("reads 'regime' and 'government forces' as the Syrian government", async () => {
    assert.deepEqual(await resolved("Regime shelling and government forces."), [
      ["Regime", "SY-GOV"],
      ["government forces", "SY-GOV"],
    ]);
  });
});

describe("findActors: metonyms", () => {
  it("reads a capital that speaks as its state", async () => {
    assert.deepEqual(await resolved("Damascus said the truce held."), [["Damascus", "SY-GOV"]]);
  });

  it("does not read a capital named as a place as an actor", async () => {
    assert.deepEqual(await resolved("Mortars fell in Damascus on Monday."), []);
  });

  it("reads a capital that is accused as its state", async () => {
    assert.deepEqual(await resolved("Damascus accused Ankara of shelling Afrin."), [
      ["Damascus", "SY-GOV"],
      ["Ankara", "TR"],
    ]);
  });

  it("reads both capitals of a pair that trades blame", async () => {
    assert.deepEqual(await resolved("Moscow and Ankara traded blame on Tuesday."), [
      ["Moscow", "RU"],
      ["Ankara", "TR"],
    ]);
  });
});

describe("findActors: witnesses and qualifiers", () => {
  it("does not read the nationality in a monitor's name as a party", async () => {
    assert.deepEqual(await resolved("The Syrian Observatory for Human Rights said mortars hit Idlib."), []);
  });

  it("drops a monitor of the press once the actors are resolved", async () => {
    const text = "The Syrian Observatory for Human Rights reported clashes.";
    const sources = (await raw(text)).filter((a) => a.phrase.kind === "source");
    assert.ok(sources.length > 0, "the Observatory is found as a source");
    assert.deepEqual(
      resolveActors(sources, "SY").map((a) => a.text),
      [],
    );
  });

  it("drops a nationality that only qualifies the next actor", async () => {
    assert.deepEqual(await resolved("Turkish troops and Syrian Kurdish fighters clashed."), [
      ["Turkish troops", "TR"],
      ["Kurdish fighters", "SDF"],
    ]);
  });

  it("does not read a generic word heading a proper name as an actor", async () => {
    const found = await resolved("Fighters of the Army of Conquest shelled Hama.");
    assert.ok(!found.some(([text]) => text.toLowerCase() === "army"), JSON.stringify(found));
  });
});

describe("resolveActors", () => {
  it("drops a generic phrase its country does not define and that has no fallback", async () => {
    const found = await raw("Rebels shelled the town.");
    assert.equal(found.length, 1);
    assert.deepEqual(resolveActors(found, null), []);
  });

  it("keeps named actors whatever the country", async () => {
    assert.deepEqual(
      resolveActors(await raw("Hezbollah fighters advanced."), null).map((a) => a.actorId),
      ["HEZBOLLAH"],
    );
  });
});
