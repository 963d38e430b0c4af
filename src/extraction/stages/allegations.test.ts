// Allegations: who accuses whom, in active and passive voice, mutual blame both ways, and speakers charging breaches.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eventsOf, sentenceOf, stageFixture } from "../../../test/support/stage-fixtures.js";
import { findAllegations } from "./allegations.js";

async function pairs(text: string, mainParties: readonly string[] = ["SY-GOV", "SY-OPP"]): Promise<string[]> {
  const fixture = await stageFixture(text);
  const sentence = sentenceOf(fixture);
  return findAllegations({
    sentence,
    actors: fixture.actors.filter((a) => a.sentence === sentence.index),
    events: eventsOf(fixture),
    mainParties,
    recentPerpetrator: null,
    isParty: (id) => /^(state|government_forces|armed_group)$/.test(fixture.knowledge.actorKind(id) ?? ""),
  }).map((a) => `${a.accuser}>${a.accused}`);
}

describe("findAllegations: accusations", () => {
  it("'X accused Y of …'", async () => {
    assert.deepEqual(await pairs("Russia accused Turkey of shelling Kurdish positions."), ["RU>TR"]);
  });

  it("'Y was accused by X of …'", async () => {
    assert.deepEqual(await pairs("Turkey was accused by Iran of violating the ceasefire."), ["IR>TR"]);
  });

  it("'X blamed Y for …'", async () => {
    assert.deepEqual(await pairs("Russia blamed rebels for the shelling of Aleppo."), ["RU>SY-OPP"]);
  });

  it("'Y were blamed by X'", async () => {
    assert.deepEqual(await pairs("Rebels were blamed by the army for the attack."), ["SY-GOV>SY-OPP"]);
  });

  it("'X held Y responsible'", async () => {
    assert.deepEqual(await pairs("Turkey held Russia responsible for the attack."), ["TR>RU"]);
  });

  it("'X accused Ankara of …' charges Turkey", async () => {
    assert.deepEqual(await pairs("Damascus accused Ankara of backing terrorists."), ["SY-GOV>TR"]);
  });

  it("civilians accuse no one in the guide's sense", async () => {
    assert.deepEqual(await pairs("Civilians accused the army of shelling their homes."), []);
  });

  it("the UN is never the accused", async () => {
    assert.deepEqual(await pairs("Russia accused the United Nations of bias."), []);
  });
});

describe("findAllegations: mutual blame gives both directions", () => {
  it("'Turkey and Iran traded blame'", async () => {
    assert.deepEqual(await pairs("Turkey and Iran traded blame for the breakdown of the truce."), [
      "TR>IR",
      "IR>TR",
    ]);
  });

  it("'traded accusations'", async () => {
    assert.deepEqual(await pairs("Turkey and Iran traded accusations over the truce."), ["TR>IR", "IR>TR"]);
  });

  it("'the army and rebels accused each other'", async () => {
    assert.deepEqual(await pairs("The army and rebels accused each other of breaching the ceasefire."), [
      "SY-GOV>SY-OPP",
      "SY-OPP>SY-GOV",
    ]);
  });

  it("'both sides accused each other' takes the article's main parties", async () => {
    assert.deepEqual(await pairs("Both sides accused each other of breaking the truce.", ["RU", "TR"]), [
      "RU>TR",
      "TR>RU",
    ]);
  });

  it("'Moscow and Ankara traded blame' names its own pair", async () => {
    assert.deepEqual(await pairs("Moscow and Ankara traded blame on Tuesday."), ["RU>TR", "TR>RU"]);
  });
});

describe("findAllegations: speakers charging breaches", () => {
  it("'X said Y had violated the truce'", async () => {
    assert.deepEqual(await pairs("Iran said Turkey had violated the truce."), ["IR>TR"]);
  });

  it("'X said Y violated the ceasefire by shelling …'", async () => {
    assert.deepEqual(await pairs("Turkey said regime forces violated the ceasefire by shelling Kafr Zita."), [
      "TR>SY-GOV",
    ]);
  });

  it("'X condemned the airstrikes by Y'", async () => {
    assert.deepEqual(await pairs("The United Nations condemned the airstrikes by Russian jets on Idlib."), [
      "UN>RU",
    ]);
  });

  it("a monitor reporting a breach is not an accuser", async () => {
    const found = await pairs(
      "The Syrian Observatory for Human Rights said regime forces violated the truce.",
    );
    assert.ok(
      found.every((p) => p.endsWith(">SY-GOV") && !p.startsWith("SY-GOV")),
      JSON.stringify(found),
    );
    assert.deepEqual(found, []);
  });
});

describe("findAllegations: no accusation", () => {
  it("a report of an act accuses no one", async () => {
    assert.deepEqual(await pairs("Rebels shelled Douma on Monday."), []);
  });

  it("talk of a truce accuses no one", async () => {
    assert.deepEqual(await pairs("Russia and Turkey said the truce was holding."), []);
  });
});
