// `truce incidents` and `truce incident ID` on a store filled from the samples: filters filter, pages tile, views compare.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { openStore } from "../../src/adapters/store/open-store.js";
import { recordAudit } from "../../src/application/audit-trail.js";
import type { IncidentView } from "../../src/application/incident-view.js";
import type { Incident } from "../../src/domain/records/incident.js";
import type { Position, Reply, Verdict } from "../../src/domain/records/verification.js";
import { ingestFiles, type Run, truce } from "../support/in-process-cli.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SAMPLES = path.join(ROOT, "samples", "articles");

let dir = "";
let db = "";
let all: Incident[] = [];

interface Page {
  readonly items: Incident[];
  readonly next: string | null;
}
const page = (run: Run): Page => {
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as Page;
};
const ids = (items: readonly Incident[]): string[] => items.map((i) => i.id).sort();

// Two outlets on one shelling, disagreeing on the dead: the view must keep both figures and flag the row.
const article = (outlet: string, title: string, text: string): string =>
  JSON.stringify({
    url: null,
    title,
    published: "2017-02-14",
    outlet,
    language: "en",
    text: `${title}\n\n${text}`,
  });
const WIRE = article(
  "Test Wire A",
  "Shelling kills four in Maarat al-Numan",
  "IDLIB, Feb 14 — Syrian government artillery shelled the town of Maarat al-Numan in Idlib province on Tuesday, killing four civilians, a local rescue group said.\n\nThe group said the shells hit a market street shortly after dawn.",
);
const GAZETTE = article(
  "Test Gazette B",
  "Seven dead as regime shells Idlib town",
  "BEIRUT, Feb 14 — At least seven people were killed on Tuesday when Syrian army artillery pounded Maarat al-Numan, in the north-western province of Idlib, according to opposition activists.\n\nActivists posted pictures of damaged shops and a burned car.",
);

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "truce-incidents-"));
  db = path.join(dir, "truce.db");
  fs.writeFileSync(path.join(dir, "wire.json"), WIRE);
  fs.writeFileSync(path.join(dir, "gazette.json"), GAZETTE);
  const summary = await ingestFiles(db, path.join(dir, "audit.key"), [
    SAMPLES,
    path.join(dir, "wire.json"),
    path.join(dir, "gazette.json"),
  ]);
  assert.equal(summary.documentsFailed, 0);
  all = page(await truce("incidents", "--db", db, "--limit", "1000", "--format", "json")).items;
  assert.ok(all.length >= 10, `expected the samples to yield incidents, got ${all.length}`);
});
after(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("truce incidents: filters", () => {
  // Each filter is checked against the same predicate applied to the unfiltered list: every row returned
  // satisfies it, and no row that satisfies it is missing.
  const cases: readonly { name: string; args: string[]; keep: (i: Incident) => boolean }[] = [
    {
      name: "--admin1",
      args: ["--admin1", "SY-ID,SY-HM"],
      keep: (i) => i.admin1 === "SY-ID" || i.admin1 === "SY-HM",
    },
    { name: "--party", args: ["--party", "SY-GOV"], keep: (i) => i.perpetrators.includes("SY-GOV") },
    {
      name: "--type",
      args: ["--type", "Explosions/Remote violence"],
      keep: (i) => i.eventType === "Explosions/Remote violence",
    },
    {
      name: "--from/--to",
      args: ["--from", "2017-01-20", "--to", "2017-02-19"],
      keep: (i) => i.date !== null && i.date >= "2017-01-20" && i.date <= "2017-02-19",
    },
    { name: "--status", args: ["--status", "open"], keep: (i) => i.status === "open" },
    { name: "--grade", args: ["--grade", "corroborated"], keep: (i) => i.grade === "corroborated" },
    {
      name: "--classification",
      args: ["--classification", "excluded,undetermined"],
      keep: (i) => i.classification !== "violation",
    },
    {
      name: "combined",
      args: ["--party", "SY-GOV", "--type", "Explosions/Remote violence", "--admin1", "SY-ID"],
      keep: (i) =>
        i.perpetrators.includes("SY-GOV") &&
        i.eventType === "Explosions/Remote violence" &&
        i.admin1 === "SY-ID",
    },
  ];
  for (const c of cases) {
    it(`${c.name} returns exactly the incidents that satisfy it`, async () => {
      const got = page(
        await truce("incidents", "--db", db, "--limit", "1000", "--format", "json", ...c.args),
      ).items;
      const expected = all.filter(c.keep);
      assert.ok(
        expected.length > 0,
        `the fixture has no incident for ${c.name}: the test would prove nothing`,
      );
      assert.ok(expected.length < all.length || c.name === "--status", `${c.name} filters nothing out here`);
      for (const i of got) assert.ok(c.keep(i), `${i.id} does not satisfy ${c.name}`);
      assert.deepEqual(ids(got), ids(expected));
    });
  }

  it("the two reports of the Maarat al-Numan shelling are one corroborated incident", () => {
    const shelling = all.filter((i) => i.location === "Maarat al-Numan" && i.date === "2017-02-14");
    assert.equal(shelling.length, 1, JSON.stringify(shelling));
    assert.equal(shelling[0]?.reportIds.length, 2);
    assert.equal(shelling[0]?.grade, "corroborated");
    assert.deepEqual(shelling[0]?.killed, { low: 4, best: shelling[0]?.killed?.best, high: 7 });
  });
});

describe("truce incidents: paging and output", () => {
  it("pages cover every incident once, in order, and the last has no cursor", async () => {
    const seen: Incident[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const args = ["incidents", "--db", db, "--limit", "7", "--format", "json", "--order", "asc"];
      const p = page(await truce(...args, ...(cursor === null ? [] : ["--after", cursor])));
      assert.ok(p.items.length <= 7);
      seen.push(...p.items);
      cursor = p.next;
      pages++;
    } while (cursor !== null && pages < 100);
    assert.equal(pages, Math.ceil(all.length / 7));
    assert.equal(new Set(seen.map((i) => i.id)).size, seen.length, "a row appeared on two pages");
    assert.deepEqual(ids(seen), ids(all));
    const dates = seen.map((i) => i.date ?? "");
    assert.deepEqual(dates, [...dates].sort(), "ascending by date, undated first");
  });

  it("table: aligned columns, short ids, and a last line with the count and the next cursor", async () => {
    const first = await truce("incidents", "--db", db, "--limit", "5", "--sort", "updated");
    assert.equal(first.code, 0, first.stderr);
    const lines = first.stdout.trimEnd().split("\n");
    assert.equal(lines.length, 7, "header, five rows, summary");
    const header = lines[0] ?? "";
    for (const title of [
      "ID",
      "DATE",
      "ADMIN1",
      "LOCATION",
      "TYPE / SUB-TYPE",
      "PERPETRATORS",
      "KILLED",
      "GRADE",
      "STATUS",
    ]) {
      assert.ok(header.includes(title), `header lacks ${title}`);
    }
    // Aligned: every row's DATE cell starts where the header's does.
    const dateAt = header.indexOf("DATE");
    for (const row of lines.slice(1, 6))
      assert.match(row.slice(dateAt, dateAt + 10), /^(\d{4}-\d{2}-\d{2}|— {9})$/);
    const newest = [...all].sort((a, b) =>
      a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? 1 : -1,
    );
    assert.deepEqual(
      lines.slice(1, 6).map((r) => r.slice(0, 8)),
      newest.slice(0, 5).map((i) => i.id.slice(0, 8)),
    );
    const summary = lines.at(-1) ?? "";
    assert.match(
      summary,
      new RegExp(`^5 incidents shown of ${all.length} matching; next page: --after \\S+$`),
    );
    const cursor = summary.split("--after ")[1] ?? "";
    const second = await truce(
      "incidents",
      "--db",
      db,
      "--limit",
      "5",
      "--sort",
      "updated",
      "--after",
      cursor,
    );
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(
      second.stdout
        .split("\n")
        .slice(1, 6)
        .map((r) => r.slice(0, 8)),
      newest.slice(5, 10).map((i) => i.id.slice(0, 8)),
    );
  });
});

describe("truce incidents: bad options are refused before anything is opened", () => {
  const bad: readonly { args: string[]; says: RegExp }[] = [
    { args: ["--grade", "certain"], says: /--grade "certain" is not one of/ },
    { args: ["--status", "closed"], says: /--status "closed"/ },
    { args: ["--type", "Riots"], says: /--type "Riots" is not an event type/ },
    { args: ["--admin1", "Idlib"], says: /--admin1 "Idlib" is not an ISO 3166-2 code/ },
    { args: ["--party", "SY-GVO"], says: /--party "SY-GVO" is not an actor/ },
    { args: ["--from", "2017-02-30"], says: /--from "2017-02-30" is not a day/ },
    { args: ["--from", "2017-03-01", "--to", "2017-01-01"], says: /is after --to/ },
    { args: ["--limit", "0"], says: /--limit "0" must be a whole number/ },
    { args: ["--sort", "killed"], says: /--sort "killed"/ },
    { args: ["--format", "csv"], says: /--format "csv"/ },
    { args: ["--after", "not a cursor!"], says: /is not a page cursor/ },
  ];
  for (const b of bad) {
    it(`${b.args.join(" ")} → exit 64 with a clear message, no database created`, async () => {
      const missing = path.join(dir, `never-${Math.random().toString(36).slice(2)}.db`);
      const run = await truce("incidents", "--db", missing, ...b.args);
      assert.equal(run.code, 64);
      assert.match(run.stderr, b.says);
      assert.match(run.stderr, /TRUCE_E_USAGE/);
      assert.equal(run.stdout, "");
      assert.equal(fs.existsSync(missing), false);
    });
  }

  it("a well-formed cursor the store never gave out is a usage error too", async () => {
    const run = await truce("incidents", "--db", db, "--after", "bm90LWEtY3Vyc29y");
    assert.equal(run.code, 64);
    assert.match(run.stderr, /not a page cursor/);
  });

  it("an unknown option is a usage error", async () => {
    assert.equal((await truce("incidents", "--db", db, "--colour", "red")).code, 64);
  });

  it("a database that does not exist is named, not silently created", async () => {
    const missing = path.join(dir, "typo.db");
    const run = await truce("incidents", "--db", missing);
    assert.equal(run.code, 69);
    assert.match(run.stderr, /there is no database at .*typo\.db/);
    assert.equal(fs.existsSync(missing), false);
  });
});

describe("truce incident ID", () => {
  const shellingId = (): string => {
    const found = all.find((i) => i.location === "Maarat al-Numan" && i.date === "2017-02-14");
    assert.ok(found);
    return found.id;
  };

  it("json: both reports side by side, the casualty disagreement flagged, supporting text and audit entries", async () => {
    const run = await truce("incident", shellingId(), "--db", db, "--format", "json");
    assert.equal(run.code, 0, run.stderr);
    const view = JSON.parse(run.stdout) as IncidentView;
    assert.equal(view.incident.id, shellingId());
    assert.deepEqual(view.reports.map((r) => r.document?.source).sort(), ["Test Gazette B", "Test Wire A"]);
    const killed = view.comparison.find((c) => c.field === "killed");
    assert.equal(killed?.disagree, true);
    assert.deepEqual([...(killed?.values ?? [])].sort(), ["4", "7"]);
    assert.equal(view.comparison.find((c) => c.field === "date")?.disagree, false);
    assert.equal(view.comparison.find((c) => c.field === "place")?.disagree, false);
    for (const side of view.reports) {
      assert.equal(side.textProblem, null);
      assert.ok(side.supportingText.length > 0);
      for (const t of side.supportingText) assert.match(t.text, /Maarat al-Numan/);
    }
    // Each report's document was accepted into the log; nothing else in the log is about this incident.
    const documentIds = view.reports.map((r) => r.report.documentId).sort();
    assert.deepEqual(
      view.audit
        .filter((e) => e.kind === "document_accepted")
        .map((e) => e.subjectId)
        .sort(),
      documentIds,
    );
    assert.deepEqual(view.positions, []);
    assert.deepEqual(view.verdict, { latest: null, superseded: [] });
    assert.deepEqual(view.replies, []);
  });

  it("text: the killed row carries ≠, both figures and both outlets appear, found by its short id", async () => {
    const run = await truce("incident", shellingId().slice(0, 8), "--db", db);
    assert.equal(run.code, 0, run.stderr);
    const killedRow = run.stdout.split("\n").find((l) => /^\s+killed\s+≠/.test(l));
    assert.ok(killedRow, `no flagged killed row in:\n${run.stdout}`);
    assert.match(killedRow, /\b4\b.*\b7\b|\b7\b.*\b4\b/);
    assert.match(run.stdout, /^\s+date\s{2,}2017-02-14/m, "an agreeing row carries no flag");
    assert.match(run.stdout, /Test Wire A/);
    assert.match(run.stdout, /Test Gazette B/);
    assert.match(run.stdout, /they disagree on killed/);
    assert.match(run.stdout, /« .*killing four civilians.* »/);
    assert.match(run.stdout, /« .*At least seven people were killed.* »/);
    assert.match(run.stdout, /audit entries \(2\)/);
    assert.match(run.stdout, /verdict: none yet/);
  });

  it("an unknown id → exit 66 naming it", async () => {
    const run = await truce("incident", "00000000-0000-4000-8000-000000000000", "--db", db);
    assert.equal(run.code, 66);
    assert.match(run.stderr, /no incident "00000000-0000-4000-8000-000000000000" is stored/);
    assert.match(run.stderr, /TRUCE_E_INCIDENT_NOT_FOUND/);
    assert.equal(run.stdout, "");
  });

  it("a bad --format → exit 64", async () => {
    assert.equal((await truce("incident", shellingId(), "--db", db, "--format", "xml")).code, 64);
  });
});

describe("truce incident ID: decisions", () => {
  it("shows positions, the latest verdict, the one it superseded, the reply, and their audit entries", async () => {
    const target = all.find((i) => i.location !== "Maarat al-Numan" && i.classification === "violation");
    assert.ok(target);
    const store = await openStore(db);
    const at = (minute: number) => `2024-06-01T10:${String(minute).padStart(2, "0")}:00.000Z`;
    const position: Position = {
      id: randomUUID(),
      incidentId: target.id,
      guarantor: "RU",
      position: "violation",
      party: "SY-OPP",
      rationale: "Shelling confirmed by the mission's observers.",
      recordedBy: "test",
      at: at(1),
    };
    const first: Verdict = {
      id: randomUUID(),
      incidentId: target.id,
      outcome: "undecided",
      attributedParty: null,
      rule: "unanimity",
      positionIds: [],
      supersedes: null,
      replyBy: null,
      at: at(2),
    };
    const second: Verdict = {
      ...first,
      id: randomUUID(),
      outcome: "violation",
      attributedParty: "SY-OPP",
      positionIds: [position.id],
      supersedes: first.id,
      replyBy: "2024-06-15",
      at: at(3),
    };
    const reply: Reply = {
      id: randomUUID(),
      incidentId: target.id,
      verdictId: second.id,
      party: "SY-OPP",
      text: "We deny firing on that day.",
      at: at(4),
    };
    try {
      await store.transaction(async (tx) => {
        await tx.positions.append(position);
        await recordAudit(tx, "position_recorded", position.id, { guarantor: "RU" }, position.at);
        await tx.verdicts.append(first);
        await recordAudit(tx, "verdict_recorded", first.id, { outcome: first.outcome }, first.at);
        await tx.verdicts.append(second);
        await recordAudit(tx, "verdict_recorded", second.id, { outcome: second.outcome }, second.at);
        await tx.replies.append(reply);
        await recordAudit(tx, "reply_recorded", reply.id, { party: "SY-OPP" }, reply.at);
      });
    } finally {
      await store.close();
    }

    const json = await truce("incident", target.id, "--db", db, "--format", "json");
    assert.equal(json.code, 0, json.stderr);
    const view = JSON.parse(json.stdout) as IncidentView;
    assert.deepEqual(view.positions, [position]);
    assert.equal(view.verdict.latest?.id, second.id);
    assert.deepEqual(
      view.verdict.superseded.map((v) => v.id),
      [first.id],
    );
    assert.deepEqual(view.replies, [reply]);
    assert.deepEqual(
      view.audit.map((e) => e.kind),
      [
        ...Array.from(new Set(view.reports.map((r) => r.report.documentId)), () => "document_accepted"),
        "position_recorded",
        "verdict_recorded",
        "verdict_recorded",
        "reply_recorded",
      ],
    );

    const text = await truce("incident", target.id, "--db", db);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /RU: violation by SY-OPP — Shelling confirmed/);
    assert.match(text.stdout, /verdict: violation by SY-OPP — unanimity, 1 position\(s\)/);
    assert.match(text.stdout, /superseded: undecided — unanimity, 0 position\(s\)/);
    assert.match(text.stdout, /SY-OPP \(to verdict [0-9a-f]{8}\): We deny firing on that day\./);
    assert.match(text.stdout, /reply_recorded/);
  });
});
