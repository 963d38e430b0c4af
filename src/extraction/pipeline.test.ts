// The whole reading pipeline on short wire-style articles: incidents and allegations as the annotation guide codes them.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { shippedContext } from "../../test/support/stage-fixtures.js";
import { type ExtractionContext, extractArticle } from "./pipeline.js";
import type { ArticleReport, ExtractedIncident } from "./report.js";

/** A Wednesday: "on Monday" is 2017-02-13, "on Tuesday" 2017-02-14. */
const PUBLISHED = "2017-02-15";

let context: ExtractionContext;
before(async () => {
  context = await shippedContext();
});

function extract(text: string, published: string | null = PUBLISHED): ArticleReport {
  return extractArticle({ doc: "t", title: null, published, text }, context);
}

const incidentsOf = (text: string, published: string | null = PUBLISHED): readonly ExtractedIncident[] =>
  extract(text, published).incidents;

const brief = (i: ExtractedIncident) => ({
  date: i.date,
  admin1: i.admin1,
  location: i.location,
  subEventType: i.subEventType,
  perpetrator: i.perpetrator,
});

function only(text: string, published: string | null = PUBLISHED): ExtractedIncident {
  const incidents = incidentsOf(text, published);
  assert.equal(incidents.length, 1, `one incident: ${JSON.stringify(incidents.map(brief))}`);
  const [incident] = incidents;
  assert.ok(incident);
  return incident;
}

const allegationsOf = (text: string): string[] =>
  extract(text).allegations.map((a) => `${a.accuser}>${a.accused}`);

describe("extractArticle: an incident's fields", () => {
  it("active voice: 'Rebels shelled Kafr Zita in Hama province on Monday, killing four people'", () => {
    const i = only("Rebels shelled Kafr Zita in Hama province on Monday, killing four people.");
    assert.equal(i.date, "2017-02-13");
    assert.equal(i.datePrecision, 1);
    assert.equal(i.country, "SY");
    assert.equal(i.admin1, "SY-HM");
    assert.equal(i.location, "Kafr Zita");
    assert.equal(i.eventType, "Explosions/Remote violence");
    assert.equal(i.subEventType, "Shelling/artillery/missile attack");
    assert.equal(i.perpetrator, "SY-OPP");
    assert.equal(i.killed, 4);
    assert.equal(i.classification.classification, "violation");
    assert.ok(i.evidence[0]?.text.includes("Kafr Zita"));
  });

  it("passive voice: 'Douma was shelled by government forces'", () => {
    const i = only("Douma was shelled by government forces on Tuesday.");
    assert.deepEqual(brief(i), {
      date: "2017-02-14",
      admin1: "SY-RD",
      location: "Douma",
      subEventType: "Shelling/artillery/missile attack",
      perpetrator: "SY-GOV",
    });
  });

  it("a modifier names the perpetrator: 'Russian airstrikes struck Maarat al-Numan'", () => {
    const i = only("Russian airstrikes struck Maarat al-Numan in Idlib province on Monday.");
    assert.equal(i.perpetrator, "RU");
    assert.equal(i.subEventType, "Air/drone strike");
    assert.equal(i.admin1, "SY-ID");
  });

  it("'rebel-held' is the target, not the perpetrator", () => {
    const i = only("Shelling by regime forces on rebel-held Douma killed three people on Monday.");
    assert.equal(i.perpetrator, "SY-GOV");
    assert.equal(i.killed, 3);
  });

  it("the speaker is not the perpetrator: 'Turkey said that regime forces shelled …'", () => {
    const i = only("Turkey said that regime forces shelled Kafr Zita on Monday.");
    assert.equal(i.perpetrator, "SY-GOV");
  });

  it("the Observatory that reports is not the perpetrator", () => {
    const i = only("The Syrian Observatory for Human Rights said regime forces shelled Douma on Monday.");
    assert.equal(i.perpetrator, "SY-GOV");
  });

  it("an excluded group's attack is classified 'excluded'", () => {
    const i = only(
      "Islamic State fighters attacked government positions in Deir ez-Zor on Monday, killing six soldiers.",
    );
    assert.equal(i.eventType, "Battles");
    assert.equal(i.perpetrator, "ISIS");
    assert.equal(i.admin1, "SY-DY");
    assert.equal(i.classification.classification, "excluded");
  });
});

describe("extractArticle: places", () => {
  it("a dateline is not an event place: 'TEHRAN, Iran —'", () => {
    const incidents = incidentsOf("TEHRAN, Iran — Rebels shelled Kafr Zita on Monday, a monitor said.");
    assert.deepEqual(
      incidents.map((i) => i.admin1),
      ["SY-HM"],
    );
  });

  it("a Syrian dateline is not an event place either: 'ALEPPO, Syria (Reuters) -'", () => {
    const incidents = incidentsOf("ALEPPO, Syria (Reuters) - Government forces shelled Douma on Monday.");
    assert.deepEqual(
      incidents.map((i) => i.location),
      ["Douma"],
    );
  });

  it("'Kafr Zita in Hama province' gives one place", () => {
    assert.equal(
      only("Government forces shelled Kafr Zita in Hama province on Monday.").location,
      "Kafr Zita",
    );
  });

  it("'near Damascus' lands in Rif Dimashq", () => {
    const i = only("Regime forces shelled areas near Damascus on Tuesday.");
    assert.equal(i.admin1, "SY-RD");
  });

  it("a town near Damascus keeps its own province", () => {
    const i = only("Government forces shelled Harasta near Damascus on Tuesday.");
    assert.equal(i.location, "Harasta");
    assert.equal(i.admin1, "SY-RD");
  });

  it("distinct places give distinct incidents", () => {
    const incidents = incidentsOf("Rebels shelled Kafr Zita and government forces shelled Douma on Monday.");
    assert.deepEqual(incidents.map(brief), [
      {
        date: "2017-02-13",
        admin1: "SY-HM",
        location: "Kafr Zita",
        subEventType: "Shelling/artillery/missile attack",
        perpetrator: "SY-OPP",
      },
      {
        date: "2017-02-13",
        admin1: "SY-RD",
        location: "Douma",
        subEventType: "Shelling/artillery/missile attack",
        perpetrator: "SY-GOV",
      },
    ]);
  });
});

describe("extractArticle: bulletins", () => {
  it("'14 violations in the provinces of Damascus (8), Hama (3) …' gives one incident per province", () => {
    const incidents = incidentsOf(
      "The Russian Defence Ministry said it had registered 14 violations in the provinces of Damascus (8), Hama (3), Idlib (2) and Latakia (1) over the past 24 hours.",
    );
    assert.deepEqual(
      incidents.map((i) => [i.admin1, i.eventType, i.subEventType, i.perpetrator]),
      [
        ["SY-DI", "Strategic developments", "Other", null],
        ["SY-HM", "Strategic developments", "Other", null],
        ["SY-ID", "Strategic developments", "Other", null],
        ["SY-LA", "Strategic developments", "Other", null],
      ],
    );
  });

  it("a bulletin that says shelling gives shelling per province", () => {
    const incidents = incidentsOf(
      "Rebels shelled government positions six times in the provinces of Hama (4) and Latakia (2) on Tuesday.",
    );
    assert.deepEqual(
      incidents.map((i) => [i.admin1, i.subEventType]),
      [
        ["SY-HM", "Shelling/artillery/missile attack"],
        ["SY-LA", "Shelling/artillery/missile attack"],
      ],
    );
  });
});

describe("extractArticle: what is not an incident", () => {
  const none = (text: string) => assert.deepEqual(incidentsOf(text).map(brief), [], text);

  it("negation: 'No civilians were killed', 'denied shelling'", () => {
    none("No civilians were killed in Douma on Monday.");
    none("The army denied shelling Douma on Monday.");
  });

  it("plans and threats: 'talks planned for next week', 'threatened to attack'", () => {
    none("Talks are planned for next week in Astana, Kazakhstan.");
    none("Rebels threatened to attack Hama on Monday.");
    none("Rebels vowed to storm Hama.");
  });

  it("hypotheticals: 'if rebels attack'", () => {
    none("If rebels attack Hama, the army will respond, an official said on Monday.");
  });

  it("background: 'since 2015', 'for weeks', cumulative tallies", () => {
    none("Russia has carried out airstrikes in Idlib since 2015.");
    none("Rebels and government forces have been fighting in Daraa for weeks.");
    none("Since the ceasefire began, 120 people have been killed in Idlib.");
  });

  it("a headline is not prose and repeats the story", () => {
    none("Government forces shell Douma\n\nTalks are planned for next week in Astana.");
  });
});

describe("extractArticle: the 31-day window", () => {
  it("keeps an event 26 days before publication", () => {
    assert.equal(only("Government forces shelled Douma on 20 January.").date, "2017-01-20");
  });

  it("drops an event more than 31 days before publication", () => {
    assert.deepEqual(incidentsOf("Government forces shelled Douma on 10 January."), []);
  });

  it("drops an event dated after publication", () => {
    assert.deepEqual(incidentsOf("Government forces shelled Douma on 20 February."), []);
  });

  it("without a publication date, reads against the latest date the text states", () => {
    const report = extract("Government forces shelled Douma on February 13, 2017.", null);
    assert.deepEqual(report.reference, { date: "2017-02-13", from: "text" });
    assert.equal(report.incidents[0]?.date, "2017-02-13");
  });
});

describe("extractArticle: merging mentions", () => {
  it("repeated mentions of one event merge", () => {
    const i = only(
      "Rebels shelled Kafr Zita on Monday. Kafr Zita was shelled again by rebels on Monday, a monitor said.",
    );
    assert.equal(i.evidence.length, 2);
  });

  it("a definite reference ('the bombardment') merges into the earlier incident", () => {
    const i = only(
      "Government forces shelled Douma on Monday, killing five people. Activists said the bombardment destroyed a school in Douma.",
    );
    assert.equal(i.evidence.length, 2);
    assert.equal(i.killed, 5);
  });

  it("the same place on another day is another incident", () => {
    const incidents = incidentsOf(
      "Government forces shelled Douma on Monday. On Tuesday government forces shelled Douma again.",
    );
    assert.deepEqual(
      incidents.map((i) => i.date),
      ["2017-02-13", "2017-02-14"],
    );
  });
});

describe("extractArticle: killed", () => {
  it("takes the lowest figure where sources differ in one sentence", () => {
    const i = only(
      "Rebels shelled Kafr Zita on Monday, killing seven people, though a monitor put the death toll at nine.",
    );
    assert.equal(i.killed, 7);
  });

  it("takes the lowest figure across mentions", () => {
    const i = only(
      "Rebels shelled Kafr Zita on Monday, killing nine people. Local officials said seven people were killed when rebels shelled Kafr Zita on Monday.",
    );
    assert.equal(i.killed, 7);
  });

  it("'causing no casualties' is killed: 0", () => {
    assert.equal(only("Government forces shelled Douma on Monday, causing no casualties.").killed, 0);
  });

  it("'No casualties were reported' in the next sentence is killed: 0", () => {
    assert.equal(only("Government forces shelled Douma on Monday. No casualties were reported.").killed, 0);
  });

  it("'no civilians were killed when government forces shelled Douma' is a shelling with killed: 0", () => {
    const i = only("Rebels said no civilians were killed when government forces shelled Douma on Monday.");
    assert.equal(i.perpetrator, "SY-GOV");
    assert.equal(i.killed, 0);
  });
});

describe("extractArticle: allegations", () => {
  it("'X accused Y of …'", () => {
    assert.deepEqual(allegationsOf("Russia accused Turkey of shelling Kurdish positions."), ["RU>TR"]);
  });

  it("'Y was accused by X'", () => {
    assert.deepEqual(allegationsOf("Turkey was accused by Iran of violating the ceasefire."), ["IR>TR"]);
  });

  it("'traded blame' gives both directions", () => {
    assert.deepEqual(
      allegationsOf("Turkey and Iran traded blame for the breakdown of the truce on Tuesday."),
      ["TR>IR", "IR>TR"],
    );
  });

  it("'accuse each other' gives both directions, once per pair per article", () => {
    assert.deepEqual(
      allegationsOf(
        "Rebels shelled Kafr Zita on Monday. Government forces and rebels accused each other of violating the truce in Hama. The army again accused rebels of breaching it.",
      ),
      ["SY-GOV>SY-OPP", "SY-OPP>SY-GOV"],
    );
  });

  it("'X said Y violated the ceasefire by shelling …' is an allegation and an incident", () => {
    const report = extract(
      "Turkey said regime forces violated the ceasefire by shelling Kafr Zita on Monday.",
    );
    assert.deepEqual(
      report.allegations.map((a) => `${a.accuser}>${a.accused}`),
      ["TR>SY-GOV"],
    );
    assert.equal(report.incidents[0]?.perpetrator, "SY-GOV");
  });

  it("a report of an act with no accuser gives no allegation", () => {
    assert.deepEqual(allegationsOf("Rebels shelled Kafr Zita on Monday."), []);
  });
});
