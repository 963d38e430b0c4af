// Shared by the decision tests: a temp SQLite store, incidents seeded through the repositories, a clock, counts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/adapters/store/open-store.js";
import type { Incident } from "../../src/domain/records/incident.js";
import type { Report } from "../../src/domain/records/report.js";
import type { Store } from "../../src/ports/store.js";
import { document, incident, report } from "../store/fixtures.js";

export interface TempStore {
  readonly store: Store;
  readonly dispose: () => Promise<void>;
}

export async function tempStore(): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), "truce-decisions-"));
  const store = await openStore(join(dir, "truce.db"));
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An incident with `reports.length` reports, each from a document of its own, stored as ingestion would. */
export async function seedIncident(
  store: Store,
  over: Partial<Report>[] = [{}],
  incidentOver: Partial<Incident> = {},
): Promise<{ incident: Incident; reports: Report[] }> {
  const reports: Report[] = [];
  for (const o of over) {
    const doc = document();
    await store.documents.insert(doc);
    reports.push(report(doc.id, o));
  }
  await store.reports.insert(reports);
  const first = reports[0] as Report;
  const stored = incident({
    reportIds: reports.map((r) => r.id),
    date: first.date,
    admin1: first.admin1,
    country: first.country,
    location: first.location,
    ...incidentOver,
  });
  await store.incidents.upsert([stored]);
  return { incident: stored, reports };
}

/** A Minsk II incident: Avdiivka, Donetsk oblast, January 2017, shelled by the separatists. */
export const avdiivka: Partial<Report> = {
  country: "UA",
  admin1: "UA-14",
  location: "Avdiivka",
  lat: 48.139,
  lon: 37.742,
  date: "2017-01-31",
  perpetrator: "UA-SEP",
};

/** A clock the test moves: each reading is one minute after the last, unless set. */
export class TestClock {
  #ms: number;
  constructor(start: string) {
    this.#ms = Date.parse(start);
  }
  readonly now = (): string => {
    this.#ms += 60_000;
    return new Date(this.#ms).toISOString();
  };
  set(at: string): void {
    this.#ms = Date.parse(at) - 60_000;
  }
}

export interface Counts {
  readonly incidents: number;
  readonly positions: number;
  readonly verdicts: number;
  readonly replies: number;
  readonly constraints: number;
  readonly audit: number;
}

/** How much the store holds about these incidents: a refusal must leave every number as it was. */
export async function counts(
  store: Store,
  incidentIds: readonly string[],
  reportIds: readonly string[],
): Promise<Counts> {
  let positions = 0;
  let verdicts = 0;
  let replies = 0;
  for (const id of incidentIds) {
    positions += (await store.positions.byIncident(id)).length;
    verdicts += (await store.verdicts.byIncident(id)).length;
    replies += (await store.replies.byIncident(id)).length;
  }
  return {
    incidents: await store.incidents.count(),
    positions,
    verdicts,
    replies,
    constraints: (await store.linkConstraints.forReports(reportIds)).length,
    audit: await store.audit.size(),
  };
}
