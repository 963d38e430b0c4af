import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkForm, MAX_NARRATIVE } from "./check-form.js";
import type { ComplaintForm } from "./complaint-form.js";

const TODAY = "2017-01-10";

const form = (over: Partial<ComplaintForm> = {}): ComplaintForm => ({
  narrative: "  Artillery shelled the market of Ariha at dawn; two civilians were killed.  ",
  date: "2017-01-08",
  datePrecision: 1,
  lat: 35.81,
  lon: 36.61,
  subEventType: "Shelling/artillery/missile attack",
  accused: "SY-OPP",
  ...over,
});

/** The field a refusal names, or "accepted". */
const refusal = (over: Partial<ComplaintForm>): string => {
  try {
    checkForm(form(over), TODAY);
  } catch (error) {
    const e = error as { code?: string; subject?: string };
    assert.equal(e.code, "TRUCE_E_COMPLAINT_INVALID", String(error));
    return e.subject ?? "?";
  }
  return "accepted";
};

describe("complaint form checks", () => {
  it("trims the text, settles the optional fields and derives the event type", () => {
    assert.deepEqual(checkForm(form({ target: " CIV ", witness: "   ", killed: 2 }), TODAY), {
      narrative: "Artillery shelled the market of Ariha at dawn; two civilians were killed.",
      date: "2017-01-08",
      datePrecision: 1,
      point: { lat: 35.81, lon: 36.61 },
      place: null,
      coordinatesRestricted: false,
      eventType: "Explosions/Remote violence",
      subEventType: "Shelling/artillery/missile attack",
      accused: "SY-OPP",
      target: "CIV",
      killed: 2,
      witness: null,
    });
    const named = checkForm(
      form({ lat: null, lon: null, place: "Ariha", coordinatesRestricted: true }),
      TODAY,
    );
    assert.equal(named.point, null);
    assert.equal(named.place, "Ariha");
    assert.equal(named.coordinatesRestricted, true);
  });

  it("refuses an empty or overlong narrative", () => {
    assert.equal(refusal({ narrative: " \n\t " }), "narrative");
    assert.equal(refusal({ narrative: "x".repeat(MAX_NARRATIVE + 1) }), "narrative");
    assert.equal(refusal({ narrative: "x".repeat(MAX_NARRATIVE) }), "accepted");
  });

  it("refuses a date in the future, a date that does not exist, and an unknown precision", () => {
    assert.equal(refusal({ date: "2017-01-11" }), "date");
    assert.equal(refusal({ date: TODAY }), "accepted");
    assert.equal(refusal({ date: "2017-02-30" }), "date");
    assert.equal(refusal({ date: "8 January 2017" }), "date");
    assert.equal(refusal({ datePrecision: 4 as 1 }), "datePrecision");
  });

  it("needs a whole point or a place name, and a point on the globe", () => {
    assert.equal(refusal({ lat: 35.8, lon: null }), "lon");
    assert.equal(refusal({ lat: null, lon: 36.6 }), "lat");
    assert.equal(refusal({ lat: null, lon: null }), "place");
    assert.equal(refusal({ lat: 91, lon: 36 }), "lat");
    assert.equal(refusal({ lat: 35, lon: -181 }), "lon");
    assert.equal(refusal({ lat: Number.NaN, lon: 36 }), "lat");
    assert.equal(refusal({ place: "p".repeat(201), lat: null, lon: null }), "place");
  });

  it("refuses an unknown sub-event type, an event type that does not match it, no accused, bad tolls", () => {
    assert.equal(refusal({ subEventType: "Bombardment" as "Attack" }), "subEventType");
    assert.equal(refusal({ eventType: "Battles" }), "eventType");
    assert.equal(refusal({ eventType: "Explosions/Remote violence" }), "accepted");
    assert.equal(refusal({ accused: "  " }), "accused");
    assert.equal(refusal({ killed: -1 }), "killed");
    assert.equal(refusal({ killed: 1.5 }), "killed");
    assert.equal(refusal({ killed: 0 }), "accepted");
    assert.equal(refusal({ witness: "w".repeat(1001) }), "witness");
  });
});
