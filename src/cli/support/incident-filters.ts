// Turns `truce incidents` options (raw strings from the command line) into a checked store query, or a usage error.
import type { Classification, EventType } from "../../domain/ontology.js";
import { allEventTypes } from "../../domain/ontology.js";
import type { EvidenceGrade, IncidentStatus } from "../../domain/records/incident.js";
import { TruceError } from "../../errors.js";
import type { IncidentQuery } from "../../ports/store.js";

/** The options exactly as commander hands them over: every value still a string, or absent. */
export interface RawIncidentListOptions {
  readonly from?: string;
  readonly to?: string;
  readonly admin1?: string;
  readonly party?: string;
  readonly type?: string;
  readonly status?: string;
  readonly grade?: string;
  readonly classification?: string;
  readonly sort?: string;
  readonly order?: string;
  readonly limit?: string;
  readonly after?: string;
  readonly format?: string;
}

export type IncidentListFormat = "table" | "json";

export interface IncidentListRequest {
  readonly query: IncidentQuery;
  readonly format: IncidentListFormat;
}

export interface ParseContext {
  /** Canonical actor ids a --party value must be one of; omitted: only the id's shape is checked. */
  readonly knownParties?: ReadonlySet<string>;
}

// Spelled out (not derived from the types) so that a value the types gain is a compile error here, below.
export const evidenceGrades = [
  "single_source",
  "corroborated",
  "confirmed",
  "contested",
  "discounted",
] as const satisfies readonly EvidenceGrade[];
export const incidentStatuses = [
  "open",
  "awaiting_positions",
  "decided",
  "published",
] as const satisfies readonly IncidentStatus[];
export const classifications = [
  "violation",
  "excluded",
  "not_applicable",
  "undetermined",
] as const satisfies readonly Classification[];

// Exhaustiveness: each list must name every member of its type.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : never;
const complete: [
  Missing<EvidenceGrade, (typeof evidenceGrades)[number]>,
  Missing<IncidentStatus, (typeof incidentStatuses)[number]>,
  Missing<Classification, (typeof classifications)[number]>,
] = [true, true, true];
void complete;

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

/** ISO 3166-2 subdivision codes, as the gazetteer stores admin1 (SY-ID, UA-14). */
const ADMIN1 = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
/** Canonical actor ids: upper-case words joined by hyphens (SY-GOV, RU, ISIS, UA-SEP). */
const PARTY = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;

const usage = (message: string): TruceError => new TruceError("TRUCE_E_USAGE", message);

/** Comma-separated values, trimmed; an empty item (`a,,b`, a trailing comma) is a mistake, not "any". */
function listOf(option: string, raw: string): string[] {
  const items = raw.split(",").map((s) => s.trim());
  if (items.some((s) => s === "")) {
    throw usage(
      `--${option} "${raw}" has an empty item: give values separated by commas, e.g. --${option} a,b`,
    );
  }
  return [...new Set(items)];
}

/** Accepts `single-source` and `Single_Source` for `single_source`: the spelling varies, the value does not. */
const asToken = (s: string): string => s.toLowerCase().replace(/[\s-]+/g, "_");

function enumList<T extends string>(option: string, raw: string, allowed: readonly T[]): T[] {
  return listOf(option, raw).map((item) => {
    const found = allowed.find((a) => a === asToken(item));
    if (found === undefined) {
      throw usage(`--${option} "${item}" is not one of: ${allowed.join(", ")}`);
    }
    return found;
  });
}

function eventTypeList(raw: string): EventType[] {
  return listOf("type", raw).map((item) => {
    const found = allEventTypes.find((t) => t.toLowerCase() === item.toLowerCase());
    if (found === undefined) {
      throw usage(`--type "${item}" is not an event type; use one of: ${allEventTypes.join("; ")}`);
    }
    return found;
  });
}

function day(option: string, raw: string): string {
  const value = raw.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  // Round-tripping through Date refuses 2017-02-30, which the pattern alone would let through.
  if (m === null || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw usage(`--${option} "${raw}" is not a day: write it as YYYY-MM-DD, e.g. 2017-01-17`);
  }
  return value;
}

function limitOf(raw: string): number {
  const value = raw.trim();
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_LIMIT) {
    throw usage(`--limit "${raw}" must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  return Number(value);
}

function oneOf<const T extends string>(option: string, raw: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === raw.trim().toLowerCase());
  if (found === undefined) throw usage(`--${option} "${raw}" is not one of: ${allowed.join(", ")}`);
  return found;
}

/** Checks every option and builds the query; throws TRUCE_E_USAGE (exit 64) naming the first bad value. */
export function parseIncidentListOptions(
  raw: RawIncidentListOptions,
  context: ParseContext = {},
): IncidentListRequest {
  const from = raw.from === undefined ? undefined : day("from", raw.from);
  const to = raw.to === undefined ? undefined : day("to", raw.to);
  if (from !== undefined && to !== undefined && from > to) {
    throw usage(`--from ${from} is after --to ${to}: nothing could match`);
  }
  const admin1 =
    raw.admin1 === undefined
      ? undefined
      : listOf("admin1", raw.admin1).map((code) => {
          const upper = code.toUpperCase();
          if (!ADMIN1.test(upper)) {
            throw usage(`--admin1 "${code}" is not an ISO 3166-2 code such as SY-ID or UA-14`);
          }
          return upper;
        });
  const party =
    raw.party === undefined
      ? undefined
      : listOf("party", raw.party).map((id) => {
          const upper = id.toUpperCase();
          if (!PARTY.test(upper)) throw usage(`--party "${id}" is not an actor id such as SY-GOV or RU`);
          if (context.knownParties !== undefined && !context.knownParties.has(upper)) {
            throw usage(`--party "${id}" is not an actor in the actor dictionary (data/actors/actors.yaml)`);
          }
          return upper;
        });
  const after = raw.after === undefined ? undefined : raw.after.trim();
  if (after !== undefined && !/^[A-Za-z0-9_-]+$/.test(after)) {
    throw usage(`--after "${raw.after}" is not a page cursor: pass the one the previous page printed`);
  }
  const query: IncidentQuery = {
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(admin1 === undefined ? {} : { admin1 }),
    ...(party === undefined ? {} : { party }),
    ...(raw.type === undefined ? {} : { eventType: eventTypeList(raw.type) }),
    ...(raw.status === undefined ? {} : { status: enumList("status", raw.status, incidentStatuses) }),
    ...(raw.grade === undefined ? {} : { grade: enumList("grade", raw.grade, evidenceGrades) }),
    ...(raw.classification === undefined
      ? {}
      : { classification: enumList("classification", raw.classification, classifications) }),
    sort:
      raw.sort === undefined || oneOf("sort", raw.sort, ["date", "updated"]) === "date"
        ? "date"
        : "updatedAt",
    order: raw.order === undefined ? "desc" : oneOf("order", raw.order, ["asc", "desc"]),
    limit: raw.limit === undefined ? DEFAULT_LIMIT : limitOf(raw.limit),
    ...(after === undefined ? {} : { after }),
  };
  const format = raw.format === undefined ? "table" : oneOf("format", raw.format, ["table", "json"]);
  return { query, format };
}
