// A store holding incidents in every publication state, for the publication, export, statistics and bulletin tests.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadShippedAgreements } from "../../src/adapters/data/load-context.js";
import { openStore } from "../../src/adapters/store/open-store.js";
import type { Principal } from "../../src/domain/access/principal.js";
import type { Agreement } from "../../src/domain/agreement/schema.js";
import type { Incident } from "../../src/domain/records/incident.js";
import type { Report } from "../../src/domain/records/report.js";
import type { Verdict } from "../../src/domain/records/verification.js";
import type { Store } from "../../src/ports/store.js";
import { document, incident, report, verdict } from "../store/fixtures.js";

/** Written into a complaint's document: it must never appear in anything published. */
export const WITNESS = "Umm Khaled the baker, 0933 000 111";
/** Text a hostile complainant could put in a place name: a spreadsheet formula, a script, quotes, markup. */
export const HOSTILE = `=HYPERLINK("http://evil.example","x") <script>alert("x")</script> & 'q' <b>`;

export const observer: Principal = { role: "observer", userId: "u-obs", username: "observer" };
export const admin: Principal = { role: "admin", userId: "u-admin", username: "admin" };
export const guarantor: Principal = { role: "guarantor", userId: "u-ru", username: "ru", guarantor: "RU" };
export const opposition: Principal = { role: "party", userId: "u-opp", username: "opp", party: "SY-OPP" };

export function shipped(id: string): Agreement {
  const found = loadShippedAgreements().find((a) => a.id === id);
  if (found === undefined) throw new Error(`no shipped agreement ${id}`);
  return found;
}

export interface Seeded {
  readonly store: Store;
  readonly dir: string;
  readonly db: string;
  /** idlib: verdict (violation, SY-GOV) 4 Jan, restricted point; aleppo: no violation 4 Jan, hostile place
   * name, sources disagree (SY-GOV, RU); homs: awaiting positions, a complaint of SY-OPP; deir: verdict on
   * 9 January; avdiivka (Minsk II, parties unnamed): violation by UA-SEP on 4 January. */
  readonly ids: Readonly<Record<"idlib" | "aleppo" | "homs" | "deir" | "avdiivka", string>>;
  readonly dispose: () => Promise<void>;
}

/** Stores an incident with a document and report per source (placed as the incident is), and its verdict. */
export async function seed(
  store: Store,
  reports: readonly Partial<Report>[],
  over: Partial<Incident>,
  decision?: Partial<Verdict>,
): Promise<string> {
  const stored: Report[] = [];
  for (const r of reports) {
    const body =
      r.kind === "complaint"
        ? JSON.stringify({
            complaint: { narrative: `Shells fell on the market (${randomUUID()}).`, witness: WITNESS },
          })
        : undefined;
    const doc = document(body === undefined ? {} : { body, source: r.source ?? "SY-OPP" });
    await store.documents.insert(doc);
    const place: Partial<Report> = {
      ...(over.date === undefined ? {} : { date: over.date }),
      ...(over.country === undefined ? {} : { country: over.country }),
      ...(over.admin1 === undefined ? {} : { admin1: over.admin1 }),
      ...(over.location === undefined ? {} : { location: over.location }),
      ...(over.lat === undefined ? {} : { lat: over.lat }),
      ...(over.lon === undefined ? {} : { lon: over.lon }),
    };
    stored.push(report(doc.id, { ...place, ...r }));
  }
  await store.reports.insert(stored);
  const made = incident({ reportIds: stored.map((r) => r.id), ...over });
  await store.incidents.upsert([made]);
  if (decision !== undefined) await store.verdicts.append(verdict(made.id, decision));
  return made.id;
}

/** The seeded store in a temporary SQLite file, or in the database `spec` names (a PostgreSQL schema). */
export async function seededStore(spec?: string): Promise<Seeded> {
  const dir = mkdtempSync(join(tmpdir(), "truce-publication-"));
  const db = spec ?? join(dir, "truce.db");
  const store = await openStore(db);
  const syria = { country: "SY" } as const;
  const idlib = await seed(
    store,
    [
      { source: "Reuters", kind: "press", target: "CIV", datePrecision: 1, geoPrecision: 1 },
      { source: "SY-OPP", kind: "complaint", target: "CIV", coordinatesRestricted: true },
    ],
    {
      ...syria,
      admin1: "SY-ID",
      location: "Maarrat al-Numan",
      date: "2017-01-03",
      lat: 35.64321,
      lon: 36.67123,
      coordinatesRestricted: true,
      perpetrators: ["SY-GOV"],
      accused: "SY-GOV",
      complainants: ["SY-OPP"],
      killed: { low: 4, best: 4, high: 4 },
      status: "decided",
      updatedAt: "2017-01-04T09:00:00.000Z",
    },
    { outcome: "violation", attributedParty: "SY-GOV", at: "2017-01-04T09:00:00.000Z" },
  );
  const aleppo = await seed(
    store,
    [
      { source: "SANA", kind: "press", perpetrator: "SY-GOV", lat: null, lon: null, geoPrecision: 3 },
      {
        source: "Reuters",
        kind: "press",
        perpetrator: "RU",
        lat: null,
        lon: null,
        geoPrecision: 3,
        datePrecision: 2,
      },
    ],
    {
      ...syria,
      admin1: "SY-HL",
      location: HOSTILE,
      date: "2017-01-02",
      lat: null,
      lon: null,
      perpetrators: ["SY-GOV", "RU"],
      accused: null,
      killed: { low: 1, best: 2, high: 6 },
      status: "decided",
      classification: "undetermined",
      updatedAt: "2017-01-04T10:00:00.000Z",
    },
    { outcome: "no_violation", attributedParty: null, replyBy: null, at: "2017-01-04T10:00:00.000Z" },
  );
  const homs = await seed(store, [{ source: "SY-OPP", kind: "complaint" }], {
    ...syria,
    admin1: "SY-HI",
    location: "Talbiseh",
    date: "2017-01-03",
    complainants: ["SY-OPP"],
    status: "awaiting_positions",
  });
  const deir = await seed(
    store,
    [{ source: "SOHR", kind: "press" }],
    {
      ...syria,
      admin1: "SY-DY",
      location: "Deir ez-Zor",
      date: "2017-01-08",
      status: "decided",
      accused: "ISIS",
      perpetrators: ["ISIS"],
    },
    { outcome: "violation", attributedParty: "ISIS", at: "2017-01-09T00:00:00.000Z" },
  );
  const avdiivka = await seed(
    store,
    [{ source: "OSCE SMM", kind: "press", perpetrator: "UA-SEP", target: "UA-GOV" }],
    {
      country: "UA",
      admin1: "UA-14",
      location: "Avdiivka",
      date: "2017-01-01",
      lat: 48.139,
      lon: 37.742,
      perpetrators: ["UA-SEP"],
      accused: "UA-SEP",
      status: "decided",
    },
    { outcome: "violation", attributedParty: "UA-SEP", at: "2017-01-04T00:00:00.000Z" },
  );
  return {
    store,
    dir,
    db,
    ids: { idlib, aleppo, homs, deir, avdiivka },
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** RFC 4180 CSV read back for the tests (quoted fields, doubled quotes, line breaks inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || (c === "\r" && text[i + 1] === "\n")) {
      if (c === "\r") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}
