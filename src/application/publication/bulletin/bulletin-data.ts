// What a bulletin says, before it is written out as HTML, Markdown or PDF: plain data, JSON-serialisable.
import type { EscalationAlert } from "../compliance-statistics.js";

export type BulletinPeriod = "daily" | "weekly";

export const bulletinPeriods: readonly BulletinPeriod[] = ["daily", "weekly"];

export interface CountPair {
  /** Incidents the sources attribute to the party (or that lie in the governorate): the claims. */
  readonly claimed: number;
  /** Incidents the guarantors' verdict attributes to a party: the verified. */
  readonly verified: number;
}

export interface BulletinIncident {
  readonly id: string;
  readonly date: string | null;
  readonly location: string;
  /** Null for a report of the country as a whole (placed to no first-level unit). */
  readonly admin1: string | null;
  readonly admin1Name: string | null;
  /** ISO 3166-1 alpha-2, and its name: the place of an incident placed only to the country. */
  readonly country: string;
  readonly countryName: string;
  readonly eventType: string;
  readonly subEventType: string;
  /** The party the verdict holds responsible, by name; null when the policy leaves parties unnamed. */
  readonly accused: string | null;
  /** The perpetrators the sources name, by name (empty when unnamed). */
  readonly claimed: readonly string[];
  readonly killed: { readonly low: number; readonly best: number; readonly high: number } | null;
  readonly grade: string;
  readonly publishedAt: string | null;
}

/** The incidents of one first-level unit, or of a country's incidents placed to no unit. */
export interface PlaceCounts extends CountPair {
  /** The unit's ISO 3166-2 code; null on the row of the country's incidents placed only to the country. */
  readonly code: string | null;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly name: string;
}

/** Where an incident lies, as written in a bulletin: its location, then its unit (or, placed to none, its country). */
export const placeOf = (i: BulletinIncident): string[] => [
  ...new Set(
    [i.location, i.admin1 === null ? i.countryName : (i.admin1Name ?? i.admin1)].filter((s) => s !== ""),
  ),
];

/** One region of the map: its shape (GeoJSON, WGS 84) and how many incidents lie in it. */
export interface MapRegion {
  readonly code: string;
  readonly name: string;
  readonly nameAr: string | null;
  readonly count: number;
  readonly geometry: { readonly type: "Polygon" | "MultiPolygon"; readonly coordinates: unknown };
}

export interface BulletinData {
  readonly agreement: { readonly id: string; readonly title: string };
  readonly period: BulletinPeriod;
  /** The days covered, inclusive (a weekly bulletin runs Monday to Sunday). */
  readonly from: string;
  readonly to: string;
  readonly generatedAt: string;
  /** Whether parties are named in it (the agreement's `nameParties`, for this reader). */
  readonly partiesNamed: boolean;
  /** `killed`: the best estimates of the verified incidents, summed. */
  readonly totals: CountPair & { readonly killed: number };
  readonly parties: readonly (CountPair & { readonly id: string; readonly name: string })[];
  /** Per first-level unit, then a row per country for its incidents placed to no unit ("Syria, no governorate"). */
  readonly governorates: readonly PlaceCounts[];
  /** The incidents of the period the verdict attributes to a party, oldest first (at most `incidentLimit`). */
  readonly incidents: readonly BulletinIncident[];
  /** Verified incidents beyond the limit, not listed. */
  readonly incidentsNotListed: number;
  /** Escalation alerts raised on a day (week) of the period, against the trailing baseline. */
  readonly alerts: readonly (EscalationAlert & { readonly name: string })[];
  readonly alertRule: string;
  /** Null when no boundaries are shipped for the territory; `mapNote` then says so. */
  readonly map: { readonly regions: readonly MapRegion[] } | null;
  readonly mapNote: string | null;
  /** The signed audit checkpoint the bulletin was produced at; null when the log has none yet. */
  readonly checkpoint: {
    readonly treeSize: number;
    readonly rootHash: string;
    readonly keyId: string;
    readonly at: string;
  } | null;
  /** Audit entries at the time of production: more than the checkpoint's size means entries not yet signed. */
  readonly auditLogSize: number;
}

/** How an alert's count reads: a party's claims or verdicts; incidents reported in a place or in all. */
export const measureOf = (alert: Pick<EscalationAlert, "subject" | "measure">): string =>
  alert.measure === "verified" ? "verified" : alert.subject === "party" ? "claimed" : "reported";
