// Positions, verdicts and replies over a real SQLite store: the decision rules, supersession, deadlines, refusals.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadAgreement, loadShippedAgreements } from "../../src/adapters/data/load-context.js";
import { auditEntries } from "../../src/application/audit-trail.js";
import {
  type PositionInput,
  parsePositionKind,
  recordPosition,
} from "../../src/application/record-position.js";
import { recordReply } from "../../src/application/record-reply.js";
import type { Agreement } from "../../src/domain/agreement/schema.js";
import type { Incident } from "../../src/domain/records/incident.js";
import { errorCatalogue, isTruceError, type TruceErrorCode } from "../../src/errors.js";
import type { Store } from "../../src/ports/store.js";
import { avdiivka, counts, seedIncident, type TempStore, TestClock, tempStore } from "./decision-fixtures.js";

const shipped = loadShippedAgreements();
const minsk: Agreement[] = [loadAgreement("data/agreements/minsk-2015.yaml")];

/** Asserts the call fails with `code` (and the catalogue's exit code) and that the store holds exactly what it did. */
async function refused(
  store: Store,
  incident: Incident,
  code: TruceErrorCode,
  call: () => Promise<unknown>,
  message?: RegExp,
): Promise<void> {
  const before = await counts(store, [incident.id], incident.reportIds);
  const stored = await store.incidents.get(incident.id);
  await assert.rejects(call, (error: unknown) => {
    assert.ok(isTruceError(error), `a TruceError, not ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.equal(error.exitCode, errorCatalogue[code].exit);
    if (message) assert.match(error.message, message);
    return true;
  });
  assert.deepEqual(await counts(store, [incident.id], incident.reportIds), before, "the store is unchanged");
  assert.deepEqual(await store.incidents.get(incident.id), stored, "the incident is unchanged");
}

describe("positions and verdicts", () => {
  let temp: TempStore;
  let store: Store;
  const clock = new TestClock("2017-01-03T09:00:00.000Z");
  const position = (agreements: readonly Agreement[], input: Omit<PositionInput, "by" | "rationale">) =>
    recordPosition(
      { store, agreements, now: clock.now },
      { rationale: "two independent sources and crater analysis", by: "officer-1", ...input },
    );

  before(async () => {
    temp = await tempStore();
    store = temp.store;
  });
  after(() => temp.dispose());

  it("reaches a verdict when RU, TR and IR are unanimous, and notifies the accused", async () => {
    const { incident } = await seedIncident(store);
    const first = await position(shipped, {
      incidentId: incident.id,
      guarantor: "RU",
      position: "violation",
      party: "SY-GOV",
    });
    assert.equal(first.newVerdict, null, "one voter of three decides nothing");
    assert.deepEqual(first.decision.missing, ["TR", "IR"]);
    assert.equal(first.status, "awaiting_positions");
    assert.equal((await store.incidents.get(incident.id))?.status, "awaiting_positions");

    await position(shipped, {
      incidentId: incident.id,
      guarantor: "TR",
      position: "violation",
      party: "SY-GOV",
    });
    const last = await position(shipped, {
      incidentId: incident.id,
      guarantor: "IR",
      position: "violation",
      party: "SY-GOV",
    });
    const verdict = last.newVerdict;
    assert.ok(verdict);
    assert.equal(last.agreement.id, "syria-2016");
    assert.equal(verdict.outcome, "violation");
    assert.equal(verdict.attributedParty, "SY-GOV");
    assert.equal(verdict.rule, "unanimity");
    assert.equal(verdict.supersedes, null);
    assert.equal(verdict.positionIds.length, 3);
    assert.deepEqual(
      last.counted.map((p) => p.guarantor),
      ["RU", "TR", "IR"],
    );
    assert.deepEqual(last.decision.missing, []);
    // Syria 2016 gives the accused seven days.
    assert.equal(Date.parse(verdict.replyBy ?? "") - Date.parse(verdict.at), 7 * 86_400_000);
    assert.deepEqual(last.notified, { party: "SY-GOV", replyBy: verdict.replyBy });
    assert.equal((await store.incidents.get(incident.id))?.status, "decided");
    assert.deepEqual(await store.verdicts.latest(incident.id), verdict);

    const entries = (await auditEntries(store)).filter((e) => e.payload.incident === incident.id);
    assert.deepEqual(
      entries.map((e) => e.kind),
      ["position_recorded", "position_recorded", "position_recorded", "verdict_recorded", "party_notified"],
    );
    assert.deepEqual(entries.at(-1)?.payload, {
      incident: incident.id,
      verdict: verdict.id,
      party: "SY-GOV",
      replyBy: verdict.replyBy,
    });
  });

  it("stays undecided while one guarantor dissents", async () => {
    const { incident } = await seedIncident(store);
    for (const guarantor of ["RU", "TR"]) {
      await position(shipped, { incidentId: incident.id, guarantor, position: "violation", party: "SY-GOV" });
    }
    const dissent = await position(shipped, {
      incidentId: incident.id,
      guarantor: "IR",
      position: "no_violation",
      party: null,
    });
    assert.equal(dissent.decision.outcome, "undecided");
    assert.match(dissent.decision.reason, /not unanimous/);
    assert.equal(dissent.newVerdict, null);
    assert.equal(dissent.notified, null);
    assert.equal(await store.verdicts.latest(incident.id), null);
    assert.equal((await store.incidents.get(incident.id))?.status, "awaiting_positions");
  });

  it("supersedes the verdict when a guarantor changes its position, keeping the old one as it was", async () => {
    const { incident } = await seedIncident(store);
    for (const guarantor of ["RU", "TR", "IR"]) {
      await position(shipped, { incidentId: incident.id, guarantor, position: "violation", party: "SY-GOV" });
    }
    const first = await store.verdicts.latest(incident.id);
    assert.ok(first);

    const changed = await position(shipped, {
      incidentId: incident.id,
      guarantor: "TR",
      position: "insufficient_evidence",
      party: null,
    });
    const second = changed.newVerdict;
    assert.ok(second);
    assert.equal(second.outcome, "undecided");
    assert.equal(second.supersedes, first.id);
    assert.equal(second.replyBy, null);
    assert.equal(changed.notified, null, "nobody is accused any more");
    assert.equal(changed.status, "awaiting_positions");

    const back = await position(shipped, {
      incidentId: incident.id,
      guarantor: "TR",
      position: "violation",
      party: "SY-GOV",
    });
    assert.equal(back.newVerdict?.supersedes, second.id);
    assert.equal(back.status, "decided");

    const chain = await store.verdicts.byIncident(incident.id);
    assert.equal(chain.length, 3);
    assert.deepEqual(chain[0], first, "the first verdict is still stored, unchanged");
    assert.deepEqual(await store.verdicts.latest(incident.id), back.newVerdict);
    assert.equal(
      (await store.positions.byIncident(incident.id)).length,
      5,
      "positions are appended, never edited",
    );
  });

  it("lets the Minsk agreement's single monitor decide alone", async () => {
    const { incident } = await seedIncident(store, [avdiivka]);
    const outcome = await position(minsk, {
      incidentId: incident.id,
      guarantor: "OSCE-SMM",
      position: "violation",
      party: "UA-SEP",
    });
    assert.equal(outcome.regime.id, "minsk-ii-2015-02-15");
    assert.equal(outcome.newVerdict?.rule, "single");
    assert.equal(outcome.newVerdict?.attributedParty, "UA-SEP");
    assert.deepEqual(outcome.decision.missing, []);
    assert.equal(outcome.status, "decided");
    // Minsk gives three days to reply.
    assert.equal(
      Date.parse(outcome.newVerdict?.replyBy ?? "") - Date.parse(outcome.newVerdict?.at ?? ""),
      3 * 86_400_000,
    );
    // The Normandy guarantors are listed but do not vote.
    await refused(store, incident, "TRUCE_E_NOT_A_VOTER", () =>
      position(minsk, { incidentId: incident.id, guarantor: "DE", position: "no_violation", party: null }),
    );
  });

  it("changes nothing for an unknown incident, a non-voter, a missing or stray party, or no rationale", async () => {
    const { incident } = await seedIncident(store);
    await position(shipped, {
      incidentId: incident.id,
      guarantor: "RU",
      position: "violation",
      party: "SY-OPP",
    });
    await refused(
      store,
      incident,
      "TRUCE_E_INCIDENT_NOT_FOUND",
      () =>
        position(shipped, {
          incidentId: "no-such-incident",
          guarantor: "RU",
          position: "no_violation",
          party: null,
        }),
      /no-such-incident/,
    );
    await refused(
      store,
      incident,
      "TRUCE_E_NOT_A_VOTER",
      () =>
        position(shipped, {
          incidentId: incident.id,
          guarantor: "US",
          position: "violation",
          party: "SY-GOV",
        }),
      /RU, TR, IR/,
    );
    await refused(
      store,
      incident,
      "TRUCE_E_POSITION_INVALID",
      () =>
        position(shipped, { incidentId: incident.id, guarantor: "TR", position: "violation", party: null }),
      /--party/,
    );
    await refused(store, incident, "TRUCE_E_POSITION_INVALID", () =>
      position(shipped, {
        incidentId: incident.id,
        guarantor: "TR",
        position: "no_violation",
        party: "SY-GOV",
      }),
    );
    await refused(store, incident, "TRUCE_E_POSITION_INVALID", () =>
      recordPosition(
        { store, agreements: shipped, now: clock.now },
        {
          incidentId: incident.id,
          guarantor: "TR",
          position: "no_violation",
          party: null,
          rationale: " ",
          by: "x",
        },
      ),
    );
    // Syria is not under the Minsk agreement: nobody there may judge it.
    await refused(store, incident, "TRUCE_E_NO_REGIME_IN_FORCE", () =>
      position(minsk, {
        incidentId: incident.id,
        guarantor: "OSCE-SMM",
        position: "no_violation",
        party: null,
      }),
    );
    assert.equal(parsePositionKind("no-violation"), "no_violation");
    assert.throws(
      () => parsePositionKind("guilty"),
      (e: unknown) => isTruceError(e) && e.code === "TRUCE_E_POSITION_INVALID",
    );
  });
});

describe("replies", () => {
  let temp: TempStore;
  let store: Store;
  const clock = new TestClock("2017-01-03T09:00:00.000Z");

  /** An incident on which RU, TR and IR found a violation by SY-GOV. */
  async function decided(): Promise<{ incident: Incident; replyBy: string; verdictId: string }> {
    const { incident } = await seedIncident(store);
    for (const guarantor of ["RU", "TR", "IR"]) {
      await recordPosition(
        { store, agreements: shipped, now: clock.now },
        {
          incidentId: incident.id,
          guarantor,
          position: "violation",
          party: "SY-GOV",
          rationale: "seen",
          by: "o",
        },
      );
    }
    const verdict = await store.verdicts.latest(incident.id);
    assert.ok(verdict?.replyBy);
    return { incident, replyBy: verdict.replyBy, verdictId: verdict.id };
  }
  const reply = (incidentId: string, party: string, text = "Our forces returned fire from the village.") =>
    recordReply({ store, now: clock.now }, { incidentId, party, text });

  before(async () => {
    temp = await tempStore();
    store = temp.store;
  });
  after(() => temp.dispose());

  it("accepts the accused party's reply before the deadline and logs it", async () => {
    const { incident, verdictId } = await decided();
    const { reply: stored } = await reply(incident.id, "SY-GOV");
    assert.equal(stored.verdictId, verdictId);
    assert.deepEqual(await store.replies.byIncident(incident.id), [stored]);
    const entry = (await auditEntries(store)).at(-1);
    assert.equal(entry?.kind, "reply_recorded");
    assert.equal(entry?.subjectId, stored.id);
    assert.deepEqual(entry?.payload, {
      incident: incident.id,
      verdict: verdictId,
      party: "SY-GOV",
      text: "Our forces returned fire from the village.",
    });
  });

  it("refuses a reply by another party, saying who may reply and until when", async () => {
    const { incident, replyBy } = await decided();
    await refused(
      store,
      incident,
      "TRUCE_E_REPLY_REFUSED",
      () => reply(incident.id, "SY-OPP"),
      new RegExp(`only SY-GOV.*until ${replyBy.replace(/[.]/g, "\\.")}`),
    );
  });

  it("refuses a reply once the deadline has passed, and one on an incident with no verdict", async () => {
    const { incident, replyBy } = await decided();
    clock.set(new Date(Date.parse(replyBy) - 60_000).toISOString());
    await reply(incident.id, "SY-GOV", "A minute before the deadline.");
    // The clock's next reading is the deadline itself: a reply must come strictly before it.
    await refused(
      store,
      incident,
      "TRUCE_E_REPLY_REFUSED",
      () => reply(incident.id, "SY-GOV"),
      /deadline.*passed/,
    );
    const { incident: open } = await seedIncident(store);
    await refused(store, open, "TRUCE_E_REPLY_REFUSED", () => reply(open.id, "SY-GOV"), /no verdict/);
    await refused(store, open, "TRUCE_E_INCIDENT_NOT_FOUND", () => reply("no-such-incident", "SY-GOV"));
    await refused(store, open, "TRUCE_E_USAGE", () => reply(open.id, "SY-GOV", "   "));
  });

  it("answers only the verdict in force: once superseded by undecided, there is nothing to reply to", async () => {
    const { incident } = await decided();
    await recordPosition(
      { store, agreements: shipped, now: clock.now },
      {
        incidentId: incident.id,
        guarantor: "IR",
        position: "no_violation",
        party: null,
        rationale: "doubt",
        by: "o",
      },
    );
    await refused(
      store,
      incident,
      "TRUCE_E_REPLY_REFUSED",
      () => reply(incident.id, "SY-GOV"),
      /nothing to reply/,
    );
  });
});
