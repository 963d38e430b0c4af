// The storage port's contract: one suite that every store adapter (SQLite, PostgreSQL) must pass unchanged.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, describe, it } from "node:test";
import type { Incident } from "../../src/domain/records/incident.js";
import { isTruceError, type TruceErrorCode } from "../../src/errors.js";
import type { IncidentFilter, IncidentPage, IncidentQuery, Store } from "../../src/ports/store.js";
import { document, incident, position, reply, report, verdict } from "./fixtures.js";
import { incidentAccessContract } from "./incident-access-contract.js";

export interface StoreUnderTest {
  /** A new, empty, migrated store of its own. */
  readonly store: Store;
  /** Opens the same database again through a second, independent connection (pool), as a second process would. */
  readonly reopen: () => Promise<Store>;
  /** Runs one SQL statement directly on the database, around the store, as an intruder with its password would. */
  readonly raw: (statement: string) => Promise<void>;
}

const rejectsWith = async (promise: Promise<unknown>, code: TruceErrorCode): Promise<void> => {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isTruceError(error), `expected a TruceError ${code}, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  });
};

const audit = (n: number) => ({
  kind: "document",
  subjectId: `doc-${n}`,
  payload: JSON.stringify({ n }),
  payloadHash: `p${n}`,
  leafHash: `l${n}`,
  at: `2017-01-01T00:00:${String(n % 60).padStart(2, "0")}.000Z`,
});

/** Registers the whole contract for one engine; `open` gives each test a fresh, empty database. */
export function storeContract(engine: string, open: () => Promise<StoreUnderTest>): void {
  const opened: Store[] = [];
  const fresh = async (): Promise<StoreUnderTest> => {
    const under = await open();
    opened.push(under.store);
    return {
      ...under,
      reopen: async () => {
        const again = await under.reopen();
        opened.push(again);
        return again;
      },
    };
  };
  after(async () => {
    for (const store of opened) await store.close().catch(() => {});
  });

  describe(`${engine} store: documents`, () => {
    it("stores a document once per content hash and returns the first one for a duplicate", async () => {
      const { store } = await fresh();
      const first = document();
      const stored = await store.documents.insert(first);
      assert.equal(stored.created, true);
      assert.deepEqual(stored.document, first);
      const again = await store.documents.insert({ ...first, id: randomUUID(), source: "other outlet" });
      assert.equal(again.created, false);
      assert.deepEqual(again.document, first);
      assert.deepEqual(await store.documents.get(first.id), first);
      assert.deepEqual(await store.documents.getByHash(first.contentHash), first);
      assert.equal(await store.documents.get(randomUUID()), null);
    });

    it("keeps a body exactly as received (Arabic, emoji, NUL-free control characters, long text)", async () => {
      const { store } = await fresh();
      const body = `قصف على وادي بردى 🚀\r\n\ttabs and "quotes" 'single' \\ ${"x".repeat(200_000)}`;
      const doc = document({ body });
      await store.documents.insert(doc);
      assert.equal((await store.documents.get(doc.id))?.body, body);
    });

    it("yields one row when two connections insert the same document at once", async () => {
      const { store, reopen } = await fresh();
      const other = await reopen();
      const base = document();
      const attempts = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          (i % 2 === 0 ? store : other).documents.insert({ ...base, id: randomUUID() }),
        ),
      );
      assert.equal(attempts.filter((a) => a.created).length, 1);
      const winner = attempts.find((a) => a.created)?.document.id;
      for (const a of attempts) assert.equal(a.document.id, winner);
      assert.equal((await other.documents.getByHash(base.contentHash))?.id, winner);
    });

    it("keeps a MinHash signature per document, replaced when saved again, every 32-bit value intact", async () => {
      const { store } = await fresh();
      const [a, b] = [document(), document()];
      await store.documents.insert(a);
      await store.documents.insert(b);
      const signature = Uint32Array.from([0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 123_456_789]);
      await store.documents.saveMinhash(a.id, signature);
      const found = await store.documents.minhashes([a.id, b.id, randomUUID()]);
      assert.deepEqual([...found.keys()], [a.id], "only documents with a signature");
      assert.deepEqual(found.get(a.id), signature);
      const replaced = Uint32Array.from([7, 8, 9]);
      await store.documents.saveMinhash(a.id, replaced);
      assert.deepEqual((await store.documents.minhashes([a.id])).get(a.id), replaced);
      assert.deepEqual(await store.documents.get(a.id), a, "the document itself is unchanged");
      await rejectsWith(store.documents.saveMinhash(randomUUID(), signature), "TRUCE_E_STORE_REFERENCE");
    });
  });

  describe(`${engine} store: reports`, () => {
    it("round-trips reports and lists them by document and by ids", async () => {
      const { store } = await fresh();
      const doc = document();
      await store.documents.insert(doc);
      const reports = [
        report(doc.id),
        report(doc.id, { date: null, datePrecision: null, lat: null, lon: null, killed: null, spans: [] }),
        report(doc.id),
      ];
      await store.reports.insert(reports);
      assert.deepEqual(await store.reports.byDocument(doc.id), reports);
      assert.deepEqual(await store.reports.get(reports[1]?.id ?? ""), reports[1]);
      const ids = [reports[2]?.id ?? "", randomUUID(), reports[0]?.id ?? ""];
      assert.deepEqual(await store.reports.byIds(ids), [reports[2], reports[0]]);
      assert.deepEqual(await store.reports.byDocument(randomUUID()), []);
      const dating = (r: (typeof reports)[number]) => ({
        id: r.id,
        date: r.date,
        datePrecision: r.datePrecision,
        createdAt: r.createdAt,
        country: r.country,
      });
      assert.deepEqual(
        await store.reports.datings([reports[1]?.id ?? "", randomUUID(), reports[0]?.id ?? ""]),
        [dating(reports[1] as (typeof reports)[number]), dating(reports[0] as (typeof reports)[number])],
      );
    });

    it("refuses a report of a document that is not stored, and stores none of its batch", async () => {
      const { store } = await fresh();
      const doc = document();
      await store.documents.insert(doc);
      const good = report(doc.id);
      await rejectsWith(store.reports.insert([good, report(randomUUID())]), "TRUCE_E_STORE_REFERENCE");
      assert.equal(await store.reports.get(good.id), null);
    });

    it("refuses a report id stored before", async () => {
      const { store } = await fresh();
      const doc = document();
      await store.documents.insert(doc);
      const r = report(doc.id);
      await store.reports.insert([r]);
      await rejectsWith(store.reports.insert([{ ...r, summary: "changed" }]), "TRUCE_E_STORE_CONFLICT");
      assert.equal((await store.reports.get(r.id))?.summary, r.summary);
    });
  });

  describe(`${engine} store: transactions`, () => {
    it("commits every write of a step together", async () => {
      const { store } = await fresh();
      const doc = document();
      const r = report(doc.id);
      const i = incident({ reportIds: [r.id] });
      await store.transaction(async (tx) => {
        await tx.documents.insert(doc);
        await tx.reports.insert([r]);
        await tx.incidents.upsert([i]);
        await tx.audit.append(() => audit(0));
        await tx.feeds.markRead(
          "https://example.org/feed",
          [{ key: "item-1", documentId: doc.id }],
          doc.receivedAt,
        );
      });
      assert.deepEqual(await store.documents.get(doc.id), doc);
      assert.deepEqual(await store.reports.get(r.id), r);
      assert.deepEqual(await store.incidents.get(i.id), i);
      assert.equal(await store.audit.size(), 1);
      assert.deepEqual(
        [...(await store.feeds.readItems("https://example.org/feed", ["item-1"]))],
        ["item-1"],
      );
    });

    it("rolls back every write of a step that fails, and rethrows its error", async () => {
      const { store } = await fresh();
      const doc = document();
      const r = report(doc.id);
      const i = incident({ reportIds: [r.id] });
      const failure = new Error("extraction crashed");
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.documents.insert(doc);
          await tx.reports.insert([r]);
          await tx.incidents.upsert([i]);
          await tx.audit.append(() => audit(0));
          await tx.feeds.markRead(
            "https://example.org/feed",
            [{ key: "item-1", documentId: doc.id }],
            doc.receivedAt,
          );
          await tx.feeds.save({
            url: "https://example.org/feed",
            etag: "e",
            lastModified: null,
            checkedAt: doc.receivedAt,
          });
          throw failure;
        }),
        (error) => error === failure,
      );
      assert.equal(await store.documents.get(doc.id), null);
      assert.equal(await store.reports.get(r.id), null);
      assert.equal(await store.incidents.get(i.id), null);
      assert.equal(await store.audit.size(), 0);
      assert.equal((await store.feeds.readItems("https://example.org/feed", ["item-1"])).size, 0);
      assert.equal(await store.feeds.get("https://example.org/feed"), null);
      // The store is still usable after a rollback.
      assert.equal((await store.documents.insert(doc)).created, true);
    });

    it("rolls back a step whose store write fails (a constraint), keeping nothing of it", async () => {
      const { store } = await fresh();
      const doc = document();
      await rejectsWith(
        store.transaction(async (tx) => {
          await tx.documents.insert(doc);
          await tx.reports.insert([report(randomUUID())]);
        }),
        "TRUCE_E_STORE_REFERENCE",
      );
      assert.equal(await store.documents.get(doc.id), null);
    });

    it("returns the step's value", async () => {
      const { store } = await fresh();
      const doc = document();
      const value = await store.transaction(async (tx) => (await tx.documents.insert(doc)).created);
      assert.equal(value, true);
    });
  });

  describe(`${engine} store: incidents`, () => {
    it("round-trips an incident and replaces it whole on upsert", async () => {
      const { store } = await fresh();
      const i = incident();
      const undated = incident({ date: null, admin1: null, killed: null, perpetrators: [], reportIds: [] });
      await store.incidents.upsert([i, undated]);
      assert.deepEqual(await store.incidents.get(i.id), i);
      assert.deepEqual(await store.incidents.get(undated.id), undated);
      const changed: Incident = {
        ...i,
        perpetrators: ["FSA"],
        status: "decided",
        killed: null,
        updatedAt: "2017-02-01T00:00:00.000Z",
      };
      await store.incidents.upsert([changed]);
      assert.deepEqual(await store.incidents.get(i.id), changed);
      // The party index follows the incident: the old perpetrator no longer finds it.
      assert.deepEqual(ids((await store.incidents.list({ party: ["SY-GOV"] })).items), []);
      assert.deepEqual(ids((await store.incidents.list({ party: ["FSA"] })).items), [i.id]);
      assert.deepEqual(ids(await store.incidents.byIds([undated.id, randomUUID(), i.id])), [
        undated.id,
        i.id,
      ]);
    });

    it("gives the latest date of the incidents in the statuses asked, undated ones aside", async () => {
      const { store } = await fresh();
      assert.equal(await store.incidents.latestDate(["open", "published"]), null);
      await store.incidents.upsert([
        incident({ date: "2017-03-01", status: "open" }),
        incident({ date: "2018-07-09", status: "open" }),
        incident({ date: "2017-11-30", status: "published", publishedAt: "2017-12-01T00:00:00.000Z" }),
        incident({ date: null, status: "decided" }),
      ]);
      assert.equal(await store.incidents.latestDate(["open", "published"]), "2018-07-09");
      assert.equal(await store.incidents.latestDate(["published"]), "2017-11-30");
      assert.equal(await store.incidents.latestDate(["decided", "awaiting_positions"]), null);
      assert.equal(await store.incidents.latestDate([]), null);
    });

    it("removes an absorbed incident, but not one the guarantors took positions on", async () => {
      const { store } = await fresh();
      const absorbed = incident();
      const judged = incident();
      await store.incidents.upsert([absorbed, judged]);
      await store.positions.append(position(judged.id));
      assert.equal(await store.incidents.remove(absorbed.id), true);
      assert.equal(await store.incidents.get(absorbed.id), null);
      assert.equal(await store.incidents.remove(absorbed.id), false);
      await rejectsWith(store.incidents.remove(judged.id), "TRUCE_E_STORE_REFERENCE");
      assert.notEqual(await store.incidents.get(judged.id), null);
    });

    describe("filters, sorting and pages", () => {
      const t = (n: number) => `2017-01-05T10:00:0${n}.000Z`;
      const fixture: Record<string, Incident> = {
        A: incident({ date: "2017-01-01", admin1: "SY-RD", perpetrators: ["SY-GOV"], updatedAt: t(1) }),
        B: incident({
          date: "2017-01-02",
          admin1: "SY-HL",
          perpetrators: ["FSA"],
          eventType: "Battles",
          subEventType: "Armed clash",
          status: "awaiting_positions",
          grade: "corroborated",
          updatedAt: t(3),
        }),
        C: incident({
          date: "2017-01-03",
          admin1: "SY-ID",
          perpetrators: ["SY-GOV", "RU"],
          status: "decided",
          grade: "confirmed",
          updatedAt: t(2),
        }),
        D: incident({
          date: "2017-01-03",
          admin1: "SY-DY",
          perpetrators: ["ISIS"],
          eventType: "Battles",
          subEventType: "Armed clash",
          classification: "excluded",
          updatedAt: t(7),
        }),
        E: incident({
          date: "2016-12-25",
          admin1: "SY-RD",
          perpetrators: ["SY-GOV"],
          grade: "contested",
          classification: "not_applicable",
          updatedAt: t(4),
        }),
        F: incident({
          date: null,
          admin1: null,
          perpetrators: [],
          eventType: "Violence against civilians",
          subEventType: "Attack",
          classification: "undetermined",
          updatedAt: t(6),
        }),
        G: incident({
          date: "2017-01-10",
          admin1: "SY-RD",
          perpetrators: ["FSA", "SY-GOV"],
          eventType: "Violence against civilians",
          subEventType: "Attack",
          status: "published",
          grade: "discounted",
          updatedAt: t(8),
        }),
        H: incident({
          date: "2017-01-02",
          admin1: "SY-RD",
          perpetrators: ["JFS"],
          eventType: "Battles",
          subEventType: "Armed clash",
          grade: "corroborated",
          classification: "excluded",
          updatedAt: t(9),
        }),
      };
      const labelOf = new Map(Object.entries(fixture).map(([label, i]) => [i.id, label]));
      const labels = (items: readonly Incident[]) =>
        items
          .map((i) => labelOf.get(i.id) ?? "?")
          .sort()
          .join("");
      const seeded = async () => {
        const { store } = await fresh();
        await store.incidents.upsert(Object.values(fixture));
        return store;
      };

      const cases: readonly [string, IncidentFilter, string][] = [
        ["no filter", {}, "ABCDEFGH"],
        ["from", { from: "2017-01-02" }, "BCDGH"],
        ["to", { to: "2017-01-02" }, "ABEH"],
        ["date range", { from: "2017-01-01", to: "2017-01-03" }, "ABCDH"],
        ["admin1 list", { admin1: ["SY-RD", "SY-ID"] }, "ACEGH"],
        ["party", { party: ["SY-GOV"] }, "ACEG"],
        ["parties", { party: ["RU", "JFS"] }, "CH"],
        ["event type", { eventType: ["Battles"] }, "BDH"],
        ["status", { status: ["open"] }, "ADEFH"],
        ["grade", { grade: ["corroborated", "confirmed"] }, "BCH"],
        ["classification", { classification: ["excluded"] }, "DH"],
        [
          "combined",
          { from: "2017-01-01", admin1: ["SY-RD"], party: ["SY-GOV"], status: ["open", "published"] },
          "AG",
        ],
        ["empty list matches nothing", { admin1: [] }, ""],
        ["unknown value", { party: ["nobody"] }, ""],
      ];
      for (const [name, filter, expected] of cases) {
        it(`lists and counts exactly the matching incidents: ${name}`, async () => {
          const store = await seeded();
          assert.equal(labels((await store.incidents.list({ ...filter, limit: 100 })).items), expected);
          assert.equal(await store.incidents.count(filter), expected.length);
        });
      }

      const orderOf = (sort: "date" | "updatedAt", order: "asc" | "desc", keep: (i: Incident) => boolean) => {
        const key = (i: Incident) => (sort === "date" ? (i.date ?? "") : i.updatedAt);
        const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
        const asc = Object.values(fixture)
          .filter(keep)
          .sort((a, b) => cmp(key(a), key(b)) || cmp(a.id, b.id))
          .map((i) => i.id);
        return order === "asc" ? asc : asc.reverse();
      };

      for (const sort of ["date", "updatedAt"] as const) {
        for (const order of ["asc", "desc"] as const) {
          it(`pages through every incident once, by ${sort} ${order}`, async () => {
            const store = await seeded();
            for (const [filter, keep] of [
              [{}, () => true],
              [{ admin1: ["SY-RD"] }, (i: Incident) => i.admin1 === "SY-RD"],
            ] as const) {
              const seen: string[] = [];
              let after: string | null = null;
              let pages = 0;
              do {
                const query: IncidentQuery = { ...filter, sort, order, limit: 3, after };
                const page = await store.incidents.list(query);
                assert.ok(page.items.length <= 3);
                seen.push(...ids(page.items));
                after = page.next;
                pages++;
                assert.ok(pages < 10, "pagination does not end");
              } while (after !== null);
              assert.deepEqual(seen, orderOf(sort, order, keep));
            }
          });
        }
      }

      it("sorts by date, newest first, by default; undated last then", async () => {
        const store = await seeded();
        const page = await store.incidents.list();
        assert.deepEqual(
          ids(page.items),
          orderOf("date", "desc", () => true),
        );
        assert.equal(page.items.at(-1)?.id, fixture.F?.id);
        assert.equal(page.next, null);
      });

      it("gives no next cursor when the last page is exactly full", async () => {
        const store = await seeded();
        const page = await store.incidents.list({ limit: 8 });
        assert.equal(page.items.length, 8);
        assert.equal(page.next, null);
      });

      it("refuses a cursor it did not give out", async () => {
        const store = await seeded();
        await rejectsWith(store.incidents.list({ after: "not-a-cursor" }), "TRUCE_E_USAGE");
      });

      it("finds the incidents placed only to a country, alone or beside units, in lists, counts, tallies and points", async () => {
        const { store } = await fresh();
        const syria = incident({ admin1: null, country: "SY", lat: null, lon: null });
        const ukraine = incident({
          admin1: null,
          country: "UA",
          lat: 50.45,
          lon: 30.52,
          status: "published",
        });
        const idlib = incident({ admin1: "SY-ID", country: "SY" });
        const kharkiv = incident({ admin1: "UA-63", country: "UA", status: "published" });
        const all = [syria, ukraine, idlib, kharkiv];
        await store.incidents.upsert(all);
        const cases: readonly [IncidentFilter, readonly Incident[]][] = [
          [{ countryLevel: ["SY"] }, [syria]],
          [{ countryLevel: ["SY", "UA"] }, [syria, ukraine]],
          [{ admin1: ["SY-ID"], countryLevel: ["SY"] }, [syria, idlib]],
          [{ admin1: ["UA-63"], countryLevel: ["SY"] }, [syria, kharkiv]],
          [{ admin1: ["UA-63"], countryLevel: [] }, [kharkiv]],
          [{ admin1: [], countryLevel: ["UA"] }, [ukraine]],
          [{ admin1: [], countryLevel: [] }, []],
          [{ countryLevel: ["SY", "UA"], status: ["published"] }, [ukraine]],
          [
            { admin1: ["SY-ID", "UA-63"], countryLevel: ["UA"], visibleTo: { scope: "published" } },
            [ukraine, kharkiv],
          ],
        ];
        for (const [filter, expected] of cases) {
          const want = ids(expected).sort();
          const shown = JSON.stringify(filter);
          assert.deepEqual(
            ids((await store.incidents.list({ ...filter, limit: 10 })).items).sort(),
            want,
            shown,
          );
          assert.equal(await store.incidents.count(filter), expected.length, shown);
          const byPlace = await store.incidents.tally(filter, ["admin1"]);
          assert.equal(
            byPlace.reduce((n, r) => n + r.count, 0),
            expected.length,
            shown,
          );
          assert.deepEqual(
            byPlace.filter((r) => r.keys[0] === null).reduce((n, r) => n + r.count, 0),
            expected.filter((i) => i.admin1 === null).length,
            `${shown}: the country-level ones have no unit`,
          );
          assert.deepEqual(
            (await store.incidents.points(filter, 10)).map((p) => p.id).sort(),
            ids(expected.filter((i) => i.lat !== null)).sort(),
            shown,
          );
        }
      });

      it("lists published incidents by update, the latest first, ties by id, a page at a time", async () => {
        const { store } = await fresh();
        const made = [1, 2, 2, 2, 3, 3, 1, 2, 2, 3].map((day, n) =>
          incident({
            status: n % 4 === 3 ? "decided" : "published",
            updatedAt: `2017-01-0${day}T10:00:00.000Z`,
          }),
        );
        await store.incidents.upsert(made);
        const expected = made
          .filter((i) => i.status === "published")
          .sort((a, b) =>
            a.updatedAt === b.updatedAt ? (a.id < b.id ? 1 : -1) : a.updatedAt < b.updatedAt ? 1 : -1,
          );
        const seen: string[] = [];
        let after: string | null = null;
        do {
          const page: IncidentPage = await store.incidents.list({
            status: ["published"],
            visibleTo: { scope: "published" },
            sort: "updatedAt",
            order: "desc",
            limit: 2,
            after,
          });
          seen.push(...ids(page.items));
          after = page.next;
        } while (after !== null && seen.length <= made.length);
        assert.deepEqual(seen, ids(expected));
      });

      it("finds correlation candidates by date window and admin1, dated only, by date", async () => {
        const store = await seeded();
        const window = { from: "2017-01-01", to: "2017-01-03" };
        assert.equal(labels(await store.incidents.candidates({ ...window, admin1: ["SY-RD"] })), "AH");
        assert.equal(
          labels(await store.incidents.candidates({ ...window, admin1: ["SY-RD", "SY-DY"] })),
          "ADH",
        );
        assert.equal(labels(await store.incidents.candidates(window)), "ABCDH");
        assert.equal(labels(await store.incidents.candidates({ ...window, admin1: null })), "ABCDH");
        assert.equal(labels(await store.incidents.candidates({ ...window, admin1: [] })), "");
        assert.equal(labels(await store.incidents.candidates({ from: "2017-01-04", to: "2017-01-09" })), "");
        const ordered = await store.incidents.candidates({ from: "2016-01-01", to: "2017-12-31" });
        assert.deepEqual(
          ordered.map((i) => i.date),
          ["2016-12-25", "2017-01-01", "2017-01-02", "2017-01-02", "2017-01-03", "2017-01-03", "2017-01-10"],
        );
        assert.equal(
          (await store.incidents.candidates({ from: "2016-01-01", to: "2017-12-31", limit: 2 })).length,
          2,
        );
      });

      it("reads every candidate in pages after a (date, id) cursor, with only what linking needs", async () => {
        const store = await seeded();
        const window = { from: "2016-01-01", to: "2017-12-31" };
        const whole = await store.incidents.candidates(window);
        const paged: { id: string; date: string; reportIds: readonly string[] }[] = [];
        let after: { date: string; id: string } | null = null;
        for (let pages = 0; pages < 10; pages++) {
          const page = await store.incidents.linkCandidates({ ...window, limit: 2, after });
          paged.push(...page);
          const last = page.at(-1);
          if (page.length < 2 || last === undefined) break;
          after = { date: last.date, id: last.id };
        }
        assert.deepEqual(
          paged,
          whole.map((i) => ({ id: i.id, date: i.date, reportIds: i.reportIds })),
        );
        // Ties on a date are split by id, so a page that ends inside a tie loses nothing.
        const tie = whole.findIndex((i, k) => k > 0 && i.date === whole[k - 1]?.date);
        assert.ok(tie > 0, "the fixture has two incidents on one date");
        const before = whole[tie - 1] as Incident;
        const rest = await store.incidents.linkCandidates({
          ...window,
          after: { date: before.date as string, id: before.id },
        });
        assert.deepEqual(
          rest.map((i) => i.id),
          whole.slice(tie).map((i) => i.id),
        );
        // With a place too: the second page of one starts where the first ended.
        const place = { ...window, admin1: ["SY-RD"], limit: 1 };
        const [first] = await store.incidents.linkCandidates(place);
        assert.ok(first);
        const second = await store.incidents.linkCandidates({
          ...place,
          after: { date: first.date, id: first.id },
        });
        assert.deepEqual(
          [first, ...second].map((i) => i.id),
          (await store.incidents.candidates({ ...window, admin1: ["SY-RD"] })).slice(0, 2).map((i) => i.id),
        );
      });
    });
  });

  describe(`${engine} store: link constraints`, () => {
    it("keeps human decisions on pairs of reports, oldest first", async () => {
      const { store } = await fresh();
      const doc = document();
      await store.documents.insert(doc);
      const [a, b, c] = [report(doc.id), report(doc.id), report(doc.id)];
      await store.reports.insert([a, b, c]);
      const must = {
        kind: "must_link",
        reportA: a.id,
        reportB: b.id,
        decidedBy: "monitor-1",
        at: "2017-01-03T00:00:00.000Z",
      } as const;
      const cannot = {
        kind: "cannot_link",
        reportA: c.id,
        reportB: a.id,
        decidedBy: "monitor-2",
        at: "2017-01-04T00:00:00.000Z",
      } as const;
      await store.linkConstraints.add(must);
      await store.linkConstraints.add(cannot);
      assert.deepEqual(await store.linkConstraints.forReports([a.id]), [must, cannot]);
      assert.deepEqual(await store.linkConstraints.forReports([b.id]), [must]);
      assert.deepEqual(await store.linkConstraints.forReports([randomUUID()]), []);
      await rejectsWith(
        store.linkConstraints.add({ ...must, reportB: randomUUID() }),
        "TRUCE_E_STORE_REFERENCE",
      );
    });
  });

  describe(`${engine} store: positions, verdicts, replies`, () => {
    it("appends and lists positions, verdicts and replies per incident", async () => {
      const { store } = await fresh();
      const i = incident();
      const other = incident();
      await store.incidents.upsert([i, other]);
      const p1 = position(i.id);
      const p2 = position(i.id, { guarantor: "TR", position: "insufficient_evidence", party: null });
      await store.positions.append(p1);
      await store.positions.append(p2);
      await store.positions.append(position(other.id));
      assert.deepEqual(await store.positions.byIncident(i.id), [p1, p2]);
      const v1 = verdict(i.id, { positionIds: [p1.id, p2.id], outcome: "undecided", attributedParty: null });
      await store.verdicts.append(v1);
      assert.deepEqual(await store.verdicts.latest(i.id), v1);
      const v2 = verdict(i.id, { supersedes: v1.id, at: "2017-01-06T00:00:00.000Z" });
      await store.verdicts.append(v2);
      assert.deepEqual(await store.verdicts.byIncident(i.id), [v1, v2]);
      assert.deepEqual(await store.verdicts.latest(i.id), v2);
      assert.deepEqual(await store.verdicts.get(v1.id), v1);
      assert.equal(await store.verdicts.latest(other.id), null);
      const r = reply(i.id, v2.id);
      await store.replies.append(r);
      assert.deepEqual(await store.replies.byIncident(i.id), [r]);
      assert.deepEqual(await store.replies.byIncident(other.id), []);
    });

    it("keeps one chain of verdicts per incident: racing decisions conflict, nothing forks", async () => {
      const { store } = await fresh();
      const i = incident();
      const other = incident();
      await store.incidents.upsert([i, other]);
      const v1 = verdict(i.id);
      await store.verdicts.append(v1);
      await rejectsWith(store.verdicts.append(verdict(i.id)), "TRUCE_E_STORE_CONFLICT");
      await store.verdicts.append(verdict(i.id, { supersedes: v1.id }));
      await rejectsWith(
        store.verdicts.append(verdict(i.id, { supersedes: v1.id })),
        "TRUCE_E_STORE_CONFLICT",
      );
      await rejectsWith(
        store.verdicts.append(verdict(other.id, { supersedes: v1.id })),
        "TRUCE_E_STORE_REFERENCE",
      );
      await rejectsWith(
        store.verdicts.append(verdict(i.id, { supersedes: randomUUID() })),
        "TRUCE_E_STORE_REFERENCE",
      );
      await rejectsWith(store.positions.append(position(randomUUID())), "TRUCE_E_STORE_REFERENCE");
      assert.equal((await store.verdicts.byIncident(i.id)).length, 2);
    });
  });

  describe(`${engine} store: audit log`, () => {
    it("numbers entries 0, 1, 2, … and reads them back by range", async () => {
      const { store } = await fresh();
      assert.equal(await store.audit.size(), 0);
      for (let n = 0; n < 5; n++) assert.equal((await store.audit.append(() => audit(n))).seq, n);
      assert.equal(await store.audit.size(), 5);
      assert.deepEqual(await store.audit.entries(1, 3), [
        { ...audit(1), seq: 1 },
        { ...audit(2), seq: 2 },
      ]);
      assert.deepEqual(
        (await store.audit.entries(0, 100)).map((e) => e.seq),
        [0, 1, 2, 3, 4],
      );
      assert.deepEqual(await store.audit.entries(3, 3), []);
    });

    it("reads one record's entries by subject and the leaf hashes of a range, without the rest of the log", async () => {
      const { store } = await fresh();
      // Subjects doc-0 … doc-2 repeat: entry n is about doc-(n % 3).
      for (let n = 0; n < 9; n++)
        await store.audit.append((seq) => ({ ...audit(seq), subjectId: `doc-${seq % 3}` }));
      assert.deepEqual(
        (await store.audit.bySubjects(["doc-2", "doc-0", "doc-2", "nothing"])).map((e) => [
          e.seq,
          e.subjectId,
        ]),
        [
          [0, "doc-0"],
          [2, "doc-2"],
          [3, "doc-0"],
          [5, "doc-2"],
          [6, "doc-0"],
          [8, "doc-2"],
        ],
      );
      const [first] = await store.audit.bySubjects(["doc-1"]);
      assert.deepEqual(first, { ...audit(1), subjectId: "doc-1", seq: 1 });
      assert.deepEqual(await store.audit.bySubjects([]), []);
      // More subjects than one statement may bind are read in batches.
      const many = Array.from({ length: 1200 }, (_, k) => `other-${k}`);
      assert.equal((await store.audit.bySubjects([...many, "doc-1"])).length, 3);
      assert.deepEqual(await store.audit.leafHashes(2, 5), ["l2", "l3", "l4"]);
      assert.deepEqual(await store.audit.leafHashes(7, 100), ["l7", "l8"]);
      assert.deepEqual(await store.audit.leafHashes(4, 4), []);
    });

    it("never gives two concurrent appends the same number, on one connection or two", async () => {
      const { store, reopen } = await fresh();
      // better-sqlite3 blocks the event loop while it waits for a lock, so two connections in one process would
      // wait on each other; SQLite's second writer is another process, which the crash tests cover.
      const other = store.engine === "postgres" ? await reopen() : store;
      const appended = await Promise.all(
        Array.from({ length: 40 }, (_, n) => (n % 2 === 0 ? store : other).audit.append(() => audit(n))),
      );
      assert.deepEqual(
        appended.map((e) => e.seq).sort((a, b) => a - b),
        Array.from({ length: 40 }, (_, n) => n),
      );
      assert.equal(await store.audit.size(), 40);
    });

    it("keeps signed checkpoints; the latest is the largest tree", async () => {
      const { store } = await fresh();
      assert.equal(await store.audit.latestCheckpoint(), null);
      const c = (treeSize: number, keyId: string) => ({
        treeSize,
        rootHash: `r${treeSize}`,
        signature: "sig",
        keyId,
        at: "2017-01-01T00:00:00.000Z",
      });
      await store.audit.appendCheckpoint(c(3, "k1"));
      await store.audit.appendCheckpoint(c(7, "k1"));
      await store.audit.appendCheckpoint(c(7, "k2"));
      assert.deepEqual(await store.audit.latestCheckpoint(), c(7, "k2"));
      assert.deepEqual(await store.audit.checkpoints(), [c(3, "k1"), c(7, "k1"), c(7, "k2")]);
      await store.audit.appendCheckpoint(c(5, "k1"));
      assert.deepEqual(await store.audit.largestCheckpoints(2), [c(7, "k2"), c(7, "k1")]);
      assert.deepEqual(await store.audit.largestCheckpoints(2, 2), [c(5, "k1"), c(3, "k1")]);
      assert.deepEqual(await store.audit.largestCheckpoints(10, 4), []);
    });

    it("keeps the audit tree's latest right edge, dropping smaller ones", async () => {
      const { store } = await fresh();
      assert.equal(await store.audit.latestTreeEdge(), null);
      const edge = (size: number, tag: string) => ({ size, frontier: [`${tag}1`, `${tag}2`] });
      await store.audit.saveTreeEdge(edge(3, "a"));
      assert.deepEqual(await store.audit.latestTreeEdge(), edge(3, "a"));
      await store.audit.saveTreeEdge(edge(3, "b"));
      assert.deepEqual(await store.audit.latestTreeEdge(), edge(3, "a"), "the first edge of a size stays");
      await store.audit.saveTreeEdge(edge(10, "c"));
      await store.audit.saveTreeEdge(edge(6, "d"));
      assert.deepEqual(await store.audit.latestTreeEdge(), edge(10, "c"));
      const kept = await store.transaction(async (tx) => {
        await tx.audit.saveTreeEdge(edge(12, "e"));
        return tx.audit.latestTreeEdge();
      });
      assert.deepEqual(kept, edge(12, "e"));
    });
  });

  describe(`${engine} store: append-only records`, () => {
    const tables = ["positions", "verdicts", "replies", "audit_entries", "audit_checkpoints"] as const;
    for (const table of tables) {
      it(`refuses UPDATE and DELETE of ${table} through raw SQL`, async () => {
        const { store, raw } = await fresh();
        const i = incident();
        await store.incidents.upsert([i]);
        const v = verdict(i.id);
        await store.positions.append(position(i.id));
        await store.verdicts.append(v);
        await store.replies.append(reply(i.id, v.id));
        await store.audit.append(() => audit(0));
        await store.audit.appendCheckpoint({
          treeSize: 1,
          rootHash: "r",
          signature: "s",
          keyId: "k",
          at: "t",
        });
        await assert.rejects(raw(`update ${table} set at = 'rewritten'`), /append-only/);
        await assert.rejects(raw(`delete from ${table}`), /append-only/);
        if (store.engine === "postgres")
          await assert.rejects(raw(`truncate ${table} cascade`), /append-only/);
        // Still there, unchanged.
        assert.equal((await store.positions.byIncident(i.id)).length, 1);
        assert.deepEqual(await store.verdicts.latest(i.id), v);
        assert.equal((await store.replies.byIncident(i.id)).length, 1);
        assert.deepEqual(await store.audit.entries(0, 1), [{ ...audit(0), seq: 0 }]);
        assert.equal((await store.audit.latestCheckpoint())?.rootHash, "r");
      });
    }

    it("lets mutable tables change through raw SQL (the triggers guard only the append-only ones)", async () => {
      const { store, raw } = await fresh();
      const i = incident();
      await store.incidents.upsert([i]);
      await raw(`update incidents set status = 'decided'`);
      assert.equal((await store.incidents.get(i.id))?.status, "decided");
    });
  });

  describe(`${engine} store: feeds`, () => {
    it("remembers a feed's validators and the items it has read", async () => {
      const { store } = await fresh();
      const url = "https://example.org/feed.xml";
      assert.equal(await store.feeds.get(url), null);
      const state = {
        url,
        etag: '"abc"',
        lastModified: "Mon, 02 Jan 2017 10:00:00 GMT",
        checkedAt: "2017-01-02T10:00:00.000Z",
      };
      await store.feeds.save(state);
      assert.deepEqual(await store.feeds.get(url), state);
      await store.feeds.save({ ...state, etag: null });
      assert.deepEqual(await store.feeds.get(url), { ...state, etag: null });
      const doc = document();
      await store.documents.insert(doc);
      await store.feeds.markRead(
        url,
        [
          { key: "a", documentId: doc.id },
          { key: "b", documentId: null },
        ],
        state.checkedAt,
      );
      await store.feeds.markRead(url, [{ key: "a", documentId: null }], state.checkedAt);
      assert.deepEqual([...(await store.feeds.readItems(url, ["a", "b", "c"]))].sort(), ["a", "b"]);
      assert.equal((await store.feeds.readItems("https://other.example/feed", ["a"])).size, 0);
    });
  });

  describe(`${engine} store: migrations`, () => {
    it("opens an existing database again without migrating twice or losing data", async () => {
      const { store, reopen } = await fresh();
      const doc = document();
      await store.documents.insert(doc);
      await store.audit.append(() => audit(0));
      const second = await reopen();
      const third = await reopen();
      assert.deepEqual(await third.documents.get(doc.id), doc);
      assert.equal((await second.audit.append(() => audit(1))).seq, 1);
      assert.equal((await third.documents.insert(doc)).created, false);
    });
  });

  incidentAccessContract(engine, fresh);
}

function ids(items: readonly { readonly id: string }[]): string[] {
  return items.map((i) => i.id);
}
