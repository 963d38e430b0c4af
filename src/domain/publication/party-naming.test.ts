// Whom a reader is told of when the agreement does not name the parties: itself, the civilians, nobody else.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { anonymous, type Principal } from "../access/principal.js";
import type { Incident } from "../records/incident.js";
import type { Report } from "../records/report.js";
import {
  partyNaming,
  WITHHELD,
  withholdDocumentNames,
  withholdIncidentNames,
  withholdReportNames,
} from "./party-naming.js";

const party: Principal = { role: "party", userId: "u1", username: "p", party: "UA-GOV" };
const observer: Principal = { role: "observer", userId: "u2", username: "o" };
const guarantor: Principal = { role: "guarantor", userId: "u3", username: "g", guarantor: "OSCE-SMM" };
const unnamed = { nameParties: false };

const incident = {
  perpetrators: ["UA-SEP", "UA-GOV"],
  accused: "UA-SEP",
  complainants: ["UA-GOV", "UA-SEP"],
} as unknown as Incident;

const report = (over: Partial<Report>): Report =>
  ({ kind: "complaint", source: "UA-SEP", perpetrator: "UA-GOV", target: "CIV", ...over }) as Report;

describe("partyNaming", () => {
  it("names everyone when the policy names the parties, or to those who judge", () => {
    assert.equal(partyNaming(anonymous, { nameParties: true }).all, true);
    assert.equal(partyNaming(guarantor, unnamed).all, true);
    assert.equal(partyNaming(observer, unnamed).all, false);
    assert.equal(partyNaming(party, null).all, false, "no agreement covers it: the strictest policy");
    assert.equal(partyNaming(guarantor, null).all, true);
  });

  it("otherwise a party is told of itself and everyone of the civilians, of nobody else", () => {
    const naming = partyNaming(party, unnamed, ["CIV"]);
    assert.deepEqual(["UA-GOV", "UA-SEP", "CIV", "RU"].filter(naming.names), ["UA-GOV", "CIV"]);
    const forObserver = partyNaming(observer, unnamed, ["CIV"]);
    assert.deepEqual(["UA-GOV", "UA-SEP", "CIV"].filter(forObserver.names), ["CIV"]);
  });
});

describe("withholding names", () => {
  it("an incident keeps only the names its reader may be told of", () => {
    const shown = withholdIncidentNames(incident, partyNaming(party, unnamed));
    assert.deepEqual(shown.perpetrators, ["UA-GOV"]);
    assert.equal(shown.accused, null);
    assert.deepEqual(shown.complainants, ["UA-GOV"]);
    assert.equal(withholdIncidentNames(incident, partyNaming(guarantor, unnamed)), incident);
  });

  it("a report's maker is withheld unless it is an outlet; a civilian target stays", () => {
    const naming = partyNaming(observer, unnamed, ["CIV"]);
    const complaint = withholdReportNames(report({}), naming);
    assert.equal(complaint.source, WITHHELD);
    assert.equal(complaint.perpetrator, null);
    assert.equal(complaint.target, "CIV");
    const press = withholdReportNames(report({ kind: "press", source: "Reuters", target: "UA-GOV" }), naming);
    assert.equal(press.source, "Reuters");
    assert.equal(press.target, null);
  });

  it("a complaint's document loses its maker and the title that names it; an article keeps both", () => {
    const naming = partyNaming(observer, unnamed);
    const form = { source: "UA-SEP", channel: "form", title: "Complaint by UA-SEP" };
    assert.deepEqual(withholdDocumentNames(form, naming), { source: WITHHELD, channel: "form", title: null });
    const article = { source: "Reuters", channel: "feed", title: "Shelling near Donetsk" };
    assert.equal(withholdDocumentNames(article, naming), article);
    const maker: Principal = { role: "party", userId: "u4", username: "s", party: "UA-SEP" };
    assert.equal(withholdDocumentNames(form, partyNaming(maker, unnamed)), form, "its maker reads it whole");
  });
});
