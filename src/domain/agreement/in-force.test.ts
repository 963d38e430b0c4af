// Tests of regimeInForce on the shipped agreements: each Syrian regime boundary, zones, other theatres, undated incidents.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { type Place, regimeInForce, territoryContains, zoneContains } from "./in-force.js";
import { type Agreement, parseAgreement, type Zone } from "./schema.js";

const dir = new URL("../../../data/agreements/", import.meta.url);
const load = (file: string): Agreement =>
  parseAgreement(parse(readFileSync(new URL(file, dir), "utf8")), file);
const all = readdirSync(dir)
  .filter((f) => f.endsWith(".yaml"))
  .map(load);
const syria = load("syria-2016.yaml");

const at = (admin1: string, lon?: number, lat?: number): Place => ({
  country: admin1.slice(0, 2),
  admin1,
  ...(lon === undefined ? {} : { lon, lat }),
});
const regimeId = (where: Place, date: string | null, reference: string | null = null): string | null =>
  regimeInForce(all, where, date, reference)?.regime.id ?? null;

const idlibCity = at("SY-ID", 36.63, 35.93);
const douma = at("SY-RD", 36.4, 33.57);
const daraa = at("SY-DR");
const deirEzZor = at("SY-DY", 40.14, 35.33);

describe("regimeInForce: the Syrian regimes on either side of each boundary", () => {
  const cases: [string, Place, string, string | null][] = [
    ["the day before the February 2016 cessation", idlibCity, "2016-02-26", null],
    ["the first day of the February 2016 cessation", idlibCity, "2016-02-27", "cessation-2016-02-27"],
    ["the last day given to the February 2016 cessation", idlibCity, "2016-09-11", "cessation-2016-02-27"],
    ["the first day of the September 2016 truce", idlibCity, "2016-09-12", "truce-2016-09-12"],
    ["the last day of the September 2016 truce", idlibCity, "2016-09-19", "truce-2016-09-12"],
    ["the day after the September 2016 truce", idlibCity, "2016-09-20", null],
    ["the eve of the nationwide ceasefire", idlibCity, "2016-12-29", null],
    ["the first day of the nationwide ceasefire", idlibCity, "2016-12-30", "ceasefire-2016-12-30"],
    ["Idlib the day before the de-escalation areas", idlibCity, "2017-05-05", "ceasefire-2016-12-30"],
    [
      "Idlib on the first day of the de-escalation areas",
      idlibCity,
      "2017-05-06",
      "de-escalation-2017-05-06",
    ],
    ["Douma (Eastern Ghouta) in the de-escalation areas", douma, "2017-06-01", "de-escalation-2017-05-06"],
    ["Daraa the day before the south-west zone", daraa, "2017-07-08", "de-escalation-2017-05-06"],
    ["Daraa on the first day of the south-west zone", daraa, "2017-07-09", "southwest-2017-07-09"],
    ["Idlib the day before the Sochi memorandum", idlibCity, "2018-09-16", "de-escalation-2017-05-06"],
    ["Idlib on the day of the Sochi memorandum", idlibCity, "2018-09-17", "sochi-2018-09-17"],
    ["Idlib the day before the Moscow protocol", idlibCity, "2020-03-05", "sochi-2018-09-17"],
    ["Idlib on the first day of the Moscow protocol", idlibCity, "2020-03-06", "moscow-2020-03-06"],
  ];
  for (const [label, where, date, expected] of cases) {
    it(`${label} (${date})`, () => {
      assert.equal(regimeId(where, date), expected);
    });
  }
});

describe("regimeInForce: places inside and outside the zones", () => {
  it("Deir ez-Zor is outside every de-escalation area: the nationwide ceasefire applies", () => {
    const found = regimeInForce(all, deirEzZor, "2017-06-01");
    assert.equal(found?.regime.id, "ceasefire-2016-12-30");
    assert.equal(found?.zone, null);
  });

  it("names the zone that contains the place", () => {
    assert.equal(regimeInForce(all, douma, "2017-06-01")?.zone?.id, "eastern-ghouta");
    assert.equal(regimeInForce(all, at("SY-HI", 36.72, 34.93), "2017-06-01")?.zone?.id, "northern-homs");
  });

  it("with coordinates the polygon decides: Wadi Barada in Rif Dimashq is not in Eastern Ghouta", () => {
    assert.equal(regimeId(at("SY-RD", 36.1, 33.7), "2017-06-01"), "ceasefire-2016-12-30");
    // Without coordinates the admin1 list is all there is, and Rif Dimashq is listed.
    assert.equal(regimeId(at("SY-RD"), "2017-06-01"), "de-escalation-2017-05-06");
  });

  it("Homs city lies outside the northern Homs polygon", () => {
    assert.equal(regimeId(at("SY-HI", 36.72, 34.73), "2017-06-01"), "ceasefire-2016-12-30");
  });

  it("derives the country from admin1 when the country is missing", () => {
    assert.equal(regimeId({ country: null, admin1: "SY-ID" }, "2017-01-10"), "ceasefire-2016-12-30");
  });

  it("finds nothing for a place without a country or in a country without an agreement", () => {
    assert.equal(regimeId({ country: null, admin1: null }, "2017-01-10"), null);
    assert.equal(regimeId({ country: "IQ", admin1: "IQ-NI" }, "2017-01-10"), null);
  });
});

describe("regimeInForce: incidents without a date", () => {
  it("uses the reference date when given", () => {
    assert.equal(regimeId(idlibCity, null, "2016-09-15"), "truce-2016-09-12");
    assert.equal(regimeId(idlibCity, null, "2016-10-15"), null);
  });

  it("falls back to the main regime with neither date nor reference", () => {
    assert.equal(regimeId(idlibCity, null), "ceasefire-2016-12-30");
    assert.equal(regimeId(at("UA-14"), null), "minsk-ii-2015-02-15");
    assert.equal(regimeId(at("UA-46"), null), null);
  });

  it("prefers the incident's own date to the reference date", () => {
    assert.equal(regimeId(idlibCity, "2016-09-15", "2017-01-10"), "truce-2016-09-12");
  });
});

describe("regimeInForce: other theatres classify against their own truce", () => {
  it("eastern Ukraine: Minsk Protocol, Minsk II, the July 2020 measures, and nothing after February 2022", () => {
    assert.equal(regimeId(at("UA-14"), "2014-10-01"), "minsk-protocol-2014-09-05");
    assert.equal(regimeId(at("UA-09"), "2015-02-15"), "minsk-ii-2015-02-15");
    assert.equal(regimeId(at("UA-14"), "2020-07-27"), "ceasefire-2020-07-27");
    assert.equal(regimeId(at("UA-14"), "2022-03-01"), null);
    assert.equal(regimeId(at("UA-46"), "2016-01-01"), null);
    assert.equal(regimeId({ country: "UA", admin1: null }, "2016-01-01"), null);
  });

  it("Yemen: Hodeidah only, except during the 2022 nationwide truce", () => {
    assert.equal(regimeId(at("YE-HU"), "2018-12-17"), null);
    assert.equal(regimeId(at("YE-HU"), "2018-12-18"), "hodeidah-2018-12-18");
    assert.equal(regimeId(at("YE-SA"), "2019-06-01"), null);
    assert.equal(regimeId(at("YE-SA"), "2022-05-01"), "truce-2022-04-02");
    assert.equal(regimeId({ country: "SA", admin1: null }, "2022-05-01"), "truce-2022-04-02");
    assert.equal(regimeId(at("YE-HU"), "2022-10-03"), "hodeidah-2018-12-18");
  });

  it("Libya: the Eid truce around Tripoli only, the January 2020 truce, and Geneva", () => {
    assert.equal(regimeId(at("LY-TB"), "2019-08-11"), "eid-truce-2019-08-10");
    assert.equal(regimeId(at("LY-BA"), "2019-08-11"), null);
    assert.equal(regimeId(at("LY-TB"), "2019-08-13"), null);
    assert.equal(regimeId(at("LY-TB"), "2020-01-20"), "truce-2020-01-12");
    assert.equal(regimeId(at("LY-TB"), "2020-05-01"), null);
    assert.equal(regimeId(at("LY-SR"), "2020-10-23"), "geneva-2020-10-23");
  });

  it("Karabakh, the Line of Control and South Sudan", () => {
    assert.equal(regimeId({ country: "AZ", admin1: null }, "2020-10-09"), null);
    assert.equal(regimeId({ country: "AZ", admin1: null }, "2020-10-10"), "moscow-2020-10-10");
    assert.equal(regimeId({ country: "AZ", admin1: null }, "2020-11-10"), "trilateral-2020-11-10");
    assert.equal(regimeId(at("IN-JK"), "2018-05-01"), "ceasefire-2003-11-26");
    assert.equal(regimeId(at("PK-JK"), "2021-03-01"), "renewal-2021-02-25");
    assert.equal(regimeId(at("IN-MH"), "2021-03-01"), null);
    assert.equal(regimeId(at("SS-EC"), "2017-12-23"), null);
    assert.equal(regimeId(at("SS-EC"), "2017-12-24"), "coha-2017-12-24");
    assert.equal(regimeId(at("SS-EC"), "2019-01-01"), "r-arcss-2018-09-12");
  });
});

describe("territory and zone geometry", () => {
  const square: Zone = {
    id: "square",
    name: "Square with a hole",
    admin1: ["SY-ID"],
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
          [0, 0],
        ],
        [
          [4, 4],
          [6, 4],
          [6, 6],
          [4, 6],
          [4, 4],
        ],
      ],
    },
  };

  it("a polygon's hole is outside it", () => {
    assert.equal(zoneContains(square, { country: "SY", admin1: "SY-HM", lon: 2, lat: 2 }), true);
    assert.equal(zoneContains(square, { country: "SY", admin1: "SY-ID", lon: 5, lat: 5 }), false);
    assert.equal(zoneContains(square, { country: "SY", admin1: "SY-ID", lon: 11, lat: 5 }), false);
    assert.equal(zoneContains(square, { country: "SY", admin1: "SY-ID" }), true);
  });

  it("a territory narrowed to admin1 needs a listed admin1; other listed countries count whole", () => {
    const t = { countries: ["UA", "RU"], admin1: ["UA-14"] };
    assert.equal(territoryContains(t, { country: "UA", admin1: "UA-14" }), true);
    assert.equal(territoryContains(t, { country: "UA", admin1: "UA-09" }), false);
    assert.equal(territoryContains(t, { country: "UA", admin1: null }), false);
    assert.equal(territoryContains(t, { country: "RU", admin1: "RU-ROS" }), true);
    assert.equal(territoryContains(t, { country: "BY", admin1: null }), false);
  });

  it("ignores agreements in which nothing is in force and picks the latest effective regime", () => {
    assert.equal(regimeInForce([syria], idlibCity, "2020-03-06")?.agreement.id, "syria-2016");
    assert.equal(regimeInForce([], idlibCity, "2020-03-06"), null);
  });
});
