// Tests of point-in-polygon admin1 lookup, on synthetic shapes and on the shipped Syrian boundaries.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { type Admin1Feature, admin1OfPoint, degreesToFeature, featureContains } from "./admin1-of-point.js";

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

const synthetic: Admin1Feature[] = [
  // An outer unit with a hole where the inner unit sits (like Rif Dimashq around Damascus).
  {
    properties: { iso_3166_2: "XX-OUT" },
    geometry: { type: "Polygon", coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] },
  },
  { properties: { iso_3166_2: "XX-IN" }, geometry: { type: "Polygon", coordinates: [square(4, 4, 6, 6)] } },
  {
    properties: { iso_3166_2: "XX-ISL" },
    geometry: { type: "MultiPolygon", coordinates: [[square(20, 0, 21, 1)], [square(30, 0, 31, 1)]] },
  },
  { properties: { iso_3166_2: "XX-PT" }, geometry: { type: "Point" } },
];

describe("admin1OfPoint (synthetic shapes)", () => {
  it("finds the unit containing the point", () => {
    assert.equal(admin1OfPoint(synthetic, 1, 1), "XX-OUT");
    assert.equal(admin1OfPoint(synthetic, 9.9, 0.1), "XX-OUT");
  });

  it("excludes a hole from its outer ring", () => {
    assert.equal(admin1OfPoint(synthetic, 5, 5), "XX-IN");
    assert.equal(featureContains(synthetic[0] as Admin1Feature, 5, 5), false);
  });

  it("handles every part of a MultiPolygon", () => {
    assert.equal(admin1OfPoint(synthetic, 20.5, 0.5), "XX-ISL");
    assert.equal(admin1OfPoint(synthetic, 30.5, 0.5), "XX-ISL");
    assert.equal(admin1OfPoint(synthetic, 25, 0.5), null);
  });

  it("returns null outside every unit and ignores non-polygon geometry", () => {
    assert.equal(admin1OfPoint(synthetic, -1, 5), null);
    assert.equal(admin1OfPoint(synthetic, 5, 11), null);
  });

  it("measures the distance to a unit's edge", () => {
    const outer = synthetic[0] as Admin1Feature;
    assert.ok(Math.abs(degreesToFeature(outer, -1, 5) - 1) < 1e-9);
    assert.ok(Math.abs(degreesToFeature(outer, 5, 3) - 1) < 1e-9); // nearest edge is the hole's
  });
});

describe("admin1OfPoint (Syrian governorates, Natural Earth)", () => {
  const url = new URL("../../../data/places/syria-adm1.geojson", import.meta.url);
  const { features } = JSON.parse(readFileSync(url, "utf8")) as { features: Admin1Feature[] };

  const cases: [string, number, number, string][] = [
    ["Damascus", 36.29, 33.51, "SY-DI"],
    ["Aleppo", 37.16, 36.2, "SY-HL"],
    ["Douma", 36.4, 33.57, "SY-RD"],
    ["Idlib", 36.63, 35.93, "SY-ID"],
    ["Homs", 36.72, 34.73, "SY-HI"],
    ["Hama", 36.75, 35.13, "SY-HM"],
    ["Latakia", 35.79, 35.52, "SY-LA"],
    ["Tartus", 35.9, 34.89, "SY-TA"],
    ["Raqqa", 39.01, 35.95, "SY-RA"],
    ["Deir ez-Zor", 40.14, 35.34, "SY-DY"],
    ["Hasakah", 40.75, 36.5, "SY-HA"],
    ["Daraa", 36.1, 32.62, "SY-DR"],
    ["Suwayda", 36.57, 32.71, "SY-SU"],
    ["Baghdad (outside Syria)", 44.37, 33.31, "none"],
  ];
  for (const [name, lon, lat, code] of cases) {
    it(`${name} → ${code}`, () => {
      assert.equal(admin1OfPoint(features, lon, lat) ?? "none", code);
    });
  }
});
