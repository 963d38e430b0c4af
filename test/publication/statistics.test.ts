// complianceStatistics over a real store: series per party and governorate, claimed beside verified, alerts.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { complianceStatistics } from "../../src/application/publication/compliance-statistics.js";
import { anonymous } from "../../src/domain/access/principal.js";
import type { Incident } from "../../src/domain/records/incident.js";
import { isTruceError } from "../../src/errors.js";
import { incident } from "../store/fixtures.js";
import { admin, opposition, type Seeded, seededStore, shipped } from "./fixtures.js";

let seeded: Seeded;
const january = { from: "2017-01-01", to: "2017-01-31" };

const day = (n: number) => `2017-01-${String(n).padStart(2, "0")}`;

before(async () => {
  seeded = await seededStore();
  const more: Incident[] = [];
  // A quiet month in Idlib: one shelling a day, blamed on the government by the sources…
  for (let n = 4; n <= 30; n++) {
    more.push(incident({ date: day(n), admin1: "SY-ID", perpetrators: ["SY-GOV"], status: "open" }));
  }
  // …then eight in Aleppo on the 31st, five of them found violations by the government, one also blamed on Russia.
  for (let k = 0; k < 8; k++) {
    more.push(
      incident({
        date: day(31),
        admin1: "SY-HL",
        perpetrators: k === 0 ? ["SY-GOV", "RU"] : ["SY-GOV"],
        accused: k < 5 ? "SY-GOV" : null,
        status: k < 5 ? "published" : "open",
        publishedAt: k < 5 ? "2017-02-01T00:00:00.000Z" : null,
      }),
    );
  }
  await seeded.store.incidents.upsert(more);
});
after(async () => {
  await seeded.dispose();
});

describe("complianceStatistics", () => {
  it("per period, party and governorate, claimed beside verified, over the filter's days", async () => {
    const stats = await complianceStatistics(seeded.store, january, admin, {});
    assert.equal(stats.granularity, "day");
    assert.equal(stats.periods.length, 31);
    assert.equal(stats.periods[0], "2017-01-01");
    assert.equal(stats.total.claimed[30], 8);
    assert.equal(stats.total.verified[30], 5);
    // The seeded store's own five incidents: 1, 2, 3 (two) and 8 January.
    assert.deepEqual(stats.total.claimed.slice(0, 4), [1, 1, 2, 1]);
    const government = stats.parties.find((p) => p.key === "SY-GOV");
    assert.equal(government?.claimed[30], 8);
    assert.equal(government?.verified[30], 5);
    const russia = stats.parties.find((p) => p.key === "RU");
    assert.equal(russia?.claimed[30], 1);
    assert.equal(russia?.verifiedTotal, 0);
    const aleppo = stats.governorates.find((g) => g.key === "SY-HL");
    assert.equal(aleppo?.claimed[30], 8);
    assert.equal(aleppo?.verified[30], 5);
    assert.equal(stats.undated, 0);
    assert.equal(stats.partiesNamed, true);
  });

  it("escalation alerts: the spike on the 31st, in the total, for the government and in Aleppo", async () => {
    const stats = await complianceStatistics(seeded.store, january, admin);
    const on31 = stats.alerts
      .filter((a) => a.period === "2017-01-31")
      .map((a) => `${a.subject}:${a.key}:${a.measure}`);
    assert.ok(on31.includes("total:null:claimed"));
    assert.ok(on31.includes("total:null:verified"));
    assert.ok(on31.includes("party:SY-GOV:claimed"));
    assert.ok(on31.includes("party:SY-GOV:verified"));
    assert.ok(on31.includes("admin1:SY-HL:claimed"));
    assert.ok(!on31.includes("party:RU:claimed"), "one incident is below the minimum count");
    assert.ok(
      stats.alerts.every((a) => a.period === "2017-01-31"),
      "the quiet days raise nothing",
    );
    assert.match(stats.rule.description, /mean \+ 3 standard deviations of the 28 days before it/);
  });

  it("by week: periods are the weeks' Mondays", async () => {
    const stats = await complianceStatistics(seeded.store, january, admin, { granularity: "week" });
    assert.deepEqual(stats.periods, [
      "2016-12-26",
      "2017-01-02",
      "2017-01-09",
      "2017-01-16",
      "2017-01-23",
      "2017-01-30",
    ]);
    assert.equal(
      stats.total.claimed.reduce((a, b) => a + b, 0),
      5 + 27 + 8,
    );
  });

  it("the public counts published incidents only; a party also those it complained of", async () => {
    const forPublic = await complianceStatistics(seeded.store, january, anonymous);
    assert.equal(
      forPublic.total.claimed.reduce((a, b) => a + b, 0),
      5,
      "the five published on the 31st",
    );
    const forOpposition = await complianceStatistics(seeded.store, january, opposition);
    assert.equal(
      forOpposition.total.claimed.reduce((a, b) => a + b, 0),
      7,
      "and the two incidents of its complaints (Idlib, Homs)",
    );
  });

  it("an agreement that names no parties: no party series for the public, all of them for an administrator", async () => {
    const minsk = shipped("minsk-2015");
    const forPublic = await complianceStatistics(seeded.store, january, anonymous, { agreement: minsk });
    assert.deepEqual(forPublic.parties, []);
    assert.equal(forPublic.partiesNamed, false);
    assert.ok(!forPublic.alerts.some((a) => a.subject === "party"));
    assert.equal(forPublic.governorates.find((g) => g.key === "SY-HL")?.verifiedTotal, 5);
    const forAdmin = await complianceStatistics(seeded.store, january, admin, { agreement: minsk });
    assert.ok(forAdmin.parties.length > 0);
  });

  it("an agreement publishing to its guarantors only: the public counts nothing", async () => {
    const syria = shipped("syria-2016");
    const closed = { publication: { ...syria.publication, audience: "guarantors" as const } };
    const stats = await complianceStatistics(seeded.store, january, anonymous, { agreement: closed });
    assert.equal(
      stats.total.claimed.reduce((a, b) => a + b, 0),
      0,
    );
  });

  it("no incidents and no dates given: an empty axis, no alerts", async () => {
    const stats = await complianceStatistics(seeded.store, { admin1: ["SY-QU"] }, admin);
    assert.deepEqual(stats.periods, []);
    assert.deepEqual(stats.alerts, []);
    assert.deepEqual(stats.parties, []);
  });

  it("a span too long to draw by day is a usage error saying how to narrow it", async () => {
    await assert.rejects(
      complianceStatistics(seeded.store, { from: "1950-01-01", to: "2017-01-31" }, admin),
      (e: unknown) =>
        isTruceError(e) && e.code === "TRUCE_E_USAGE" && /count by a longer period/.test(e.message),
    );
    const byMonth = await complianceStatistics(
      seeded.store,
      { from: "1950-01-01", to: "2017-01-31" },
      admin,
      {
        granularity: "month",
      },
    );
    assert.equal(byMonth.periods.length, 67 * 12 + 1);
  });
});
