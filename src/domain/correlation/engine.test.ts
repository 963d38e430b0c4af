// Tests of the correlator: linking, separating, figures side by side, and human decisions honoured.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { LinkConstraint } from "../records/incident.js";
import { merge, split } from "./decisions.js";
import { Correlator } from "./engine.js";
import { toIncident } from "./incident-state.js";
import { report } from "./test-reports.js";

const who = { by: "monitor-ru", at: "2017-02-01T00:00:00Z" };
const must = (a: string, b: string): LinkConstraint => ({
  kind: "must_link",
  reportA: a,
  reportB: b,
  decidedBy: "m",
  at: "t",
});
const cannot = (a: string, b: string): LinkConstraint => ({
  kind: "cannot_link",
  reportA: a,
  reportB: b,
  decidedBy: "m",
  at: "t",
});

describe("Correlator", () => {
  it("links a spelling variant of the same event and opens a new incident for another town", () => {
    const c = new Correlator();
    const a = c.add(report({ id: "a", location: "Saraqib" }));
    const b = c.add(
      report({ id: "b", location: "Saraqeb", source: "SOHR", perpetrator: "SY-GOV", killed: 7 }),
    );
    const other = c.add(report({ id: "c", location: "Binnish", lat: 35.95, lon: 36.71 }));
    assert.equal(a.created, true);
    assert.equal(b.created, false);
    assert.equal(b.incidentId, a.incidentId);
    assert.equal(other.created, true);
    assert.notEqual(other.incidentId, a.incidentId);
  });

  it("keeps figures and perpetrators side by side, best = median of independent sources", () => {
    const c = new Correlator();
    c.add(report({ id: "a", killed: 5, perpetrator: "RU", copyGroup: "a" }));
    c.add(report({ id: "b", killed: 40, perpetrator: "RU", copyGroup: "a", source: "Al Jazeera" }));
    c.add(report({ id: "c", killed: 7, perpetrator: "SY-GOV", source: "SOHR", copyGroup: "c" }));
    c.add(report({ id: "d", killed: 9, perpetrator: "SY-GOV", source: "SNHR", copyGroup: "d" }));
    const inc = c.incidentOf("a");
    assert.ok(inc);
    assert.equal(inc.members.length, 4);
    // Groups a, c, d give 5, 7, 9: the copy's 40 is a stated high but does not vote.
    assert.deepEqual(inc.killed(), { low: 5, best: 7, high: 40 });
    assert.deepEqual(inc.perpetrators, ["RU", "SY-GOV"]);
    assert.equal(inc.independentSources(), 3);
    const record = toIncident(inc, "2017-01-11T00:00:00Z");
    assert.deepEqual(record.reportIds, ["a", "b", "c", "d"]);
    assert.equal(record.grade, "corroborated");
  });

  it("does not link reports two days apart at day precision (outside the ±1 window)", () => {
    const c = new Correlator();
    const a = c.add(report({ id: "a", date: "2017-01-10" }));
    const b = c.add(report({ id: "b", date: "2017-01-12" }));
    assert.notEqual(a.incidentId, b.incidentId);
  });

  it("tells two strikes at one town on one day apart by what was hit, with what, when and the toll", () => {
    const c = new Correlator();
    const a = c.add(
      report({
        id: "a",
        summary: "Russian jets struck the main market in Saraqib at dawn with cluster munitions.",
      }),
    );
    const b = c.add(
      report({
        id: "b",
        location: "Saraqeb",
        source: "SOHR",
        killed: 6,
        summary: "Cluster bombs hit the souk of Saraqeb at first light, killing six civilians.",
      }),
    );
    const other = c.add(
      report({
        id: "c",
        source: "SNHR",
        killed: 40,
        summary: "Russian jets struck a school in Saraqib in the afternoon with barrel bombs, killing 40.",
      }),
    );
    assert.equal(b.incidentId, a.incidentId);
    assert.notEqual(other.incidentId, a.incidentId);
  });

  it("brings together halves of one event when a later report fits both", () => {
    const c = new Correlator();
    // Two days apart at day precision: too far to link directly.
    const a = c.add(
      report({
        id: "a",
        date: "2017-01-09",
        killed: null,
        target: null,
        perpetrator: null,
        summary: "Air strikes hit Saraqib.",
      }),
    );
    const b = c.add(
      report({
        id: "b",
        date: "2017-01-11",
        killed: 6,
        source: "SOHR",
        summary: "Russian jets struck a school in Saraqib at dawn, killing six civilians.",
      }),
    );
    assert.notEqual(a.incidentId, b.incidentId);
    // The day between, and the details of the second: one event, reported with the dates apart.
    c.add(
      report({
        id: "c",
        date: "2017-01-10",
        killed: 6,
        source: "AFP",
        summary: "Russian warplanes bombed Saraqib, hitting a school at dawn; six civilians died.",
      }),
    );
    assert.equal(c.incidentOf("a"), c.incidentOf("b"));
    assert.equal(c.incidentOf("c"), c.incidentOf("b"));
    assert.equal(c.incidentCount, 1);
  });

  it("never puts a cannot-linked pair in one incident, even when they match perfectly", () => {
    const c = new Correlator({ constraints: [cannot("a", "b")] });
    const a = c.add(report({ id: "a" }));
    const b = c.add(report({ id: "b" }));
    assert.notEqual(a.incidentId, b.incidentId);
  });

  it("always puts a must-linked pair in one incident, even when nothing matches", () => {
    const c = new Correlator({ constraints: [must("a", "b")] });
    const a = c.add(report({ id: "a" }));
    const b = c.add(
      report({ id: "b", location: "Daraa", admin1: "SY-DR", lat: 32.62, lon: 36.1, date: "2017-03-01" }),
    );
    assert.equal(a.incidentId, b.incidentId);
  });

  it("applies a human split after the fact and keeps it when similar reports arrive", () => {
    const c = new Correlator();
    c.add(report({ id: "a" }));
    c.add(report({ id: "b" }));
    const inc = c.incidentOf("a");
    assert.ok(inc && c.incidentOf("b") === inc);
    const s = split({ id: inc.id, reportIds: inc.reportIds }, ["b"], "inc-new", who);
    c.apply(s.constraints);
    assert.notEqual(c.incidentOf("a"), c.incidentOf("b"));
    c.add(report({ id: "c" }));
    assert.notEqual(c.incidentOf("a"), c.incidentOf("b"), "a later report does not glue them back");
  });

  it("applies a human merge of two incidents and keeps it", () => {
    const c = new Correlator();
    c.add(report({ id: "a" }));
    c.add(report({ id: "b", location: "Daraa", admin1: "SY-DR", lat: 32.62, lon: 36.1 }));
    const ia = c.incidentOf("a");
    const ib = c.incidentOf("b");
    assert.ok(ia && ib && ia !== ib);
    const m = merge({ id: ia.id, reportIds: ia.reportIds }, { id: ib.id, reportIds: ib.reportIds }, who);
    c.apply(m.constraints);
    assert.equal(c.incidentOf("a"), c.incidentOf("b"));
    assert.equal(c.incidentCount, 1);
  });

  it("moves only the must-linked group when a whole merge would join a cannot-linked pair", () => {
    const c = new Correlator({ constraints: [cannot("a", "c")] });
    c.add(report({ id: "a" }));
    c.add(report({ id: "b", location: "Daraa", admin1: "SY-DR", lat: 32.62, lon: 36.1 }));
    c.add(report({ id: "c", location: "Daraa", admin1: "SY-DR", lat: 32.62, lon: 36.1 }));
    assert.equal(c.incidentOf("b"), c.incidentOf("c"));
    c.apply([must("a", "b")]);
    assert.equal(c.incidentOf("a"), c.incidentOf("b"));
    assert.notEqual(c.incidentOf("a"), c.incidentOf("c"));
  });

  it("refuses contradictory human decisions", () => {
    const c = new Correlator({ constraints: [must("a", "b"), must("b", "c")] });
    assert.throws(() => c.apply([cannot("a", "c")]), /must-linked and cannot-linked/);
  });
});
