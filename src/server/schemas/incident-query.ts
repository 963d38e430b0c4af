// The list filters of the API's query strings (`?from=&to=&admin1=SY-ID,SY-HL&status=published&limit=100`),
// checked and turned into the store's filter; a bad value is a 400 naming the parameter.
import { z } from "zod";
import { evidenceGrades, incidentStatuses } from "../../cli/support/incident-filters.js";
import type { Agreement } from "../../domain/agreement/schema.js";
import { zoneUnits } from "../../domain/agreement/zone-units.js";
import { allEventTypes, type EventType } from "../../domain/ontology.js";
import type { EvidenceGrade, IncidentStatus } from "../../domain/records/incident.js";
import type { IncidentFilter, IncidentQuery } from "../../ports/store.js";

export const MAX_PAGE = 1000;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "write a day as YYYY-MM-DD")
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    "is not a day of the calendar",
  );

/** A comma-separated list of values each matching `item`; an empty item is a mistake, not "any". */
function listOf<T extends string>(item: z.ZodType<T>, what: string) {
  return z
    .string()
    .max(2000)
    .describe(`Comma-separated ${what}`)
    .transform((raw, ctx) => {
      const out: T[] = [];
      for (const part of raw.split(",")) {
        const parsed = item.safeParse(part.trim());
        if (!parsed.success) {
          ctx.addIssue({ code: "custom", message: `"${part.trim().slice(0, 80)}" is not ${what}` });
          return z.NEVER;
        }
        if (!out.includes(parsed.data)) out.push(parsed.data);
      }
      return out;
    });
}

const admin1 = z
  .string()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)) as unknown as z.ZodType<string>;
const party = z
  .string()
  .transform((s) => s.toUpperCase())
  .pipe(
    z
      .string()
      .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/)
      .max(40),
  ) as unknown as z.ZodType<string>;
const eventType = z
  .string()
  .transform((s) => allEventTypes.find((t) => t.toLowerCase() === s.toLowerCase()) ?? s)
  .pipe(z.enum(allEventTypes as [EventType, ...EventType[]])) as unknown as z.ZodType<EventType>;
const zone = z
  .string()
  .max(60)
  .regex(/^[a-z0-9][a-z0-9._-]*$/) as unknown as z.ZodType<string>;
const status = z.enum(incidentStatuses) as z.ZodType<IncidentStatus>;
const grade = z.enum(evidenceGrades) as z.ZodType<EvidenceGrade>;

export const filterFields = {
  from: day.optional().describe("Incidents dated on or after this day"),
  to: day.optional().describe("Incidents dated on or before this day"),
  admin1: listOf(admin1, "an ISO 3166-2 code such as SY-ID").optional(),
  zone: listOf(zone, "a zone id of the agreement such as idlib")
    .optional()
    .describe(
      "Comma-separated zone ids of the agreement (GET /api/agreement): the incidents in the first-level units the zones name; with admin1, those in both",
    ),
  party: listOf(party, "an actor id such as SY-GOV").optional(),
  eventType: listOf(eventType, "an ACLED event type").optional(),
  status: listOf(status, `a status (${incidentStatuses.join(", ")})`).optional(),
  grade: listOf(grade, `an evidence grade (${evidenceGrades.join(", ")})`).optional(),
};

const checkRange = <T extends { from?: string | undefined; to?: string | undefined }>(
  q: T,
  ctx: z.RefinementCtx,
) => {
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
    ctx.addIssue({
      code: "custom",
      path: ["from"],
      message: `${q.from} is after to (${q.to}): nothing could match`,
    });
  }
};

export const incidentFilterQuery = z.object(filterFields).superRefine(checkRange);

export const incidentListQuery = z
  .object({
    ...filterFields,
    sort: z.enum(["date", "updatedAt"]).default("date"),
    order: z.enum(["asc", "desc"]).default("desc"),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
    after: z
      .string()
      .max(500)
      .regex(/^[A-Za-z0-9_-]+$/, "is not a page cursor: pass the `next` of the previous page")
      .optional(),
  })
  .superRefine(checkRange);

type FilterInput = z.output<typeof incidentFilterQuery>;

/** The admin1 filter: the units asked for, narrowed to the zones' units when zones are asked for too. */
function placesOf(q: FilterInput, agreement: Agreement): string[] | undefined {
  if (q.zone === undefined) return q.admin1;
  const units = zoneUnits(agreement, q.zone);
  return q.admin1 === undefined ? units : q.admin1.filter((code) => units.includes(code));
}

/**
 * The store's filter from the checked query (zones as the agreement draws them); absent parameters stay absent.
 * Throws TRUCE_E_INVALID_INPUT for a zone the agreement does not have.
 */
export function filterOf(q: FilterInput, agreement: Agreement): IncidentFilter {
  const admin1 = placesOf(q, agreement);
  return {
    ...(q.from === undefined ? {} : { from: q.from }),
    ...(q.to === undefined ? {} : { to: q.to }),
    ...(admin1 === undefined ? {} : { admin1 }),
    ...(q.party === undefined ? {} : { party: q.party }),
    ...(q.eventType === undefined ? {} : { eventType: q.eventType }),
    ...(q.status === undefined ? {} : { status: q.status }),
    ...(q.grade === undefined ? {} : { grade: q.grade }),
  };
}

export function queryOf(q: z.output<typeof incidentListQuery>, agreement: Agreement): IncidentQuery {
  return {
    ...filterOf(q, agreement),
    sort: q.sort,
    order: q.order,
    limit: q.limit,
    ...(q.after === undefined ? {} : { after: q.after }),
  };
}
