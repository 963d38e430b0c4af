// Event mentions: type, perpetrator, target and place read from one sentence, voice, qualifiers and speakers included.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eventsIn, eventsOf, sentenceOf, stageFixture } from "../../../test/support/stage-fixtures.js";
import { type EventMention, isProvince } from "./events.js";

async function one(text: string): Promise<EventMention> {
  const events = await eventsIn(text);
  assert.equal(events.length, 1, `one event in ${JSON.stringify(text)}: ${JSON.stringify(events)}`);
  const [event] = events;
  assert.ok(event);
  return event;
}

const summary = (e: EventMention) => ({
  place: e.place?.text ?? null,
  subEventType: e.subEventType,
  perpetrator: e.perpetrator,
});

describe("findEvents: voice", () => {
  it("active voice: the subject is the perpetrator", async () => {
    const e = await one("Rebels shelled Kafr Zita on Monday.");
    assert.equal(e.perpetrator, "SY-OPP");
    assert.equal(e.subEventType, "Shelling/artillery/missile attack");
    assert.equal(e.eventType, "Explosions/Remote violence");
    assert.equal(e.place?.text, "Kafr Zita");
    assert.equal(e.trigger, "shelled");
  });

  it("passive voice: the agent after 'by' is the perpetrator", async () => {
    const e = await one("Kafr Zita was shelled by government forces on Monday.");
    assert.equal(e.perpetrator, "SY-GOV");
    assert.equal(e.place?.text, "Kafr Zita");
  });

  it("a noun with its agent: 'shelling by regime forces'", async () => {
    const e = await one("Shelling by regime forces on Douma killed three people.");
    assert.equal(e.perpetrator, "SY-GOV");
  });
});

describe("findEvents: modifiers", () => {
  it("'regime shelling' charges the regime", async () => {
    const e = await one("Regime shelling hit Douma on Tuesday.");
    assert.equal(e.perpetrator, "SY-GOV");
    assert.equal(e.subEventType, "Shelling/artillery/missile attack");
  });

  it("'Russian airstrikes' charges Russia with an air strike", async () => {
    const e = await one("Russian airstrikes struck Maarat al-Numan on Monday.");
    assert.equal(e.perpetrator, "RU");
    assert.equal(e.subEventType, "Air/drone strike");
  });

  it("a weapon named beside a weak act decides the type", async () => {
    const e = await one("Rebels fired rockets at Aleppo on Sunday.");
    assert.equal(e.subEventType, "Shelling/artillery/missile attack");
    assert.equal(e.perpetrator, "SY-OPP");
  });
});

describe("findEvents: qualifiers, targets and speakers", () => {
  it("'rebel-held' names the target, not the perpetrator", async () => {
    const e = await one("Government forces shelled rebel-held Douma.");
    assert.equal(e.perpetrator, "SY-GOV");
    assert.equal(e.target, "SY-OPP");
  });

  it("'rebel-held' with no other actor leaves the perpetrator unnamed", async () => {
    const e = await one("Shells hit rebel-held Douma on Monday.");
    assert.equal(e.perpetrator, null);
    assert.equal(e.target, "SY-OPP");
  });

  it("'Turkish-backed' qualifies the rebels, it does not make Turkey the perpetrator", async () => {
    const e = await one("Turkish-backed rebels shelled Manbij on Monday.");
    assert.equal(e.perpetrator, "SY-OPP");
  });

  it("the Observatory that reports is not the perpetrator", async () => {
    const e = await one("The Syrian Observatory for Human Rights said regime forces shelled Douma.");
    assert.equal(e.perpetrator, "SY-GOV");
  });

  it("a state that speaks is not the perpetrator: 'Turkey said that regime forces…'", async () => {
    const e = await one("Turkey said that regime forces shelled Kafr Zita.");
    assert.equal(e.perpetrator, "SY-GOV");
  });

  it("a speaker with no actor of the act leaves the perpetrator unnamed", async () => {
    const e = await one("Turkey said shells hit Kafr Zita on Monday.");
    assert.equal(e.perpetrator, null);
  });

  it("civilians named after the act are the target", async () => {
    const e = await one("Regime shelling hit Douma on Tuesday, killing three civilians.");
    assert.equal(e.target, "CIV");
  });

  it("the actor attacked is the target", async () => {
    const e = await one("Rebels attacked government positions near Hama.");
    assert.equal(e.perpetrator, "SY-OPP");
    assert.equal(e.target, "SY-GOV");
  });

  it("'seized X from Kurdish forces': the side that lost the place is the target", async () => {
    const e = await one(
      "Islamic State fighters seized the village of Tal Rifaat from Kurdish forces on Friday.",
    );
    assert.equal(e.target, "SDF");
  });

  it("a non-state actor taking a place is 'Non-state actor overtakes territory'", async () => {
    const e = await one("Islamic State fighters seized the village of Tal Rifaat on Friday.");
    assert.equal(e.perpetrator, "ISIS");
    assert.equal(e.subEventType, "Non-state actor overtakes territory");
  });
});

describe("findEvents: places", () => {
  it("a town in its province gives one event at the town", async () => {
    const e = await one("Russian airstrikes struck Kafr Zita in Hama province on Monday.");
    assert.equal(e.place?.text, "Kafr Zita");
  });

  it("two places give two events", async () => {
    const events = await eventsIn("Rebels shelled Kafr Zita and government forces shelled Douma on Monday.");
    assert.deepEqual(events.map(summary), [
      { place: "Kafr Zita", subEventType: "Shelling/artillery/missile attack", perpetrator: "SY-OPP" },
      { place: "Douma", subEventType: "Shelling/artillery/missile attack", perpetrator: "SY-GOV" },
    ]);
  });

  it("'airstrikes on Idlib and shelling of Douma': each place keeps its own kind of act", async () => {
    const events = await eventsIn("Airstrikes on Idlib and shelling of Douma killed 11 people on Sunday.");
    assert.deepEqual(
      events.map((e) => [e.place?.text, e.subEventType]),
      [
        ["Idlib", "Air/drone strike"],
        ["Douma", "Shelling/artillery/missile attack"],
      ],
    );
  });

  it("'near Damascus' marks the act as in the vicinity", async () => {
    const e = await one("Regime forces shelled areas near Damascus on Tuesday.");
    assert.equal(e.place?.text, "Damascus");
    assert.equal(e.vicinity, true);
  });

  it("a town located near a city is the place, the city only locates it", async () => {
    const e = await one("Government forces shelled Harasta near Damascus on Tuesday.");
    assert.equal(e.place?.text, "Harasta");
    assert.equal(e.vicinity, false);
  });

  it("a country is not an event place", async () => {
    const events = await eventsIn("Rebels shelled Syria's north on Monday.");
    assert.ok(
      events.every((e) => e.place === null),
      JSON.stringify(events.map(summary)),
    );
  });

  it("an act with no place gives one event with a null place", async () => {
    const e = await one("Government forces shelled rebel positions on Monday.");
    assert.equal(e.place, null);
    assert.equal(e.perpetrator, "SY-GOV");
  });
});

describe("findEvents: bulletin tallies", () => {
  it("'14 violations in the provinces of Damascus (8), Hama (3) …' gives one breach per province", async () => {
    const events = await eventsIn(
      "The Russian Defence Ministry registered 14 violations in the provinces of Damascus (8), Hama (3), Idlib (2) and Latakia (1).",
    );
    assert.deepEqual(
      events.map((e) => [e.place?.text, e.breach, e.subEventType, e.perpetrator]),
      [
        ["Damascus", true, "Other", null],
        ["Hama", true, "Other", null],
        ["Idlib", true, "Other", null],
        ["Latakia", true, "Other", null],
      ],
    );
  });

  it("a bulletin that says shelling gives shelling per province", async () => {
    const events = await eventsIn(
      "Rebels shelled government positions six times in the provinces of Hama (4) and Latakia (2).",
    );
    assert.deepEqual(events.map(summary), [
      { place: "Hama", subEventType: "Shelling/artillery/missile attack", perpetrator: "SY-OPP" },
      { place: "Latakia", subEventType: "Shelling/artillery/missile attack", perpetrator: "SY-OPP" },
    ]);
  });

  it("a count charged to a party names it: 'violations by rebels'", async () => {
    const events = await eventsIn(
      "The ministry recorded 6 violations by rebels in the provinces of Hama and Idlib.",
    );
    assert.ok(events.length > 0);
    assert.ok(
      events.every((e) => e.breach && e.perpetrator === "SY-OPP"),
      JSON.stringify(events.map(summary)),
    );
  });

  it("talk of violations in general is not an event", async () => {
    assert.deepEqual(await eventsIn("Violations of the truce in Idlib are a concern, the envoy said."), []);
  });
});

describe("findEvents: definite references", () => {
  it("'the bombardment … in Douma' refers back to an act already reported", async () => {
    const e = await one("Activists said the bombardment killed two more people in Douma.");
    assert.equal(e.definite, true);
  });

  it("'shelled Douma' introduces its act", async () => {
    const e = await one("Government forces shelled Douma on Monday.");
    assert.equal(e.definite, false);
  });

  it("'the shelling of Douma' introduces its place", async () => {
    const e = await one("The shelling of Douma continued on Monday.");
    assert.equal(e.definite, false);
  });
});

describe("findEvents: nothing to report", () => {
  it("a weapon named with no act and no death reports nothing", async () => {
    assert.deepEqual(await eventsIn("A truck with a machine gun was seen in Douma."), []);
  });

  it("a sentence with no trigger reports nothing", async () => {
    assert.deepEqual(await eventsIn("The envoy arrived in Damascus on Monday."), []);
  });
});

describe("isProvince", () => {
  it("reads 'Hama province' and 'rural Idlib' as governorates, 'Hama' alone as the city", async () => {
    const fixture = await stageFixture("Shells hit Hama province, rural Idlib and Hama.");
    const sentence = sentenceOf(fixture);
    assert.deepEqual(
      fixture.places.map((p) => [p.text, isProvince(sentence.tokens, p)]),
      [
        ["Hama province", true],
        ["Idlib", true],
        ["Hama", false],
      ],
    );
    assert.ok(eventsOf(fixture).length > 0);
  });
});
