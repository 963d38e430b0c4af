// Incident assembly: repeated and definite mentions merged, distinct places and days kept apart, gaps filled from context.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { shippedKnowledge } from "../../../test/support/stage-fixtures.js";
import type { EventType, SubEventType } from "../../domain/ontology.js";
import type { KnownPlace } from "../knowledge.js";
import type { EventMention } from "./events.js";
import { assembleIncidents, type DatedValue, type EventRecord } from "./incidents.js";

const places = new Map<string, KnownPlace>();

before(async () => {
  const knowledge = await shippedKnowledge();
  for (const [name, kind] of [
    ["Douma", "town"],
    ["Kafr Zita", "town"],
    ["Hama", "governorate"],
    ["Hama", "town"],
    ["Idlib", "town"],
  ] as const) {
    const place = knowledge.places.lookup(name).find((p) => p.kind === kind && p.country === "SY");
    assert.ok(place, `${name} (${kind}) is in the gazetteer`);
    places.set(`${name}/${kind}`, place);
  }
});

function place(key: string): KnownPlace {
  const found = places.get(key);
  assert.ok(found, key);
  return found;
}

const SHELLING: [EventType, SubEventType] = [
  "Explosions/Remote violence",
  "Shelling/artillery/missile attack",
];
const AIR: [EventType, SubEventType] = ["Explosions/Remote violence", "Air/drone strike"];
const CLASH: [EventType, SubEventType] = ["Battles", "Armed clash"];

const day = (date: string): DatedValue => ({ date, end: null, precision: 1 });

interface RecordOptions {
  readonly at?: string;
  readonly type?: [EventType, SubEventType] | null;
  readonly perpetrator?: string | null;
  readonly target?: string | null;
  readonly when?: DatedValue;
  readonly killed?: number | null;
  readonly sentence?: number;
  readonly breach?: boolean;
  readonly definite?: boolean;
}

/** One event record as the pipeline builds it, every field defaulted to a plain government shelling of Douma. */
function record(options: RecordOptions = {}): EventRecord {
  const at = options.at ?? "Douma/town";
  const type = options.type === undefined ? SHELLING : options.type;
  const sentence = options.sentence ?? 0;
  const event: EventMention = {
    sentence,
    span: { start: sentence * 100, end: sentence * 100 + 7 },
    trigger: "shelled",
    eventType: type?.[0] ?? null,
    subEventType: type?.[1] ?? null,
    perpetrator: options.perpetrator === undefined ? "SY-GOV" : options.perpetrator,
    target: options.target ?? null,
    place: null,
    vicinity: false,
    breach: options.breach ?? false,
    definite: options.definite ?? false,
    vagueType: false,
    triggerToken: 1,
  };
  return {
    event,
    place: place(at),
    placeText: at.split("/")[0] as string,
    when: options.when ?? day("2017-02-13"),
    killed: options.killed ?? null,
    evidence: { span: { start: sentence * 100, end: sentence * 100 + 90 }, text: `sentence ${sentence}` },
    paragraph: sentence,
  };
}

describe("assembleIncidents: one incident per event", () => {
  it("a single record gives one incident with its fields", () => {
    const [incident, ...rest] = assembleIncidents([record({ killed: 4, target: "CIV" })]);
    assert.deepEqual(rest, []);
    assert.ok(incident);
    assert.equal(incident.eventType, "Explosions/Remote violence");
    assert.equal(incident.subEventType, "Shelling/artillery/missile attack");
    assert.equal(incident.location, "Douma");
    assert.equal(incident.place.admin1, "SY-RD");
    assert.equal(incident.perpetrator, "SY-GOV");
    assert.equal(incident.perpetratorFrom, "sentence");
    assert.equal(incident.target, "CIV");
    assert.equal(incident.killed, 4);
    assert.equal(incident.geoPrecision, 1);
    assert.equal(incident.mentions, 1);
  });

  it("repeated mentions of one event merge, keeping each sentence as evidence", () => {
    const incidents = assembleIncidents([record({ sentence: 0 }), record({ sentence: 3 })]);
    assert.equal(incidents.length, 1);
    assert.equal(incidents[0]?.mentions, 2);
    assert.deepEqual(
      incidents[0]?.evidence.map((e) => e.text),
      ["sentence 0", "sentence 3"],
    );
  });

  it("distinct places give distinct incidents", () => {
    const incidents = assembleIncidents([record(), record({ at: "Kafr Zita/town", sentence: 1 })]);
    assert.deepEqual(
      incidents.map((i) => i.location),
      ["Douma", "Kafr Zita"],
    );
  });

  it("distinct days at one place give distinct incidents", () => {
    const incidents = assembleIncidents([
      record({ when: day("2017-02-13") }),
      record({ when: day("2017-02-14"), sentence: 1 }),
    ]);
    assert.deepEqual(
      incidents.map((i) => i.when.date),
      ["2017-02-13", "2017-02-14"],
    );
  });

  it("distinct event types at one place give distinct incidents", () => {
    const incidents = assembleIncidents([record(), record({ type: CLASH, sentence: 1 })]);
    assert.deepEqual(
      incidents.map((i) => i.eventType),
      ["Explosions/Remote violence", "Battles"],
    );
  });

  it("distinct perpetrators at one place and day give distinct incidents", () => {
    const incidents = assembleIncidents([record(), record({ type: AIR, perpetrator: "RU", sentence: 1 })]);
    assert.deepEqual(
      incidents.map((i) => [i.perpetrator, i.subEventType]),
      [
        ["SY-GOV", "Shelling/artillery/missile attack"],
        ["RU", "Air/drone strike"],
      ],
    );
  });

  it("a date known within a week merges with a day inside that week and takes the precise day", () => {
    const incidents = assembleIncidents([
      record({ when: { date: "2017-02-15", end: null, precision: 2 } }),
      record({ when: day("2017-02-12"), sentence: 1 }),
    ]);
    assert.equal(incidents.length, 1);
    assert.deepEqual(incidents[0]?.when, day("2017-02-12"));
  });

  it("a province named once and a town of it named again are one incident, located at the town", () => {
    const incidents = assembleIncidents([
      record({ at: "Hama/governorate", perpetrator: "SY-OPP" }),
      record({ at: "Kafr Zita/town", perpetrator: "SY-OPP", sentence: 1 }),
    ]);
    assert.equal(incidents.length, 1);
    assert.equal(incidents[0]?.location, "Kafr Zita");
    assert.equal(incidents[0]?.geoPrecision, 1);
  });
});

describe("assembleIncidents: definite references", () => {
  it("'the bombardment' merges into the earlier incident", () => {
    const incidents = assembleIncidents([
      record({ killed: 5 }),
      record({ definite: true, sentence: 1, killed: 3, target: "CIV" }),
    ]);
    assert.equal(incidents.length, 1);
    assert.equal(incidents[0]?.mentions, 2);
    assert.equal(incidents[0]?.target, "CIV");
  });

  it("a definite reference with nothing to refer to makes no incident", () => {
    assert.deepEqual(assembleIncidents([record({ definite: true })]), []);
  });
});

describe("assembleIncidents: casualties", () => {
  it("killed is the lowest figure stated across mentions", () => {
    const incidents = assembleIncidents([record({ killed: 9 }), record({ killed: 7, sentence: 1 })]);
    assert.equal(incidents[0]?.killed, 7);
  });

  it("a figure given once survives a mention without one", () => {
    const incidents = assembleIncidents([record({ killed: null }), record({ killed: 6, sentence: 1 })]);
    assert.equal(incidents[0]?.killed, 6);
  });

  it("zero dead is kept as 0, not taken for unknown", () => {
    const incidents = assembleIncidents([record({ killed: 0 }), record({ killed: 3, sentence: 1 })]);
    assert.equal(incidents[0]?.killed, 0);
  });
});

describe("assembleIncidents: killings without their means", () => {
  it("take the type of the act reported before them and merge with it", () => {
    const incidents = assembleIncidents([
      record({ type: AIR, perpetrator: "RU" }),
      record({ type: null, perpetrator: null, killed: 4, sentence: 1 }),
    ]);
    assert.equal(incidents.length, 1);
    assert.equal(incidents[0]?.subEventType, "Air/drone strike");
    assert.equal(incidents[0]?.killed, 4);
  });

  it("on their own, with civilians killed, are violence against civilians", () => {
    const [incident] = assembleIncidents([
      record({ type: null, perpetrator: null, target: "CIV", killed: 2 }),
    ]);
    assert.equal(incident?.eventType, "Violence against civilians");
    assert.equal(incident?.subEventType, "Attack");
  });

  it("with no count and no act, make no incident", () => {
    assert.deepEqual(assembleIncidents([record({ type: null, perpetrator: null, killed: null })]), []);
  });
});

describe("assembleIncidents: perpetrators from context", () => {
  it("an act with no actor takes the perpetrator of the nearest earlier act", () => {
    const incidents = assembleIncidents([
      record({ perpetrator: "SY-GOV" }),
      record({ at: "Kafr Zita/town", perpetrator: null, sentence: 1 }),
    ]);
    assert.equal(incidents[1]?.perpetrator, "SY-GOV");
    assert.equal(incidents[1]?.perpetratorFrom, "context");
  });

  it("a perpetrator read in a sentence replaces one inferred from context", () => {
    const incidents = assembleIncidents([
      record({ at: "Kafr Zita/town", perpetrator: "SY-GOV" }),
      record({ perpetrator: null, sentence: 1 }),
      record({ perpetrator: "SY-OPP", sentence: 2 }),
    ]);
    const douma = incidents.find((i) => i.location === "Douma");
    assert.equal(douma?.perpetrator, "SY-OPP");
    assert.equal(douma?.perpetratorFrom, "sentence");
  });

  it("a count of breaches gets no guessed violator", () => {
    const incidents = assembleIncidents([
      record({ perpetrator: "SY-GOV" }),
      record({
        at: "Hama/governorate",
        type: ["Strategic developments", "Other"],
        perpetrator: null,
        breach: true,
        sentence: 1,
      }),
    ]);
    assert.equal(incidents[1]?.perpetrator, null);
    assert.equal(incidents[1]?.perpetratorFrom, null);
  });

  it("each side's bulletin tally of one province is its own incident", () => {
    const tally: [EventType, SubEventType] = ["Strategic developments", "Other"];
    const incidents = assembleIncidents([
      record({ at: "Hama/governorate", type: tally, perpetrator: null, breach: true, sentence: 0 }),
      record({ at: "Hama/governorate", type: tally, perpetrator: null, breach: true, sentence: 1 }),
    ]);
    assert.equal(incidents.length, 2);
  });
});
