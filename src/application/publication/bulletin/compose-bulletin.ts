// Composes a daily or weekly bulletin for one reader: counts by party and governorate (claimed beside verified),
// the verified incidents, escalation alerts, the map's regions and the audit checkpoint it rests on.
import { type Principal, visibilityOf } from "../../../domain/access/principal.js";
import { type Agreement, isIsoDate } from "../../../domain/agreement/schema.js";
import { readsPublications } from "../../../domain/publication/audience.js";
import type { Names } from "../../../domain/publication/names.js";
import { publishedView } from "../../../domain/publication/published-view.js";
import type { Incident, IncidentStatus } from "../../../domain/records/incident.js";
import { periodOf } from "../../../domain/statistics/periods.js";
import { TruceError } from "../../../errors.js";
import type { IncidentFilter, Repositories } from "../../../ports/store.js";
import { complianceStatistics, type GroupSeries } from "../compliance-statistics.js";
import { shippedNames } from "../shipped-names.js";
import { type Boundary, shippedBoundaries } from "./boundaries.js";
import type {
  BulletinData,
  BulletinIncident,
  BulletinPeriod,
  CountPair,
  MapRegion,
  PlaceCounts,
} from "./bulletin-data.js";

export interface BulletinRequest {
  readonly period: BulletinPeriod;
  /** A day (YYYY-MM-DD): the day itself, or the ISO week (Monday to Sunday) it falls in. */
  readonly date: string;
}

export interface BulletinOptions {
  readonly names?: Names;
  readonly now?: () => string;
  /** At most this many verified incidents are listed (default 500); the rest are counted. */
  readonly incidentLimit?: number;
  readonly boundaries?: (country: string) => readonly Boundary[] | null;
}

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The days a bulletin covers, and how far back its escalation baseline reaches. */
export function bulletinSpan(request: BulletinRequest): { from: string; to: string; baselineFrom: string } {
  if (!isIsoDate(request.date)) {
    throw new TruceError(
      "TRUCE_E_USAGE",
      `"${request.date}" is not a day: write it as YYYY-MM-DD, e.g. 2017-01-17`,
    );
  }
  if (request.period === "daily") {
    return { from: request.date, to: request.date, baselineFrom: addDays(request.date, -28) };
  }
  const monday = periodOf(request.date, "week");
  return { from: monday, to: addDays(monday, 6), baselineFrom: addDays(monday, -7 * 12) };
}

/**
 * The territory as the store's place filter: the first-level units the agreement names, every one the gazetteer
 * knows in a country it takes whole, and the incidents placed only to such a country, which lie in it as surely
 * (the agreement's one rule: see `inTerritory`).
 */
const territoryPlaces = (
  agreement: Agreement,
  names: Names,
): Required<Pick<IncidentFilter, "admin1" | "countryLevel">> => {
  const named = agreement.territory.admin1 ?? [];
  const narrowed = new Set(named.map((code) => code.slice(0, 2)));
  const whole = agreement.territory.countries.filter((c) => !narrowed.has(c));
  return { admin1: [...named, ...whole.flatMap((c) => names.admin1Codes(c))], countryLevel: whole };
};

const allStatuses: readonly IncidentStatus[] = ["open", "awaiting_positions", "decided", "published"];

/** Sums each group's counts over the axis positions that fall in the bulletin's days. */
function within(groups: readonly GroupSeries[], positions: readonly number[]) {
  const sum = (counts: readonly number[]) => positions.reduce((n, i) => n + (counts[i] ?? 0), 0);
  return groups
    .map((g) => ({ key: g.key, claimed: sum(g.claimed), verified: sum(g.verified) }))
    .filter((g) => g.claimed > 0 || g.verified > 0);
}

function bulletinIncident(incident: Incident, names: Names): BulletinIncident {
  return {
    id: incident.id,
    date: incident.date,
    location: incident.location,
    admin1: incident.admin1,
    admin1Name: incident.admin1 === null ? null : names.admin1Name(incident.admin1),
    country: incident.country,
    countryName: names.countryName(incident.country),
    eventType: incident.eventType,
    subEventType: incident.subEventType,
    accused: incident.accused === null ? null : names.actorName(incident.accused),
    claimed: incident.perpetrators.map((p) => names.actorName(p)),
    killed: incident.killed,
    grade: incident.grade,
    publishedAt: incident.publishedAt,
  };
}

function mapOf(
  agreement: Agreement,
  counts: ReadonlyMap<string, number>,
  boundariesOf: (country: string) => readonly Boundary[] | null,
  names: Names,
): { map: BulletinData["map"]; mapNote: string | null } {
  const regions: MapRegion[] = [];
  const missing: string[] = [];
  const wanted = agreement.territory.admin1;
  for (const country of agreement.territory.countries) {
    const boundaries = boundariesOf(country);
    if (boundaries === null) {
      missing.push(`${names.countryName(country)} (${country})`);
      continue;
    }
    for (const b of boundaries) {
      if (wanted !== undefined && !wanted.includes(b.code)) continue;
      regions.push({
        code: b.code,
        name: b.name,
        nameAr: b.nameAr,
        count: counts.get(b.code) ?? 0,
        geometry: b.geometry,
      });
    }
  }
  const note =
    missing.length === 0
      ? null
      : `No boundaries are shipped for ${missing.join(", ")}: ${regions.length === 0 ? "the map is left out" : "the map shows only the rest of the territory"}.`;
  return { map: regions.length === 0 ? null : { regions }, mapNote: note };
}

/**
 * The bulletin of the incidents dated in the period that the principal may read, under the agreement's
 * publication policy (who reads it, whether parties are named). Counts come from the store's tallies; the
 * verified incidents are read a page at a time.
 */
export async function composeBulletin(
  store: Repositories,
  agreement: Agreement,
  request: BulletinRequest,
  principal: Principal,
  options: BulletinOptions = {},
): Promise<BulletinData> {
  const names = options.names ?? shippedNames();
  const { from, to, baselineFrom } = bulletinSpan(request);
  const granularity = request.period === "daily" ? "day" : "week";
  const places = territoryPlaces(agreement, names);
  const stats = await complianceStatistics(store, { from: baselineFrom, to, ...places }, principal, {
    granularity,
    agreement,
  });
  const first = periodOf(from, granularity);
  const positions = stats.periods.flatMap((p, i) => (p >= first && p <= to ? [i] : []));
  const sum = (counts: readonly number[]) => positions.reduce((n, i) => n + (counts[i] ?? 0), 0);

  const parties = within(stats.parties, positions).map((p) => ({
    id: p.key,
    name: names.actorName(p.key),
    claimed: p.claimed,
    verified: p.verified,
  }));
  const governorates: PlaceCounts[] = within(stats.governorates, positions).map((g) => ({
    code: g.key,
    country: g.key.slice(0, 2),
    name: names.admin1Name(g.key) ?? g.key,
    claimed: g.claimed,
    verified: g.verified,
  }));

  // The verified incidents, oldest first, as this reader may see them.
  const limit = options.incidentLimit ?? 500;
  const statuses = readsPublications(principal, agreement.publication.audience)
    ? allStatuses
    : allStatuses.filter((s) => s !== "published");
  const filter: IncidentFilter = {
    from,
    to,
    ...places,
    status: statuses,
    visibleTo: visibilityOf(principal),
  };
  const incidents: BulletinIncident[] = [];
  // The governorates' counts come from the tallies, which key these by no unit: counted here, per country.
  const countryLevel = new Map<string, CountPair>();
  let verified = 0;
  let killed = 0;
  let after: string | null = null;
  do {
    const page = await store.incidents.list({ ...filter, sort: "date", order: "asc", limit: 1000, after });
    for (const incident of page.items) {
      if (incident.admin1 === null) {
        const counts = countryLevel.get(incident.country) ?? { claimed: 0, verified: 0 };
        countryLevel.set(incident.country, {
          claimed: counts.claimed + 1,
          verified: counts.verified + (incident.accused === null ? 0 : 1),
        });
      }
      if (incident.accused === null) continue;
      verified += 1;
      killed += incident.killed?.best ?? 0;
      if (incidents.length < limit) {
        incidents.push(
          bulletinIncident(publishedView(incident, principal, agreement.publication).incident, names),
        );
      }
    }
    after = page.next;
  } while (after !== null);

  for (const [country, counts] of [...countryLevel].sort(([a], [b]) => a.localeCompare(b))) {
    governorates.push({
      code: null,
      country,
      name: `${names.countryName(country)}, no governorate`,
      ...counts,
    });
  }

  const counts = new Map(
    governorates.flatMap((g) => (g.code === null ? [] : [[g.code, g.claimed] as const])),
  );
  const { map, mapNote } = mapOf(agreement, counts, options.boundaries ?? shippedBoundaries, names);
  const checkpoint = await store.audit.latestCheckpoint();
  const nameOf = (subject: string, key: string | null) =>
    key === null
      ? "all incidents"
      : subject === "party"
        ? names.actorName(key)
        : (names.admin1Name(key) ?? key);
  return {
    agreement: { id: agreement.id, title: agreement.title },
    period: request.period,
    from,
    to,
    generatedAt: (options.now ?? (() => new Date().toISOString()))(),
    partiesNamed: stats.partiesNamed,
    totals: { claimed: sum(stats.total.claimed), verified: sum(stats.total.verified), killed },
    parties,
    governorates,
    incidents,
    incidentsNotListed: verified - incidents.length,
    alerts: stats.alerts
      .filter((a) => a.period >= first && a.period <= to)
      .map((a) => ({ ...a, name: nameOf(a.subject, a.key) })),
    alertRule: stats.rule.description,
    map,
    mapNote,
    checkpoint:
      checkpoint === null
        ? null
        : {
            treeSize: checkpoint.treeSize,
            rootHash: checkpoint.rootHash,
            keyId: checkpoint.keyId,
            at: checkpoint.at,
          },
    auditLogSize: await store.audit.size(),
  };
}
