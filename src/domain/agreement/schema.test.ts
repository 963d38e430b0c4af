// Tests of the agreement schema: the shipped files parse, and bad files fail with the path and the problem.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { TruceError } from "../../errors.js";
import { mainRegime, parseAgreement, votersFor } from "./schema.js";

const dir = new URL("../../../data/agreements/", import.meta.url);

const minimal = () => ({
  id: "test",
  title: "Test agreement",
  signed: "2020-01-01",
  main: "r1",
  territory: { countries: ["SY"] },
  regimes: [
    {
      id: "r1",
      title: "Regime one",
      effective: "2020-01-02",
      parties: ["SY-GOV", "SY-OPP"],
      guarantors: ["RU"],
      excluded: [{ actor: "ISIS", clause: "2" }],
      prohibited: [{ eventType: "Battles", clause: "1" }],
      clauses: [
        { id: "1", text: "Stop fighting." },
        { id: "2", text: "Not ISIS." },
      ],
    },
  ],
  verdicts: { rule: "unanimity", replyDeadline: "P7D" },
  publication: { publish: "verified", audience: "public" },
});

/** The minimal agreement as loosely typed data a test can break. */
type Loose = Record<string, unknown> & {
  regimes: Record<string, unknown>[];
  verdicts: Record<string, unknown>;
};

/** Parses a mutated copy of the minimal agreement and returns the error message. */
const problem = (mutate: (raw: Loose) => void): string => {
  const raw = structuredClone(minimal()) as unknown as Loose;
  mutate(raw);
  try {
    parseAgreement(raw, "test.yaml");
  } catch (error) {
    assert.ok(error instanceof TruceError);
    assert.equal(error.code, "TRUCE_E_AGREEMENT_INVALID");
    return error.message;
  }
  assert.fail("expected the agreement to be rejected");
};

const firstRegime = (raw: Loose): Record<string, unknown> => {
  const regime = raw.regimes[0];
  assert.ok(regime !== undefined);
  return regime;
};

describe("shipped agreement files", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));

  it("include the seven agreements", () => {
    assert.deepEqual(files.sort(), [
      "hodeidah-2018.yaml",
      "karabakh-2020.yaml",
      "libya-2020.yaml",
      "loc-2003.yaml",
      "minsk-2015.yaml",
      "south-sudan-2017.yaml",
      "syria-2016.yaml",
    ]);
  });

  for (const file of files) {
    it(`${file} parses, its id is its file name and it cites its sources`, () => {
      const agreement = parseAgreement(parse(readFileSync(new URL(file, dir), "utf8")), file);
      assert.equal(`${agreement.id}.yaml`, file);
      assert.ok(agreement.notes !== undefined && agreement.notes.length > 40);
      assert.ok(mainRegime(agreement));
      for (const regime of agreement.regimes) assert.ok(votersFor(agreement, regime).length > 0, regime.id);
    });
  }

  it("syria-2016 has the regimes in order, the 30 Dec 2016 ceasefire as main, and the four 2017 zones", () => {
    const syria = parseAgreement(
      parse(readFileSync(new URL("syria-2016.yaml", dir), "utf8")),
      "syria-2016.yaml",
    );
    assert.deepEqual(
      syria.regimes.map((r) => [r.id, r.effective, r.end ?? null]),
      [
        ["cessation-2016-02-27", "2016-02-27", "2016-09-11"],
        ["truce-2016-09-12", "2016-09-12", "2016-09-19"],
        ["ceasefire-2016-12-30", "2016-12-30", null],
        ["de-escalation-2017-05-06", "2017-05-06", null],
        ["southwest-2017-07-09", "2017-07-09", null],
        ["sochi-2018-09-17", "2018-09-17", null],
        ["moscow-2020-03-06", "2020-03-06", null],
      ],
    );
    const main = mainRegime(syria);
    assert.equal(main.id, "ceasefire-2016-12-30");
    assert.deepEqual(main.guarantors, ["RU", "TR", "IR"]);
    assert.deepEqual(
      main.excluded.map((e) => e.actor),
      ["ISIS", "HTS"],
    );
    const zones = syria.regimes.find((r) => r.id === "de-escalation-2017-05-06")?.zones ?? [];
    assert.deepEqual(
      zones.map((z) => z.id),
      ["idlib", "northern-homs", "eastern-ghouta", "south"],
    );
  });

  it("minsk-2015 is decided by a single monitoring mission and excludes no one", () => {
    const minsk = parseAgreement(
      parse(readFileSync(new URL("minsk-2015.yaml", dir), "utf8")),
      "minsk-2015.yaml",
    );
    assert.equal(minsk.verdicts.rule, "single");
    assert.deepEqual(minsk.verdicts.voters, ["OSCE-SMM"]);
    assert.deepEqual(minsk.territory.admin1, ["UA-14", "UA-09"]);
    for (const regime of minsk.regimes) assert.deepEqual(regime.excluded, []);
    assert.equal(mainRegime(minsk).effective, "2015-02-15");
  });
});

describe("parseAgreement", () => {
  it("accepts the minimal agreement and fills defaults", () => {
    const a = parseAgreement(minimal(), "test.yaml");
    assert.deepEqual(a.civilians, ["CIV"]);
    assert.equal(a.publication.delay, "PT0S");
    assert.equal(a.regimes[0]?.prohibited[0]?.ifTargetUnknown, "violation");
    assert.deepEqual(a.regimes[0]?.observers, []);
  });

  it("accepts a Date where a YAML 1.1 loader produced one", () => {
    const raw: Record<string, unknown> = minimal();
    raw.signed = new Date("2020-01-01T00:00:00Z");
    assert.equal(parseAgreement(raw, "test.yaml").signed, "2020-01-01");
  });

  it("names the source, the exact path and the problem of a bad date", () => {
    const message = problem((raw) => {
      firstRegime(raw).effective = "6 May 2017";
    });
    assert.match(message, /test\.yaml/);
    assert.match(message, /regimes\[0\]\.effective: expected a date YYYY-MM-DD/);
  });

  it("rejects a date that is not on the calendar", () => {
    assert.match(
      problem((raw) => {
        firstRegime(raw).end = "2021-02-30";
      }),
      /regimes\[0\]\.end: expected a date YYYY-MM-DD/,
    );
  });

  it("says a required field is missing", () => {
    assert.match(
      problem((raw) => {
        delete firstRegime(raw).parties;
      }),
      /regimes\[0\]\.parties: required/,
    );
  });

  it("rejects unknown keys (typos)", () => {
    assert.match(
      problem((raw) => {
        firstRegime(raw).efective = "2020-01-01";
      }),
      /regimes\[0\]: Unrecognized key: "efective"/,
    );
  });

  it("rejects an end before the effective date", () => {
    assert.match(
      problem((raw) => {
        firstRegime(raw).end = "2019-12-31";
      }),
      /regimes\[0\]\.end: ends \(2019-12-31\) before it takes effect/,
    );
  });

  it("rejects a rule citing a clause the regime does not have", () => {
    assert.match(
      problem((raw) => {
        firstRegime(raw).prohibited = [{ eventType: "Battles", clause: "9" }];
      }),
      /regimes\[0\]\.prohibited\[0\]\.clause: no clause "9"/,
    );
  });

  it("rejects event and sub-event types outside the ACLED ontology", () => {
    assert.match(
      problem((raw) => {
        firstRegime(raw).prohibited = [{ eventType: "Riots", clause: "1" }];
      }),
      /regimes\[0\]\.prohibited\[0\]\.eventType: expected an ACLED event type/,
    );
    assert.match(
      problem((raw) => {
        firstRegime(raw).prohibited = [
          { eventType: "Battles", subEventTypes: ["Air/drone strike"], clause: "1" },
        ];
      }),
      /regimes\[0\]\.prohibited\[0\]\.subEventTypes\[0\]: "Air\/drone strike" is not a sub-event type of Battles/,
    );
  });

  it("rejects a main regime that does not exist", () => {
    assert.match(
      problem((raw) => {
        raw.main = "nope";
      }),
      /main: no regime with id "nope"/,
    );
  });

  it("rejects regimes out of order", () => {
    assert.match(
      problem((raw) => {
        const second = { ...structuredClone(firstRegime(raw)), id: "r0", effective: "2019-01-01" };
        raw.regimes.push(second);
      }),
      /regimes\[1\]\.effective: regimes must be ordered by effective date/,
    );
  });

  it("rejects an actor that is both bound and excluded, and lower-case actor ids", () => {
    assert.match(
      problem((raw) => {
        firstRegime(raw).parties = ["SY-GOV", "ISIS"];
      }),
      /regimes\[0\]\.excluded\[0\]\.actor: ISIS is both a party and excluded/,
    );
    assert.match(
      problem((raw) => {
        firstRegime(raw).parties = ["sy-gov"];
      }),
      /regimes\[0\]\.parties\[0\]: expected an actor id/,
    );
  });

  it("checks the decision rule, its voters and the reply deadline", () => {
    assert.match(
      problem((raw) => {
        raw.verdicts.rule = "consensus";
      }),
      /verdicts\.rule: expected unanimity, majority, single or \{quorum: n\}/,
    );
    assert.match(
      problem((raw) => {
        raw.verdicts = { rule: { quorum: 3 }, voters: ["RU", "TR"], replyDeadline: "P7D" };
      }),
      /verdicts\.rule\.quorum: quorum 3 is more than the 2 voters/,
    );
    assert.match(
      problem((raw) => {
        raw.verdicts = { rule: "single", replyDeadline: "P7D" };
        firstRegime(raw).guarantors = ["RU", "TR"];
      }),
      /regimes\[0\]\.guarantors: needs exactly one guarantor/,
    );
    assert.match(
      problem((raw) => {
        raw.verdicts.replyDeadline = "7 days";
      }),
      /verdicts\.replyDeadline: expected an ISO 8601 duration/,
    );
  });

  it("checks territory codes and that admin1 codes belong to the listed countries", () => {
    assert.match(
      problem((raw) => {
        raw.territory = { countries: ["SY"], admin1: ["UA-14"] };
      }),
      /territory\.admin1\[0\]: UA-14 is not in one of the territory's countries/,
    );
    assert.match(
      problem((raw) => {
        raw.territory = { countries: ["Syria"] };
      }),
      /territory\.countries\[0\]: expected an ISO 3166-1 alpha-2 country code/,
    );
  });

  it("checks zone polygons are closed rings", () => {
    assert.match(
      problem((raw) => {
        firstRegime(raw).zones = [
          {
            id: "z",
            name: "Zone",
            geometry: {
              type: "Polygon",
              coordinates: [
                [
                  [0, 0],
                  [1, 0],
                  [1, 1],
                  [0, 1],
                ],
              ],
            },
          },
        ];
      }),
      /regimes\[0\]\.zones\[0\]\.geometry\.coordinates\[0\]: a ring must end where it starts/,
    );
  });

  it("rejects something that is not an object at all", () => {
    assert.throws(
      () => parseAgreement("just text", "bad.yaml"),
      /agreement bad\.yaml is not valid: \(top level\)/,
    );
  });
});
