// Casualty figures and counts: what is a death toll, what is a count, and what is neither.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type CasualtyMention, findCasualties, parseNumberWords } from "./numbers.js";

type Brief = Pick<CasualtyMention, "kind" | "value" | "low" | "high" | "approximate" | "who">;

const brief = (m: CasualtyMention): Brief => ({
  kind: m.kind,
  value: m.value,
  low: m.low,
  high: m.high,
  approximate: m.approximate,
  who: m.who,
});

function one(text: string): CasualtyMention {
  const found = findCasualties(text);
  assert.equal(
    found.length,
    1,
    `expected one mention in ${JSON.stringify(text)}, got ${JSON.stringify(found)}`,
  );
  const [m] = found;
  assert.ok(m);
  return m;
}

const exact = (kind: CasualtyMention["kind"], n: number, who: CasualtyMention["who"]): Brief => ({
  kind,
  value: n,
  low: n,
  high: n,
  approximate: false,
  who,
});

describe("parseNumberWords", () => {
  const cases: Array<[string, number | null]> = [
    ["13", 13],
    ["2,152", 2152],
    ["1.5 million", 1_500_000],
    ["zero", 0],
    ["thirteen", 13],
    ["Ninety-nine", 99],
    ["ninety nine", 99],
    ["forty-one", 41],
    ["hundred", 100],
    ["a hundred", 100],
    ["one hundred and twenty", 120],
    ["three thousand", 3000],
    ["two thousand five hundred", 2500],
    ["a dozen", 12],
    ["two dozen", 24],
    ["half a dozen", 6],
    ["", null],
    ["a", null],
    ["several", null],
    ["twenty one two", null],
    ["one twenty", null],
    ["nineteen ninety", null],
    ["five apples", null],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(parseNumberWords(input), expected));
  }
});

describe("findCasualties: killed", () => {
  it("hedged figure with no noun", () => {
    const m = one("At least 9 killed as shells hit the market.");
    assert.deepEqual(brief(m), {
      kind: "killed",
      value: 9,
      low: 9,
      high: null,
      approximate: true,
      who: null,
    });
    assert.equal(m.text, "At least 9 killed");
  });
  it("active verb before the figure, subset after it is not counted twice", () => {
    const m = one("The blast tore through a bus, killing at least 23 people including six children.");
    assert.deepEqual(brief(m), {
      kind: "killed",
      value: 23,
      low: 23,
      high: null,
      approximate: true,
      who: "people",
    });
    assert.equal(m.text, "killing at least 23 people");
  });
  it("'killed 8 people' and passive 'were killed'", () => {
    assert.deepEqual(brief(one("Airstrikes killed 8 people in the suburb.")), exact("killed", 8, "people"));
    assert.deepEqual(
      brief(one("Three civilians were killed near the bakery.")),
      exact("killed", 3, "civilians"),
    );
  });
  it("a lone article counts one person", () => {
    assert.deepEqual(
      brief(one("A civilian woman was killed by sniper fire.")),
      exact("killed", 1, "civilians"),
    );
    assert.deepEqual(brief(one("a 9-year-old girl was shot dead")), exact("killed", 1, "children"));
    assert.deepEqual(brief(one("One soldier killed, officials said.")), exact("killed", 1, "soldiers"));
  });
  it("toll phrasing", () => {
    assert.deepEqual(brief(one("The death toll rose to 42 on Friday.")), exact("killed", 42, null));
    assert.deepEqual(brief(one("the deaths of seven personnel")), exact("killed", 7, "soldiers"));
    assert.deepEqual(brief(one("The car bomb left 18 dead.")), exact("killed", 18, null));
    assert.deepEqual(brief(one("Medics counted 27 dead.")), exact("killed", 27, null));
  });
  it("number words up to ninety-nine and above", () => {
    assert.equal(one("Seventy-four fighters died in the assault.").value, 74);
    assert.equal(one("one hundred and five people were killed").value, 105);
  });
  it("coordinated groups give one mention each", () => {
    const found = findCasualties("Two police officers and four farmers were killed.");
    assert.deepEqual(found.map(brief), [exact("killed", 2, "soldiers"), exact("killed", 4, "civilians")]);
  });
  it("partitives", () => {
    assert.deepEqual(
      brief(one("The ministry said 6 of its soldiers were killed.")),
      exact("killed", 6, "soldiers"),
    );
  });
});

describe("findCasualties: injured, captured, displaced", () => {
  it("two mentions in one sentence", () => {
    const found = findCasualties("Eight women were killed and a dozen injured.");
    assert.deepEqual(found.map(brief), [exact("killed", 8, "civilians"), exact("injured", 12, null)]);
  });
  it("active wounding and injuring", () => {
    assert.deepEqual(
      brief(one("The mortar hit a school, wounding 14 people.")),
      exact("injured", 14, "people"),
    );
    assert.deepEqual(brief(one("Sniper fire injured two servicemen.")), exact("injured", 2, "soldiers"));
  });
  it("'killed 4 and injured 11' without nouns", () => {
    const found = findCasualties("The raid killed 4 and injured 11.");
    assert.deepEqual(
      found.map((m) => [m.kind, m.value]),
      [
        ["killed", 4],
        ["injured", 11],
      ],
    );
  });
  it("captured and displaced", () => {
    assert.equal(one("Gunmen abducted five aid workers.").kind, "captured");
    assert.equal(one("Some 300 residents fled the fighting.").kind, "displaced");
  });
  it("'casualties' is not a death toll", () => {
    assert.equal(one("The hospital received 30 casualties.").kind, "injured");
  });
});

describe("findCasualties: vague and hedged figures", () => {
  it("dozens: value null, low 24", () => {
    assert.deepEqual(brief(one("Dozens were killed in the offensive.")), {
      kind: "killed",
      value: null,
      low: 24,
      high: null,
      approximate: true,
      who: null,
    });
    assert.equal(one("dozens of casualties were reported").kind, "injured");
  });
  it("scores and hundreds", () => {
    assert.equal(one("Scores of people were wounded.").low, 40);
    assert.equal(one("Hundreds of civilians fled.").low, 200);
  });
  it("ranges", () => {
    assert.deepEqual(brief(one("between 11 and 16 people were killed")), {
      kind: "killed",
      value: 11,
      low: 11,
      high: 16,
      approximate: true,
      who: "people",
    });
    assert.deepEqual(
      [one("5 to 7 soldiers were wounded").low, one("5-7 soldiers were wounded").high],
      [5, 7],
    );
  });
  it("more than / nearly", () => {
    assert.deepEqual(brief(one("More than 40 people died.")), {
      kind: "killed",
      value: 40,
      low: 41,
      high: null,
      approximate: true,
      who: "people",
    });
    assert.deepEqual(brief(one("nearly 3,481 civilians have been killed")), {
      kind: "killed",
      value: 3481,
      low: null,
      high: 3481,
      approximate: true,
      who: "civilians",
    });
  });
  it("'killed or wounded' bounds both and fixes neither", () => {
    const found = findCasualties("15 people were killed or wounded.");
    assert.deepEqual(
      found.map((m) => [m.kind, m.value, m.low, m.high]),
      [
        ["killed", null, null, 15],
        ["injured", null, null, 15],
      ],
    );
  });
});

describe("findCasualties: no casualties is killed 0", () => {
  for (const text of [
    "No casualties were reported.",
    "No one was hurt in the blast.",
    "Nobody was injured.",
    "The rockets fell without casualties.",
    "There were no immediate reports of casualties.",
    "The attack caused no casualties.",
  ]) {
    it(JSON.stringify(text), () => {
      const m = one(text);
      assert.deepEqual([m.kind, m.value], ["killed", 0]);
    });
  }
  it("who when the negation names civilians", () => {
    assert.equal(one("There were no civilian casualties.").who, "civilians");
  });
});

describe("findCasualties: counts are not casualties", () => {
  it("factions and violations are counts", () => {
    const m = one("Eleven rebel factions signed the deal.");
    assert.deepEqual([m.kind, m.value, m.who, m.text], ["count", 11, null, "Eleven rebel factions"]);
    assert.deepEqual([one("Monitors logged 17 ceasefire violations.").kind], ["count"]);
    assert.equal(one("They fired 35 shells at the village.").kind, "count");
  });
  it("people with no act are a count of people", () => {
    const m = one("About 400 fighters gathered near the border.");
    assert.deepEqual([m.kind, m.who, m.approximate], ["count", "fighters", true]);
  });
  for (const text of [
    "The ceasefire was violated 140 times.",
    "They used 82mm and 120 mm mortars that killed nobody we know of",
    "Over the past 24 hours the front was quiet.",
    "In 2015 militants killed the mayor.",
    "At 0630 hours a patrol was attacked.",
    "The plan has 12 articles and 3 annexes.",
    "Resolution 2401 demanded a 30-day truce.",
    "On 30 December, killed civilians were buried.",
    "One of the deadliest attacks this year.",
    "T-72 tanks advanced.",
    "It cost $5 million.",
  ]) {
    it(`no casualty in ${JSON.stringify(text)}`, () => {
      const found = findCasualties(text).filter((m) => m.kind !== "count");
      assert.deepEqual(found, []);
    });
  }
  it("years before a verb are not figures", () => {
    assert.deepEqual(
      findCasualties("In 2016 killed and wounded soldiers were honoured; since 2014 killed 300 people.").map(
        (m) => m.value,
      ),
      [300],
    );
  });
});

describe("findCasualties: spans", () => {
  it("text is the slice of the span, mentions in text order", () => {
    const text = "Shelling killed 3 soldiers. Later, 2 children were wounded. No one else was hurt.";
    const found = findCasualties(text);
    for (const m of found) assert.equal(text.slice(m.span.start, m.span.end), m.text);
    assert.deepEqual(
      found.map((m) => m.kind),
      ["killed", "injured", "killed"],
    );
  });
});
