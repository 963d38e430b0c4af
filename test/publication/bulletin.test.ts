// composeBulletin over a real store: the period's counts, the verified incidents, the map and the checkpoint.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadOrCreateAuditKey } from "../../src/adapters/keys/audit-key.js";
import { checkpointNow } from "../../src/application/audit-trail.js";
import {
  bulletinSpan,
  composeBulletin,
} from "../../src/application/publication/bulletin/compose-bulletin.js";
import { renderBulletin } from "../../src/application/publication/bulletin/render-bulletin.js";
import { publishDue } from "../../src/application/publication/publish-due.js";
import { anonymous } from "../../src/domain/access/principal.js";
import { isTruceError } from "../../src/errors.js";
import { admin, guarantor, type Seeded, seed, seededStore, shipped, WITNESS } from "./fixtures.js";

let seeded: Seeded;
const syria = shipped("syria-2016");
const minsk = shipped("minsk-2015");
const weekOfJan2 = { period: "weekly", date: "2017-01-04" } as const;
const now = () => "2017-01-10T06:00:00.000Z";

before(async () => {
  seeded = await seededStore();
  await publishDue(seeded.store, syria, "2017-01-10T00:00:00.000Z");
  await publishDue(seeded.store, minsk, "2017-01-10T00:00:00.000Z");
  await checkpointNow(
    seeded.store,
    loadOrCreateAuditKey(`${seeded.dir}/audit.key`),
    "2017-01-10T00:00:01.000Z",
  );
});
after(async () => {
  await seeded.dispose();
});

describe("bulletinSpan", () => {
  it("a day, or the ISO week (Monday to Sunday) the day falls in, and a trailing baseline", () => {
    assert.deepEqual(bulletinSpan({ period: "daily", date: "2017-01-03" }), {
      from: "2017-01-03",
      to: "2017-01-03",
      baselineFrom: "2016-12-06",
    });
    assert.deepEqual(bulletinSpan({ period: "weekly", date: "2017-01-08" }), {
      from: "2017-01-02",
      to: "2017-01-08",
      baselineFrom: "2016-10-10",
    });
  });

  it("refuses a day that is not one", () => {
    assert.throws(
      () => bulletinSpan({ period: "daily", date: "2017-02-30" }),
      (e: unknown) =>
        isTruceError(e) && e.code === "TRUCE_E_USAGE" && /"2017-02-30" is not a day/.test(e.message),
    );
  });
});

describe("composeBulletin", () => {
  it("the public's weekly bulletin: published incidents of the week, claimed beside verified", async () => {
    const d = await composeBulletin(seeded.store, syria, weekOfJan2, anonymous, { now });
    assert.equal(d.from, "2017-01-02");
    assert.equal(d.to, "2017-01-08");
    assert.equal(d.generatedAt, "2017-01-10T06:00:00.000Z");
    // Published: Idlib (3rd, verified), Aleppo (2nd, no violation), Deir ez-Zor (8th, verified). Homs is not.
    assert.deepEqual(d.totals, { claimed: 3, verified: 2, killed: 4 + 3 });
    assert.deepEqual(
      d.parties.map((p) => [p.id, p.name, p.claimed, p.verified]),
      [
        ["SY-GOV", "Syrian government", 2, 1],
        ["ISIS", d.parties.find((p) => p.id === "ISIS")?.name, 1, 1],
        ["RU", "Russia", 1, 0],
      ],
    );
    assert.deepEqual(d.governorates.map((g) => [g.code, g.claimed, g.verified]).sort(), [
      ["SY-DY", 1, 1],
      ["SY-HL", 1, 0],
      ["SY-ID", 1, 1],
    ]);
    assert.deepEqual(
      d.incidents.map((i) => [i.id, i.accused]),
      [
        [seeded.ids.idlib, "Syrian government"],
        [seeded.ids.deir, d.parties.find((p) => p.id === "ISIS")?.name],
      ],
    );
    assert.equal(d.incidentsNotListed, 0);
    assert.equal(d.map?.regions.length, 15);
    assert.equal(d.map?.regions.find((r) => r.code === "SY-ID")?.count, 1);
    assert.equal(d.mapNote, null);
    assert.equal(d.checkpoint?.treeSize, 4, "four publications (three in Syria, one in Ukraine), signed");
    assert.equal(d.auditLogSize, 4);
    assert.equal(d.partiesNamed, true);
  });

  it("a guarantor's bulletin also counts what is not yet published", async () => {
    const d = await composeBulletin(seeded.store, syria, weekOfJan2, guarantor, { now });
    assert.equal(d.totals.claimed, 4, "and Homs, awaiting positions");
  });

  it("a daily bulletin, and a limit on the incidents listed", async () => {
    const d = await composeBulletin(seeded.store, syria, { period: "daily", date: "2017-01-03" }, admin, {
      now,
      incidentLimit: 0,
    });
    assert.deepEqual([d.from, d.to], ["2017-01-03", "2017-01-03"]);
    assert.deepEqual(d.totals, { claimed: 2, verified: 1, killed: 4 });
    assert.deepEqual(d.incidents, []);
    assert.equal(d.incidentsNotListed, 1);
  });

  it("Minsk II: parties unnamed for the public, no boundaries shipped for Ukraine, the map left out", async () => {
    const d = await composeBulletin(
      seeded.store,
      minsk,
      { period: "weekly", date: "2016-12-30" },
      anonymous,
      { now },
    );
    assert.equal(d.partiesNamed, false);
    assert.deepEqual(d.parties, []);
    assert.equal(d.incidents.length, 1);
    assert.equal(d.incidents[0]?.accused, null);
    assert.deepEqual(d.incidents[0]?.claimed, []);
    assert.equal(d.map, null);
    assert.equal(d.mapNote, "No boundaries are shipped for Ukraine (UA): the map is left out.");
    const html = renderBulletin(d, "html");
    assert.doesNotMatch(html, /separatists|UA-SEP/);
    assert.match(html, /the map is left out/);
  });

  it("no witness in any rendering", async () => {
    const d = await composeBulletin(seeded.store, syria, weekOfJan2, admin, { now });
    for (const format of ["html", "md"] as const) assert.ok(!renderBulletin(d, format).includes(WITNESS));
    assert.ok(!JSON.stringify(d).includes(WITNESS));
  });
});

describe("composeBulletin: incidents placed only to the country", () => {
  let store: Seeded;
  let nationwide: string;
  let kyiv: string;
  const ukraine = { ...minsk, id: "ukraine-whole", territory: { countries: ["UA"] } };
  const countryLevel = { admin1: null, location: "", lat: null, lon: null, status: "decided" } as const;

  before(async () => {
    store = await seededStore();
    nationwide = await seed(
      store.store,
      [{ source: "SOHR", kind: "press", geoPrecision: 3 }],
      {
        ...countryLevel,
        country: "SY",
        date: "2017-01-05",
        perpetrators: ["SY-GOV"],
        accused: "SY-GOV",
        killed: { low: 2, best: 2, high: 2 },
      },
      { outcome: "violation", attributedParty: "SY-GOV", at: "2017-01-06T00:00:00.000Z" },
    );
    await seed(
      store.store,
      [{ source: "SANA", kind: "press", geoPrecision: 3 }],
      { ...countryLevel, country: "SY", date: "2017-01-06", perpetrators: ["RU"], accused: null },
      { outcome: "no_violation", attributedParty: null, replyBy: null, at: "2017-01-07T00:00:00.000Z" },
    );
    kyiv = await seed(
      store.store,
      [{ source: "OSCE SMM", kind: "press", geoPrecision: 3 }],
      { ...countryLevel, country: "UA", date: "2017-01-05", perpetrators: ["UA-SEP"], accused: "UA-SEP" },
      { outcome: "violation", attributedParty: "UA-SEP", at: "2017-01-06T00:00:00.000Z" },
    );
    for (const agreement of [syria, ukraine])
      await publishDue(store.store, agreement, "2017-01-10T00:00:00.000Z");
  });
  after(async () => {
    await store.dispose();
  });

  it("counts them under the country's own row and lists the verified one, placed to the country", async () => {
    const d = await composeBulletin(store.store, syria, weekOfJan2, anonymous, { now });
    assert.deepEqual(d.totals, { claimed: 3 + 2, verified: 2 + 1, killed: 4 + 3 + 2 });
    assert.deepEqual(d.governorates.at(-1), {
      code: null,
      country: "SY",
      name: "Syria, no governorate",
      claimed: 2,
      verified: 1,
    });
    assert.equal(d.governorates.filter((g) => g.code === null).length, 1, "Ukraine's is not Syria's");
    const listed = d.incidents.find((i) => i.id === nationwide);
    assert.deepEqual(
      [listed?.admin1, listed?.country, listed?.countryName, listed?.accused],
      [null, "SY", "Syria", "Syrian government"],
    );
    assert.ok(!d.incidents.some((i) => i.id === kyiv));
    assert.equal(
      d.map?.regions.reduce((n, r) => n + r.count, 0),
      3,
      "no region shaded for them",
    );
    for (const format of ["html", "md"] as const) {
      const text = renderBulletin(d, format);
      assert.match(text, /Syria, no governorate/);
      assert.match(text, /2017-01-05[^\n]*Syria/);
    }
  });

  it("names the row from the agreement's country", async () => {
    const d = await composeBulletin(store.store, ukraine, { period: "daily", date: "2017-01-05" }, admin, {
      now,
    });
    assert.deepEqual(
      d.governorates.map((g) => [g.code, g.name, g.claimed, g.verified]),
      [[null, "Ukraine, no governorate", 1, 1]],
    );
    assert.deepEqual(
      d.incidents.map((i) => i.id),
      [kyiv],
    );
  });

  it("beside a narrowed country, one taken whole keeps its country-level incidents, as publication does", async () => {
    const mixed = {
      ...minsk,
      id: "mixed-territory",
      territory: { countries: ["SY", "UA"], admin1: ["UA-14"] },
    };
    const d = await composeBulletin(store.store, mixed, { period: "daily", date: "2017-01-05" }, admin, {
      now,
    });
    assert.deepEqual(
      d.governorates.filter((g) => g.code === null).map((g) => [g.country, g.claimed]),
      [["SY", 1]],
      "Syria's nationwide incident counts; Ukraine's, outside the named units, does not",
    );
    assert.ok(!d.incidents.some((i) => i.id === kyiv));
  });

  it("a territory narrowed to some units leaves them out, as publication does", async () => {
    const d = await composeBulletin(store.store, minsk, { period: "daily", date: "2017-01-05" }, admin, {
      now,
    });
    assert.deepEqual(d.governorates, []);
    assert.deepEqual(d.incidents, []);
  });
});
