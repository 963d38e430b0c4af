// Tests of the gazetteer: validation errors, lookup order, indexes by admin1 and country, names().
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  Gazetteer,
  GazetteerDataError,
  type PlaceEntry,
  parseGazetteer,
  validatePlaceEntries,
} from "./gazetteer.js";

const entry = (over: Partial<PlaceEntry> & Pick<PlaceEntry, "name">): PlaceEntry => ({
  alt: [],
  kind: "town",
  country: "SY",
  admin1: "SY-ID",
  lat: 35.9,
  lon: 36.6,
  ...over,
});

const sample: PlaceEntry[] = [
  entry({ name: "Syria", kind: "country", admin1: null, lat: 35, lon: 38 }),
  entry({ name: "Idlib Governorate", alt: ["Idlib", "Idleb"], kind: "governorate" }),
  entry({ name: "Idlib", alt: ["Idleb"], prominence: 2 }),
  entry({
    name: "Hama Governorate",
    alt: ["Hama"],
    kind: "governorate",
    admin1: "SY-HM",
    lat: 35.2,
    lon: 36.9,
  }),
  entry({ name: "Khan Shaykhun", alt: ["Khan Sheikhoun"], lat: 35.44, lon: 36.65 }),
  entry({ name: "Midan", admin1: "SY-DI", kind: "neighbourhood", prominence: 2, lat: 33.49, lon: 36.3 }),
  entry({ name: "Midan", admin1: "SY-HL", kind: "neighbourhood", lat: 36.21, lon: 37.16 }),
  entry({ name: "Hamidiyah", admin1: "SY-HM", kind: "facility", lat: 35.6, lon: 36.68 }),
  entry({ name: "Hamidiyah", admin1: "SY-TA", kind: "village", lat: 34.7, lon: 35.9 }),
  entry({
    name: "Idlib de-escalation zone",
    kind: "region",
    admin1: null,
    admin1s: ["SY-ID", "SY-HM"],
    lat: 35.8,
    lon: 36.6,
  }),
];

describe("validatePlaceEntries", () => {
  it("accepts good entries and fills alt with [] when absent", () => {
    const [e] = validatePlaceEntries([
      { name: "Saraqib", kind: "town", country: "SY", admin1: "SY-ID", lat: 35.86, lon: 36.8 },
    ]);
    assert.deepEqual(e?.alt, []);
  });

  it("names the bad entry by index and name, and the field", () => {
    const raw = [
      { name: "Saraqib", kind: "town", country: "SY", admin1: "SY-ID", lat: 35.86, lon: 36.8 },
      { name: "Atlantis", kind: "city", country: "SY", admin1: "SY-ID", lat: 35, lon: 36 },
    ];
    assert.throws(
      () => validatePlaceEntries(raw, "SY.json"),
      (err: unknown) =>
        err instanceof GazetteerDataError &&
        err.message.includes("SY.json") &&
        err.message.includes("#1") &&
        err.message.includes('"Atlantis"') &&
        err.message.includes("kind"),
    );
  });

  it("rejects a non-country entry without admin1 unless it lists admin1s", () => {
    const bad = { name: "Somewhere", kind: "town", country: "SY", admin1: null, lat: 35, lon: 36 };
    assert.throws(() => validatePlaceEntries([bad]), /admin1 may be null only/);
    const region = { ...bad, kind: "region", admin1s: ["SY-ID", "SY-HM"] };
    assert.equal(validatePlaceEntries([region]).length, 1);
  });

  it("rejects an admin1 of another country, a malformed code, unknown fields, bad coordinates", () => {
    const base = { name: "X", kind: "town", country: "SY", admin1: "SY-ID", lat: 35, lon: 36 };
    assert.throws(() => validatePlaceEntries([{ ...base, admin1: "UA-14" }]), /not in country SY/);
    assert.throws(() => validatePlaceEntries([{ ...base, admin1: "Idlib" }]), /ISO 3166-2/);
    assert.throws(() => validatePlaceEntries([{ ...base, population: 5 }]), GazetteerDataError);
    assert.throws(() => validatePlaceEntries([{ ...base, lat: 95 }]), /lat/);
    assert.throws(() => validatePlaceEntries([{ ...base, name: "  " }]), /name/);
  });

  it("rejects data that is not an array, saying what it got", () => {
    assert.throws(() => validatePlaceEntries({ name: "Idlib" }), /expected an array.*an object/);
    assert.throws(() => validatePlaceEntries(null), /null/);
  });
});

describe("Gazetteer", () => {
  const g = new Gazetteer(sample);

  it("finds a place by any spelling of its name or alternatives", () => {
    for (const spelling of ["Khan Shaykhun", "Khan Sheikhoun", "khan sheikhun", "Khan Shaykhoun"]) {
      assert.equal(g.lookup(spelling)[0]?.name, "Khan Shaykhun", spelling);
    }
  });

  it("returns [] for an unknown name", () => {
    assert.deepEqual(g.lookup("Atlantis"), []);
    assert.deepEqual(g.lookup(""), []);
  });

  it("orders candidates by prominence, then kind", () => {
    assert.deepEqual(
      g.lookup("Idleb").map((p) => p.kind),
      ["town", "governorate"],
    );
    assert.deepEqual(
      g.lookup("al-Midan").map((p) => p.admin1),
      ["SY-DI", "SY-HL"],
    );
    // Equal prominence: a village (a settlement) ranks before a facility.
    assert.deepEqual(
      g.lookup("Hamidiyeh").map((p) => p.admin1),
      ["SY-TA", "SY-HM"],
    );
  });

  it("fills in defaults: prominence 1, admin1s, key, unique ids", () => {
    const [k] = g.lookup("Khan Shaykhun");
    assert.equal(k?.prominence, 1);
    assert.deepEqual(k?.admin1s, ["SY-ID"]);
    assert.equal(k?.key, "khan shaykhun");
    const ids = g.places().map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it("gives two same-named places of one kind in one admin1 distinct ids", () => {
    const twin = new Gazetteer([entry({ name: "Vodiane" }), entry({ name: "Vodiane", lat: 35.1 })]);
    const [a, b] = twin.lookup("Vodiane");
    assert.ok(a && b);
    assert.notEqual(a.id, b.id);
  });

  it("indexes by admin1, including regions that span several", () => {
    const hm = g.byAdmin1("SY-HM").map((p) => p.name);
    assert.ok(hm.includes("Hama Governorate"));
    assert.ok(hm.includes("Idlib de-escalation zone"));
    assert.ok(!hm.includes("Khan Shaykhun"));
    assert.deepEqual(g.byAdmin1("SY-XX"), []);
  });

  it("names admin1 units and countries", () => {
    assert.equal(g.admin1Name("SY-ID"), "Idlib Governorate");
    assert.equal(g.admin1Name("SY-RA"), null);
    assert.equal(g.admin1("SY-HM")?.kind, "governorate");
    assert.equal(g.country("SY")?.name, "Syria");
    assert.equal(g.country("UA"), null);
  });

  it("lists every normalised name once, with the same candidates as lookup", () => {
    const names = new Map(g.names());
    assert.equal(names.size, [...g.names()].length);
    for (const key of ["idlib", "khan shaykhun", "hama", "midan"]) {
      assert.deepEqual(names.get(key), g.lookup(key), key);
    }
    // A name given both as name and alt of one entry is one candidate, not two.
    assert.equal(g.lookup("Idlib").filter((p) => p.kind === "town").length, 1);
  });
});

describe("parseGazetteer", () => {
  it("merges several files", () => {
    const g = parseGazetteer([
      [{ name: "Syria", kind: "country", country: "SY", admin1: null, lat: 35, lon: 38 }],
      [{ name: "Ukraine", kind: "country", country: "UA", admin1: null, lat: 49, lon: 31 }],
    ]);
    assert.equal(g.size, 2);
    assert.equal(g.country("UA")?.name, "Ukraine");
  });

  it("labels the failing file", () => {
    assert.throws(() => parseGazetteer([[], [{ name: "x" }]], ["SY.json", "UA.json"]), /UA\.json: entry #0/);
    assert.throws(() => parseGazetteer([[], "oops"]), /gazetteer file #2/);
  });
});
