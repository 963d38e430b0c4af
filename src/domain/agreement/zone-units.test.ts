import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { TruceError } from "../../errors.js";
import { type Agreement, parseAgreement } from "./schema.js";
import { zoneUnits } from "./zone-units.js";

const syria = parseAgreement(
  parse(readFileSync(new URL("../../../data/agreements/syria-2016.yaml", import.meta.url), "utf8")),
  "syria-2016.yaml",
);

describe("zoneUnits", () => {
  it("gives the units a zone names, once each, across the regimes that carry it", () => {
    assert.deepEqual(zoneUnits(syria, ["idlib"]), ["SY-ID", "SY-LA", "SY-HM", "SY-HL"]);
    assert.deepEqual(zoneUnits(syria, ["southwest", "idlib"]), [
      "SY-DR",
      "SY-QU",
      "SY-SU",
      "SY-ID",
      "SY-LA",
      "SY-HM",
      "SY-HL",
    ]);
  });

  it("refuses an unknown zone, naming the ones there are", () => {
    assert.throws(
      () => zoneUnits(syria, ["atlantis"]),
      (e: unknown) =>
        e instanceof TruceError &&
        e.code === "TRUCE_E_INVALID_INPUT" &&
        /no zone "atlantis"/.test(e.message) &&
        /idlib/.test(e.message),
    );
  });

  it("refuses a zone drawn only as a polygon", () => {
    const [first] = syria.regimes;
    assert.ok(first !== undefined);
    const drawn: Agreement = {
      ...syria,
      regimes: [
        {
          ...first,
          zones: [
            {
              id: "drawn",
              name: "A drawn zone",
              geometry: {
                type: "Polygon",
                coordinates: [
                  [
                    [36, 35],
                    [37, 35],
                    [37, 36],
                    [36, 35],
                  ],
                ],
              },
            },
          ],
        },
      ],
    };
    assert.throws(() => zoneUnits(drawn, ["drawn"]), /drawn only as a polygon/);
  });
});
