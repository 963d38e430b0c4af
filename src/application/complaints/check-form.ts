// Checks a complaint form before anything is stored: every refusal names the field and says what would do.
import { isIsoDate } from "../../domain/agreement/schema.js";
import {
  type EventType,
  eventTypeOf,
  eventTypes,
  type SubEventType,
  type TimePrecision,
} from "../../domain/ontology.js";
import { TruceError } from "../../errors.js";
import type { ComplaintForm } from "./complaint-form.js";

/** About fifteen pages: a complaint, not a book; longer evidence goes in an attachment. */
export const MAX_NARRATIVE = 50_000;
const MAX_SHORT = 200;
const MAX_WITNESS = 1_000;
const MAX_KILLED = 100_000;

/** The form with its text trimmed, its optional fields settled and its event type known. */
export interface CheckedForm {
  readonly narrative: string;
  readonly date: string;
  readonly datePrecision: TimePrecision;
  readonly point: { readonly lat: number; readonly lon: number } | null;
  readonly place: string | null;
  readonly coordinatesRestricted: boolean;
  readonly eventType: EventType;
  readonly subEventType: SubEventType;
  readonly accused: string;
  readonly target: string | null;
  readonly killed: number | null;
  readonly witness: string | null;
}

const invalid = (field: string, why: string): never => {
  throw new TruceError("TRUCE_E_COMPLAINT_INVALID", `${field}: ${why}`, { subject: field });
};

/** Trimmed text, or null when empty; refused when longer than `max` characters. */
function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") return invalid(field, "must be text");
  const text = value.trim();
  if (text.length > max) invalid(field, `is ${text.length} characters long; at most ${max} are accepted`);
  return text === "" ? null : text;
}

const subEventTypes = new Set<string>(Object.values(eventTypes).flat());

/** `today`: the current UTC day (YYYY-MM-DD), against which a date in the future is refused. */
export function checkForm(form: ComplaintForm, today: string): CheckedForm {
  if (typeof form.narrative !== "string" || form.narrative.trim() === "")
    invalid("narrative", "say what happened: the narrative is empty");
  const narrative = form.narrative.trim();
  if (narrative.length > MAX_NARRATIVE)
    invalid("narrative", `is ${narrative.length} characters long; at most ${MAX_NARRATIVE} are accepted`);

  if (typeof form.date !== "string" || !isIsoDate(form.date)) invalid("date", "give the day as YYYY-MM-DD");
  if (form.date > today) invalid("date", `${form.date} is in the future (today is ${today})`);
  if (form.datePrecision !== 1 && form.datePrecision !== 2 && form.datePrecision !== 3)
    invalid("datePrecision", "1 (the day is known), 2 (within a week) or 3 (within a month)");

  const hasLat = form.lat !== null && form.lat !== undefined;
  const hasLon = form.lon !== null && form.lon !== undefined;
  if (hasLat !== hasLon) invalid(hasLat ? "lon" : "lat", "give both latitude and longitude, or neither");
  let point: CheckedForm["point"] = null;
  if (hasLat && hasLon) {
    const lat = Number(form.lat);
    const lon = Number(form.lon);
    if (!Number.isFinite(lat) || lat < -90 || lat > 90)
      invalid("lat", "a latitude is a number from -90 to 90");
    if (!Number.isFinite(lon) || lon < -180 || lon > 180)
      invalid("lon", "a longitude is a number from -180 to 180");
    point = { lat, lon };
  }
  const place = optionalText("place", form.place, MAX_SHORT);
  if (point === null && place === null) invalid("place", "pick the point on the map or name the place");

  if (!subEventTypes.has(form.subEventType))
    invalid("subEventType", `"${String(form.subEventType).slice(0, 60)}" is not an ACLED sub-event type`);
  const eventType = eventTypeOf(form.subEventType);
  const declared = optionalText("eventType", form.eventType, MAX_SHORT);
  if (declared !== null && declared !== eventType)
    invalid("eventType", `"${form.subEventType}" is of event type "${eventType}", not "${declared}"`);

  const accused = optionalText("accused", form.accused, MAX_SHORT);
  if (accused === null) invalid("accused", "name the party held responsible");

  let killed: number | null = null;
  if (form.killed !== null && form.killed !== undefined) {
    if (!Number.isInteger(form.killed) || form.killed < 0 || form.killed > MAX_KILLED)
      invalid("killed", `a whole number from 0 to ${MAX_KILLED}`);
    killed = form.killed;
  }
  if (form.coordinatesRestricted !== undefined && typeof form.coordinatesRestricted !== "boolean")
    invalid("coordinatesRestricted", "true or false");

  return {
    narrative,
    date: form.date,
    datePrecision: form.datePrecision,
    point,
    place,
    coordinatesRestricted: form.coordinatesRestricted === true,
    eventType,
    subEventType: form.subEventType,
    accused: accused as string,
    target: optionalText("target", form.target, MAX_SHORT),
    killed,
    witness: optionalText("witness", form.witness, MAX_WITNESS),
  };
}
