// Tests of the shipped gazetteer data (data/places): shape, coverage, spellings, and coordinates
// that agree with the stated governorate.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { type Admin1Feature, admin1OfPoint, degreesToFeature } from "./admin1-of-point.js";
import { type Place, parseGazetteer } from "./gazetteer.js";

const dataDir = new URL("../../../data/places/", import.meta.url);
const files = readdirSync(dataDir)
  .filter((f) => /^[A-Z]{2}\.json$/.test(f))
  .sort();
const raws = files.map((f) => JSON.parse(readFileSync(new URL(f, dataDir), "utf8")) as unknown);
const gazetteer = parseGazetteer(raws, files);
const places = gazetteer.places();
const inCountry = (code: string) => places.filter((p) => p.country === code);
const best = (name: string, country: string): Place | undefined =>
  gazetteer.lookup(name).find((p) => p.country === country);

const syriaAdmin1: Record<string, string> = {
  "SY-DI": "Damascus",
  "SY-RD": "Rif Dimashq",
  "SY-HL": "Aleppo",
  "SY-HI": "Homs",
  "SY-HM": "Hama",
  "SY-LA": "Latakia",
  "SY-ID": "Idlib",
  "SY-HA": "Al-Hasakah",
  "SY-DY": "Deir ez-Zor",
  "SY-TA": "Tartus",
  "SY-RA": "Raqqa",
  "SY-DR": "Daraa",
  "SY-SU": "As-Suwayda",
  "SY-QU": "Quneitra",
};

describe("gazetteer data: files", () => {
  it("has one file per country, each holding only that country's places", () => {
    assert.ok(files.includes("SY.json"));
    files.forEach((file, i) => {
      const code = file.slice(0, 2);
      const entries = raws[i] as { country: string }[];
      assert.ok(entries.length > 0, file);
      for (const e of entries) assert.equal(e.country, code, `${file}: ${JSON.stringify(e)}`);
    });
  });

  it("has a country entry for every country in the theatres and around them", () => {
    for (const code of [
      "SY",
      "UA",
      "YE",
      "LY",
      "AZ",
      "AM",
      "IN",
      "PK",
      "SS",
      "TR",
      "IR",
      "IQ",
      "LB",
      "JO",
      "IL",
      "RU",
    ]) {
      assert.ok(gazetteer.country(code), code);
    }
    assert.equal(best("Syria", "SY")?.kind, "country");
  });

  it("leaves no name tie unresolved: same-named places in different admin1s differ in prominence", () => {
    const ties: string[] = [];
    for (const [key, candidates] of gazetteer.names()) {
      for (const country of new Set(candidates.map((p) => p.country))) {
        const [top, ...rest] = candidates.filter((p) => p.country === country);
        if (!top || top.admin1 === null) continue;
        const rival = rest.find(
          (p) => p.prominence === top.prominence && p.admin1 !== null && p.admin1 !== top.admin1,
        );
        if (rival) ties.push(`${key}: ${top.name} (${top.admin1}) vs ${rival.name} (${rival.admin1})`);
      }
    }
    assert.deepEqual(ties, []);
  });
});

describe("gazetteer data: Syria", () => {
  const sy = inCountry("SY");

  it("has 700+ entries", () => {
    assert.ok(sy.length >= 700, `${sy.length}`);
  });

  it("has all 14 governorates with their ISO 3166-2 codes", () => {
    const governorates = sy.filter((p) => p.kind === "governorate");
    assert.deepEqual(governorates.map((p) => p.admin1).sort(), Object.keys(syriaAdmin1).sort());
    for (const [code, name] of Object.entries(syriaAdmin1)) {
      assert.equal(best(name, "SY")?.admin1, code, name);
      assert.ok(gazetteer.admin1Name(code)?.length, code);
    }
  });

  it("has the districts (about 60), in every governorate", () => {
    const districts = sy.filter((p) => p.kind === "district");
    assert.ok(districts.length >= 60, `${districts.length}`);
    for (const code of Object.keys(syriaAdmin1)) {
      assert.ok(
        districts.some((d) => d.admin1 === code),
        code,
      );
    }
  });

  const spellings: [string, string][] = [
    ["Lattakia", "SY-LA"],
    ["Idleb", "SY-ID"],
    ["Dera'a", "SY-DR"],
    ["Deraa", "SY-DR"],
    ["Sweida", "SY-SU"],
    ["Suwayda", "SY-SU"],
    ["Hasakeh", "SY-HA"],
    ["Raqqa", "SY-RA"],
    ["Deir Ezzor", "SY-DY"],
    ["Deir el-Zour", "SY-DY"],
    ["Dayr az Zawr", "SY-DY"],
    ["Damascus Countryside", "SY-RD"],
    ["Rural Damascus", "SY-RD"],
    ["Reef Dimashq", "SY-RD"],
    ["Eastern Ghouta", "SY-RD"],
    ["Douma", "SY-RD"],
    ["Jobar", "SY-DI"],
    ["Qaboun", "SY-DI"],
    ["Yarmouk camp", "SY-DI"],
    ["Khan Sheikhoun", "SY-ID"],
    ["Maarat al-Numan", "SY-ID"],
    ["Skeik", "SY-ID"],
    ["Jisr ash-Shughur", "SY-ID"],
    ["Sheikh Maqsoud", "SY-HL"],
    ["Castello road", "SY-HL"],
    ["Khan Tuman", "SY-HL"],
    ["Morek", "SY-HM"],
    ["Latamneh", "SY-HM"],
    ["Talbiseh", "SY-HI"],
    ["Palmyra", "SY-HI"],
    ["Tadmur", "SY-HI"],
    ["Turkmen Mountain", "SY-LA"],
    ["Hmeimim", "SY-LA"],
    ["Busra al-Sham", "SY-DR"],
    ["Jubata al-Khashab", "SY-QU"],
    ["Albu Kamal", "SY-DY"],
    ["Bukamal", "SY-DY"],
    ["Tell Abyad", "SY-RA"],
    ["Ras al-Ain", "SY-HA"],
    ["Safita", "SY-TA"],
  ];
  for (const [name, code] of spellings) {
    it(`resolves ${name} → ${code}`, () => {
      assert.equal(best(name, "SY")?.admin1, code);
    });
  }

  it("puts homonyms in each of their governorates, the better-known first", () => {
    const midan = gazetteer.lookup("Midan").filter((p) => p.country === "SY");
    assert.deepEqual(midan.map((p) => p.admin1).slice(0, 2), ["SY-DI", "SY-HL"]);
    const zahraa = gazetteer.lookup("al-Zahraa").filter((p) => p.country === "SY");
    assert.equal(zahraa[0]?.kind, "town");
    assert.ok(zahraa.length >= 2);
  });

  describe("coordinates lie in the stated governorate (Natural Earth 10m polygons)", () => {
    const { features } = JSON.parse(readFileSync(new URL("syria-adm1.geojson", dataDir), "utf8")) as {
      features: Admin1Feature[];
    };
    const polygonOf = new Map(features.map((f) => [f.properties?.iso_3166_2 ?? "", f]));
    // Natural Earth's 10m lines are coarse (the coast, the Damascus enclave): a point this close to its
    // stated governorate is taken as inside. Larger slips are data errors.
    const toleranceDegrees = 0.03;
    // Places Natural Earth leaves out of Syria's polygons: Quneitra stops at about 35.82°E, the
    // Israeli-held Golan and islands are outside.
    const outsidePolygons = new Set(["Golan Heights", "Fiq District", "Arwad"]);

    it("every Syrian place with an admin1", () => {
      const wrong: string[] = [];
      for (const p of sy) {
        if (p.admin1 === null || outsidePolygons.has(p.name)) continue;
        let found = admin1OfPoint(features, p.lon, p.lat);
        // The UNDOF area of separation lies within Quneitra governorate.
        if (found === "SY-X01~") found = "SY-QU";
        if (found === p.admin1) continue;
        const stated = polygonOf.get(p.admin1);
        assert.ok(stated, `no polygon for ${p.admin1}`);
        const off = degreesToFeature(stated, p.lon, p.lat);
        if (off > toleranceDegrees)
          wrong.push(`${p.name} (${p.admin1}) is in ${found} and ${off.toFixed(3)}° off`);
      }
      assert.deepEqual(wrong, []);
    });

    it("the check catches a wrong code", () => {
      const saraqib = best("Saraqib", "SY");
      assert.ok(saraqib);
      assert.equal(admin1OfPoint(features, saraqib.lon, saraqib.lat), "SY-ID");
      const hama = polygonOf.get("SY-HM");
      assert.ok(hama && degreesToFeature(hama, saraqib.lon, saraqib.lat) > toleranceDegrees);
    });
  });
});

describe("gazetteer data: other theatres", () => {
  const admin1Count = (country: string) =>
    new Set(
      inCountry(country)
        .filter((p) => p.kind === "governorate")
        .map((p) => p.admin1),
    ).size;

  it("has every admin1 of Ukraine (27), Yemen (22), Libya (22), South Sudan (10)", () => {
    assert.equal(admin1Count("UA"), 27);
    assert.equal(admin1Count("YE"), 22);
    assert.equal(admin1Count("LY"), 22);
    assert.equal(admin1Count("SS"), 10);
  });

  const cases: [string, string, string][] = [
    ["Avdiyivka", "UA", "UA-14"],
    ["Gorlovka", "UA", "UA-14"],
    ["Donetsk airport", "UA", "UA-14"],
    ["Shyrokyne", "UA", "UA-14"],
    ["Stanytsia Luhanska", "UA", "UA-09"],
    ["Popasna", "UA", "UA-09"],
    ["Hudaydah", "YE", "YE-HU"],
    ["al-Durayhimi", "YE", "YE-HU"],
    ["Taiz", "YE", "YE-TA"],
    ["Mitiga airport", "LY", "LY-TB"],
    ["Ain Zara", "LY", "LY-TB"],
    ["Gharyan", "LY", "LY-JG"],
    ["Terter", "AZ", "AZ-TAR"],
    ["Hadrut", "AZ", "AZ-XVD"],
    ["Khankendi", "AZ", "AZ-XA"],
    ["Shushi", "AZ", "AZ-SUS"],
    ["Ganja", "AZ", "AZ-GA"],
    ["Poonch", "IN", "IN-JK"],
    ["Machhal", "IN", "IN-JK"],
    ["Kotli", "PK", "PK-JK"],
    ["Neelum valley", "PK", "PK-JK"],
    ["Malakal", "SS", "SS-NU"],
    ["Kajo-Keji", "SS", "SS-EC"],
    ["Nhialdiu", "SS", "SS-UY"],
  ];
  for (const [name, country, code] of cases) {
    it(`resolves ${name} → ${code}`, () => {
      assert.equal(best(name, country)?.admin1, code);
    });
  }

  it("treats Nagorno-Karabakh as a region spanning several Azerbaijani units", () => {
    const nk = best("Nagorno-Karabakh", "AZ");
    assert.equal(nk?.kind, "region");
    assert.equal(nk?.admin1, null);
    assert.ok((nk?.admin1s.length ?? 0) >= 2);
  });
});
