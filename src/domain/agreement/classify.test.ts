// Tests of classify: hand-written incidents against the shipped agreements, and an agreement made up in the test.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { type ClassifiableIncident, type ClassificationResult, classify } from "./classify.js";
import { type Agreement, parseAgreement } from "./schema.js";

const dir = new URL("../../../data/agreements/", import.meta.url);
const load = (file: string): Agreement =>
  parseAgreement(parse(readFileSync(new URL(file, dir), "utf8")), file);
const all = readdirSync(dir)
  .filter((f) => f.endsWith(".yaml"))
  .map(load);

const SHELLING = {
  eventType: "Explosions/Remote violence",
  subEventType: "Shelling/artillery/missile attack",
};
const AIR = { eventType: "Explosions/Remote violence", subEventType: "Air/drone strike" };
const CLASH = { eventType: "Battles", subEventType: "Armed clash" };

const incident = (fields: Partial<ClassifiableIncident>): ClassifiableIncident => ({
  date: "2017-02-01",
  country: "SY",
  admin1: "SY-ID",
  eventType: null,
  subEventType: null,
  perpetrator: null,
  target: null,
  ...fields,
});

const short = (r: ClassificationResult) => ({
  classification: r.classification,
  agreementId: r.agreementId,
  regimeId: r.regimeId,
  clause: r.clause?.id ?? null,
});

describe("classify: Syria", () => {
  it("an ISIS offensive in Deir ez-Zor is excluded, citing the clause that excludes ISIS", () => {
    const r = classify(
      all,
      incident({
        date: "2017-01-16",
        admin1: "SY-DY",
        eventType: "Battles",
        subEventType: "Non-state actor overtakes territory",
        perpetrator: "ISIS",
        target: "SY-GOV",
      }),
    );
    assert.deepEqual(short(r), {
      classification: "excluded",
      agreementId: "syria-2016",
      regimeId: "ceasefire-2016-12-30",
      clause: "2",
    });
    assert.match(r.clause?.text ?? "", /ISIS/);
    assert.match(r.reason, /perpetrator ISIS is an excluded group/);
  });

  it("a strike on an excluded group is excluded too", () => {
    const r = classify(all, incident({ ...AIR, perpetrator: "RU", target: "HTS" }));
    assert.equal(r.classification, "excluded");
    assert.match(r.reason, /target HTS/);
  });

  it("government shelling of the opposition is a violation of clause 1 of the nationwide ceasefire", () => {
    const r = classify(all, incident({ ...SHELLING, perpetrator: "SY-GOV", target: "SY-OPP" }));
    assert.deepEqual(short(r), {
      classification: "violation",
      agreementId: "syria-2016",
      regimeId: "ceasefire-2016-12-30",
      clause: "1",
    });
    assert.match(r.clause?.text ?? "", /ceasefire across the whole territory/);
  });

  it("the same act on the eve of the ceasefire is not applicable", () => {
    const r = classify(
      all,
      incident({ ...SHELLING, date: "2016-12-29", perpetrator: "SY-GOV", target: "SY-OPP" }),
    );
    assert.deepEqual(short(r), {
      classification: "not_applicable",
      agreementId: null,
      regimeId: null,
      clause: null,
    });
    assert.match(r.reason, /no ceasefire regime is in force at SY-ID, SY on 2016-12-29/);
  });

  it("an opposition attack on civilians is a violation", () => {
    assert.equal(
      classify(all, incident({ ...SHELLING, admin1: "SY-HL", perpetrator: "SY-OPP", target: "CIV" }))
        .classification,
      "violation",
    );
  });

  it("shelling by an unidentified perpetrator inside the truce area is a violation", () => {
    const r = classify(
      all,
      incident({ ...SHELLING, admin1: "SY-RD", lon: 36.4, lat: 33.57, date: "2017-06-01" }),
    );
    assert.deepEqual(short(r), {
      classification: "violation",
      agreementId: "syria-2016",
      regimeId: "de-escalation-2017-05-06",
      clause: "3",
    });
    assert.match(r.reason, /Eastern Ghouta/);
    assert.equal(classify(all, incident({ ...AIR, target: "SY-OPP" })).classification, "violation");
  });

  it("a battle whose opponent is unknown may be against an excluded group: undetermined", () => {
    const battle = {
      eventType: "Battles",
      subEventType: "Government regains territory",
      perpetrator: "SY-GOV",
    };
    assert.equal(classify(all, incident(battle)).classification, "undetermined");
    assert.equal(classify(all, incident({ ...battle, target: "SY-OPP" })).classification, "violation");
    // An air strike with no named target is still a violation: the flag is set per act in the data.
    assert.equal(classify(all, incident({ ...AIR, perpetrator: "SY-GOV" })).classification, "violation");
  });

  it("acts by or against a third party are undetermined", () => {
    assert.equal(
      classify(all, incident({ ...AIR, perpetrator: "IL", target: "SY-GOV" })).classification,
      "undetermined",
    );
    assert.equal(
      classify(all, incident({ ...AIR, perpetrator: "US", target: null })).classification,
      "undetermined",
    );
    const r = classify(all, incident({ ...SHELLING, admin1: "SY-HL", perpetrator: "TR", target: "SDF" }));
    assert.equal(r.classification, "undetermined");
    assert.match(r.reason, /SDF, which is not bound/);
    assert.equal(
      classify(all, incident({ ...CLASH, perpetrator: "SY-OPP", target: "SY-OPP" })).classification,
      "undetermined",
    );
  });

  it("acts that are not prohibited are not applicable", () => {
    const r = classify(
      all,
      incident({ eventType: "Strategic developments", subEventType: "Arrests", perpetrator: "SY-GOV" }),
    );
    assert.equal(r.classification, "not_applicable");
    assert.equal(r.regimeId, "ceasefire-2016-12-30");
    assert.match(r.reason, /Strategic developments \/ Arrests is not a prohibited act/);
  });

  it("a count of violations with no kind of act (Strategic developments / Other) is a violation", () => {
    const r = classify(
      all,
      incident({ eventType: "Strategic developments", subEventType: "Other", admin1: "SY-HM" }),
    );
    assert.equal(r.classification, "violation");
  });

  it("derives the event type from the sub-event type, and is undetermined when neither is known", () => {
    assert.equal(
      classify(all, incident({ subEventType: "Air/drone strike", perpetrator: "RU", target: "CIV" }))
        .classification,
      "violation",
    );
    assert.equal(
      classify(all, incident({ perpetrator: "RU", target: "CIV" })).classification,
      "undetermined",
    );
  });

  it("uses only the attributed actors: a claim to have struck Nusra does not make the strike excluded", () => {
    // Russia says it hit "Nusra positions"; the reports attribute the strike's victims to an opposition faction.
    const attributed = incident({ ...AIR, perpetrator: "RU", target: "SY-OPP" });
    assert.equal(classify(all, attributed).classification, "violation");
    // Had the reports themselves identified the target as HTS, the result would be excluded.
    assert.equal(classify(all, { ...attributed, target: "HTS" }).classification, "excluded");
  });

  it("Hurras al-Din is excluded in Idlib after Sochi, and the regime's clause is named", () => {
    const r = classify(
      all,
      incident({ ...CLASH, date: "2019-06-01", perpetrator: "SY-GOV", target: "HURRAS-AL-DIN" }),
    );
    assert.deepEqual(short(r), {
      classification: "excluded",
      agreementId: "syria-2016",
      regimeId: "sochi-2018-09-17",
      clause: "5",
    });
  });

  it("undated incidents use the reference date, else the main regime", () => {
    const undated = incident({ ...SHELLING, date: null, perpetrator: "SY-GOV", target: "SY-OPP" });
    assert.equal(classify(all, undated).regimeId, "ceasefire-2016-12-30");
    assert.equal(classify(all, undated, { reference: "2016-10-10" }).classification, "not_applicable");
    assert.equal(classify(all, undated, { reference: "2016-03-10" }).regimeId, "cessation-2016-02-27");
  });
});

describe("classify: Minsk II, a second agreement, with no code change", () => {
  const ua = (fields: Partial<ClassifiableIncident>) =>
    incident({ date: "2017-02-01", country: "UA", admin1: "UA-14", ...fields });

  it("separatist shelling of government forces violates clause 1 of Minsk II", () => {
    assert.deepEqual(short(classify(all, ua({ ...SHELLING, perpetrator: "UA-SEP", target: "UA-GOV" }))), {
      classification: "violation",
      agreementId: "minsk-2015",
      regimeId: "minsk-ii-2015-02-15",
      clause: "1",
    });
  });

  it("heavy weapons moved into the withdrawal zone violate clause 2", () => {
    const r = classify(
      all,
      ua({
        eventType: "Strategic developments",
        subEventType: "Headquarters or base established",
        perpetrator: "UA-GOV",
      }),
    );
    assert.equal(r.classification, "violation");
    assert.equal(r.clause?.id, "2");
    assert.match(r.clause?.text ?? "", /heavy weapons/);
  });

  it("a clash with neither side named is a violation: Minsk excludes no one", () => {
    assert.equal(classify(all, ua({ ...CLASH, admin1: "UA-09" })).classification, "violation");
  });

  it("Russian forces are a third party under Minsk II", () => {
    assert.equal(
      classify(all, ua({ ...SHELLING, perpetrator: "RU", target: "UA-GOV" })).classification,
      "undetermined",
    );
  });

  it("outside Donetsk and Luhansk, or after February 2022, Minsk does not apply", () => {
    assert.equal(classify(all, ua({ ...SHELLING, admin1: "UA-46" })).classification, "not_applicable");
    assert.equal(classify(all, ua({ ...SHELLING, date: "2022-03-02" })).classification, "not_applicable");
  });

  it("the same incident classifies the same whichever other agreements are loaded", () => {
    const minsk = all.filter((a) => a.id === "minsk-2015");
    const one = ua({ ...SHELLING, perpetrator: "UA-GOV", target: "CIV" });
    assert.deepEqual(classify(minsk, one), classify(all, one));
  });
});

describe("classify: the other theatres", () => {
  it("Libya: fighting outside the truces is not applicable; LNA shelling of civilians in January 2020 is a violation", () => {
    const ly = { country: "LY", admin1: "LY-TB" };
    assert.equal(
      classify(
        all,
        incident({ ...ly, ...CLASH, date: "2019-05-01", perpetrator: "LY-GNA", target: "LY-LNA" }),
      ).classification,
      "not_applicable",
    );
    const r = classify(
      all,
      incident({ ...ly, ...SHELLING, date: "2020-01-20", perpetrator: "LY-LNA", target: "CIV" }),
    );
    assert.deepEqual(short(r), {
      classification: "violation",
      agreementId: "libya-2020",
      regimeId: "truce-2020-01-12",
      clause: "1",
    });
  });

  it("Karabakh: clashes after the 10 October 2020 ceasefire are violations, before it not applicable", () => {
    const az = { country: "AZ", admin1: null };
    const clash = { ...az, ...CLASH, perpetrator: "AM", target: "AZ" };
    assert.equal(classify(all, incident({ ...clash, date: "2020-10-15" })).classification, "violation");
    assert.equal(classify(all, incident({ ...clash, date: "2020-10-01" })).classification, "not_applicable");
  });

  it("Line of Control: Pakistani shelling of Indian positions is a violation", () => {
    const r = classify(
      all,
      incident({
        ...SHELLING,
        country: "IN",
        admin1: "IN-JK",
        date: "2018-05-20",
        perpetrator: "PK",
        target: "IN",
      }),
    );
    assert.equal(r.classification, "violation");
    assert.equal(r.agreementId, "loc-2003");
  });

  it("South Sudan: an attack on civilians rests on the civilians clause", () => {
    const r = classify(
      all,
      incident({
        country: "SS",
        admin1: "SS-EC",
        date: "2019-03-01",
        eventType: "Violence against civilians",
        subEventType: "Attack",
        perpetrator: "SS-GOV",
        target: "CIV",
      }),
    );
    assert.equal(r.classification, "violation");
    assert.equal(r.clause?.id, "civilians");
  });

  it("Yemen: coalition strikes in Hodeidah violate the Stockholm Agreement; in Sanaa in 2019 nothing applies", () => {
    const strike = { ...AIR, country: "YE", date: "2019-06-01", perpetrator: "YE-COAL", target: "YE-HOUTHI" };
    assert.equal(classify(all, incident({ ...strike, admin1: "YE-HU" })).agreementId, "hodeidah-2018");
    assert.equal(classify(all, incident({ ...strike, admin1: "YE-HU" })).classification, "violation");
    assert.equal(classify(all, incident({ ...strike, admin1: "YE-SA" })).classification, "not_applicable");
  });
});

describe("classify: everything comes from the agreement data", () => {
  // A made-up agreement for a made-up theatre: no line of code knows about it.
  const ruritania = parseAgreement(
    {
      id: "ruritania-2030",
      title: "Ruritanian truce",
      signed: "2030-01-01",
      main: "truce",
      territory: { countries: ["RR"] },
      civilians: ["CIV", "AID"],
      regimes: [
        {
          id: "truce",
          title: "Ruritanian truce",
          effective: "2030-01-02",
          end: "2030-06-30",
          parties: ["RR-GOV", "RR-REB"],
          guarantors: ["XX"],
          excluded: [{ actor: "RR-BANDITS", clause: "b" }],
          prohibited: [{ eventType: "Violence against civilians", clause: "a" }],
          clauses: [
            { id: "a", text: "No attacks on civilians or aid workers." },
            { id: "b", text: "Bandits are outside the truce." },
          ],
        },
      ],
      verdicts: { rule: "single", replyDeadline: "P2D" },
      publication: { publish: "all", audience: "public" },
    },
    "ruritania.json",
  );
  const rr = (fields: Partial<ClassifiableIncident>) =>
    incident({ country: "RR", admin1: null, date: "2030-03-01", ...fields });
  const attack = { eventType: "Violence against civilians", subEventType: "Attack" };

  it("classifies by its own parties, civilians, exclusions, acts and dates", () => {
    assert.equal(
      classify([ruritania], rr({ ...attack, perpetrator: "RR-REB", target: "AID" })).classification,
      "violation",
    );
    assert.equal(
      classify([ruritania], rr({ ...attack, perpetrator: "RR-BANDITS", target: "CIV" })).classification,
      "excluded",
    );
    assert.equal(
      classify([ruritania], rr({ ...SHELLING, perpetrator: "RR-GOV", target: "RR-REB" })).classification,
      "not_applicable",
    );
    assert.equal(
      classify([ruritania], rr({ ...attack, date: "2030-07-01", perpetrator: "RR-GOV" })).classification,
      "not_applicable",
    );
    assert.equal(
      classify([ruritania, ...all], rr({ ...attack, perpetrator: "RR-GOV", target: "CIV" })).clause?.id,
      "a",
    );
  });
});
