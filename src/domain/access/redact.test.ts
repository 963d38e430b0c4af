import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { document, incident, report } from "../../../test/store/fixtures.js";
import { anonymous, type Principal } from "./principal.js";
import { coarse, redactDocument, redactIncident, redactPoint, redactReport } from "./redact.js";

const guarantor: Principal = { role: "guarantor", userId: "u1", username: "ru-1", guarantor: "RU" };
const admin: Principal = { role: "admin", userId: "u0", username: "admin" };
const party: Principal = { role: "party", userId: "u2", username: "gov-1", party: "SY-GOV" };
const observer: Principal = { role: "observer", userId: "u3", username: "ngo-1" };
const restrictedRoles = [party, observer, anonymous];

describe("redaction of restricted fields", () => {
  it("rounds a restricted point to 0.1° for roles that may not see it, and never keeps the exact one", () => {
    const exact = incident({ lat: 35.93456, lon: 36.63789, coordinatesRestricted: true });
    for (const principal of restrictedRoles) {
      const shown = redactIncident(exact, principal);
      assert.equal(shown.lat, 35.9);
      assert.equal(shown.lon, 36.6);
      assert.deepEqual({ ...shown, lat: exact.lat, lon: exact.lon }, exact, "only the point changes");
    }
    assert.equal(coarse(-17.86), -17.9);
    assert.equal(coarse(179.96), 180);
  });

  it("gives guarantors and administrators every record unchanged", () => {
    const exact = incident({ lat: 35.93456, lon: 36.63789, coordinatesRestricted: true });
    const r = report("d1", { lat: 35.93456, lon: 36.63789, coordinatesRestricted: true });
    for (const principal of [guarantor, admin]) {
      assert.equal(redactIncident(exact, principal), exact);
      assert.equal(redactReport(r, principal), r);
    }
  });

  it("leaves points nobody restricted as published, and an incident without a point without one", () => {
    const open = incident({ lat: 35.93456, lon: 36.63789, coordinatesRestricted: false });
    assert.equal(redactIncident(open, anonymous), open);
    const none = incident({ lat: null, lon: null, coordinatesRestricted: true });
    assert.deepEqual(redactIncident(none, anonymous), none);
    const press = report("d1", { lat: 35.93456, lon: 36.63789 });
    assert.equal(redactReport(press, anonymous), press);
  });

  it("rounds a restricted report's point and a restricted map point", () => {
    const r = report("d1", { lat: 35.93456, lon: 36.63789, coordinatesRestricted: true });
    assert.deepEqual(redactReport(r, party), { ...r, lat: 35.9, lon: 36.6 });
    const point = { id: "i", lat: 36.2049, lon: 37.1342, coordinatesRestricted: true };
    assert.deepEqual(redactPoint(point, observer), { ...point, lat: 36.2, lon: 37.1 });
    assert.equal(redactPoint(point, guarantor), point);
    assert.equal(redactPoint({ ...point, coordinatesRestricted: false }, observer).lat, 36.2049);
  });

  it("strips a witness from a complaint's document and coarsens its restricted point", () => {
    const form = {
      title: "Complaint",
      text: "Shelling hit the market.",
      complaint: { witness: "Ahmad, the baker", lat: 35.93456, lon: 36.63789, coordinatesRestricted: true },
    };
    const doc = document({ channel: "form", contentType: "application/json", body: JSON.stringify(form) });
    const shown = JSON.parse(redactDocument(doc, party).body) as typeof form;
    assert.equal("witness" in shown.complaint, false);
    assert.equal(shown.complaint.lat, 35.9);
    assert.equal(shown.complaint.lon, 36.6);
    assert.equal(shown.text, form.text);
    assert.equal(redactDocument(doc, guarantor), doc);
    // An open point stays exact; the witness goes all the same.
    const open = document({
      channel: "form",
      contentType: "application/json",
      body: JSON.stringify({ ...form, complaint: { ...form.complaint, coordinatesRestricted: false } }),
    });
    const openShown = JSON.parse(redactDocument(open, anonymous).body) as typeof form;
    assert.equal(openShown.complaint.lat, 35.93456);
    assert.equal("witness" in openShown.complaint, false);
  });

  it("leaves press documents and form documents that hold no form as they are", () => {
    const press = document();
    assert.equal(redactDocument(press, anonymous), press);
    const notJson = document({ channel: "form", contentType: "application/json", body: "not json {" });
    assert.equal(redactDocument(notJson, anonymous), notJson);
    const noForm = document({ channel: "form", contentType: "application/json", body: '{"text":"x"}' });
    assert.equal(redactDocument(noForm, anonymous), noForm);
  });
});
