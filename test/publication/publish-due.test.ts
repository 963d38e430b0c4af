// publishDue: what the agreement's policy makes due is published once, with an audit entry each, in its territory.
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { auditEntries, verifyAuditLog } from "../../src/application/audit-trail.js";
import { publishDue } from "../../src/application/publication/publish-due.js";
import type { Agreement } from "../../src/domain/agreement/schema.js";
import { type Seeded, seededStore, shipped } from "./fixtures.js";

let seeded: Seeded;
beforeEach(async () => {
  seeded = await seededStore();
});
afterEach(async () => {
  await seeded.dispose();
});

const statusOf = async (id: string) => {
  const i = await seeded.store.incidents.get(id);
  return [i?.status, i?.publishedAt];
};

describe("publishDue", () => {
  it("publishes a day after the verdict under Syria 2016, in its territory only, once", async () => {
    const syria = shipped("syria-2016");
    const { ids, store } = seeded;
    const early = await publishDue(store, syria, "2017-01-05T08:59:59.999Z");
    assert.deepEqual(early.published, []);

    const now = "2017-01-06T00:00:00.000Z";
    const outcome = await publishDue(store, syria, now);
    assert.deepEqual([...outcome.published].sort(), [ids.idlib, ids.aleppo].sort());
    assert.equal(outcome.examined, 3, "the three decided Syrian incidents, not Avdiivka nor the open one");
    assert.deepEqual(await statusOf(ids.idlib), ["published", now]);
    assert.deepEqual(await statusOf(ids.aleppo), ["published", now]);
    assert.deepEqual(await statusOf(ids.homs), ["awaiting_positions", null]);
    assert.deepEqual(await statusOf(ids.deir), ["decided", null]);
    assert.deepEqual(await statusOf(ids.avdiivka), ["decided", null]);

    const entries = (await auditEntries(store)).filter((e) => e.kind === "publication");
    assert.deepEqual(entries.map((e) => e.subjectId).sort(), [ids.idlib, ids.aleppo].sort());
    const idlibEntry = entries.find((e) => e.subjectId === ids.idlib);
    assert.equal(idlibEntry?.payload.agreement, "syria-2016");
    assert.equal(idlibEntry?.payload.dueAt, "2017-01-05T09:00:00.000Z");
    assert.equal(idlibEntry?.payload.accused, "SY-GOV");

    const again = await publishDue(store, syria, "2017-01-06T00:05:00.000Z");
    assert.deepEqual(again.published, [], "nothing is published twice");
    assert.equal((await auditEntries(store)).filter((e) => e.kind === "publication").length, 2);

    const later = await publishDue(store, syria, "2017-01-10T00:00:00.000Z");
    assert.deepEqual(later.published, [ids.deir]);
  });

  it("Minsk II publishes at once after the verdict, in its own territory", async () => {
    const outcome = await publishDue(seeded.store, shipped("minsk-2015"), "2017-01-04T00:00:00.000Z");
    assert.deepEqual(outcome.published, [seeded.ids.avdiivka]);
  });

  it("publish: all publishes undecided incidents a delay after their first report; none publishes nothing", async () => {
    const syria = shipped("syria-2016");
    const all: Agreement = { ...syria, publication: { ...syria.publication, publish: "all", delay: "PT1H" } };
    const none: Agreement = { ...syria, publication: { ...syria.publication, publish: "none" } };
    assert.deepEqual((await publishDue(seeded.store, none, "2020-01-01T00:00:00.000Z")).published, []);
    // Every report of the fixtures was recorded at 2017-01-02T10:00:01Z.
    assert.deepEqual((await publishDue(seeded.store, all, "2017-01-02T11:00:00.000Z")).published, []);
    const outcome = await publishDue(seeded.store, all, "2017-01-02T11:00:01.000Z");
    assert.equal(outcome.published.length, 4);
    assert.ok(outcome.published.includes(seeded.ids.homs));
  });

  it("the audit log still verifies after publishing", async () => {
    const { loadOrCreateAuditKey } = await import("../../src/adapters/keys/audit-key.js");
    const { checkpointNow } = await import("../../src/application/audit-trail.js");
    const key = loadOrCreateAuditKey(`${seeded.dir}/audit.key`);
    await publishDue(seeded.store, shipped("syria-2016"), "2017-01-06T00:00:00.000Z");
    await checkpointNow(seeded.store, key, "2017-01-06T00:00:01.000Z");
    const result = await verifyAuditLog(seeded.store, key.publicKey);
    assert.equal(result.ok, true);
    assert.equal(result.treeSize, 2);
  });
});
