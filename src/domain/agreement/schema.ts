// The agreement file format (a zod schema) and `parseAgreement`, which turns a parsed YAML/JSON object into a checked Agreement.

import { z } from "zod";
import { TruceError } from "../../errors.js";
import { allEventTypes, type EventType, eventTypes } from "../ontology.js";

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD (2017-02-30 is not one). */
export const isIsoDate = (value: string): boolean => {
  const m = isoDatePattern.exec(value);
  if (m === null) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
};

/** A date as YYYY-MM-DD. A YAML 1.1 loader may hand us a Date for an unquoted date: accept it as that UTC day. */
const isoDate = z.preprocess(
  (value) =>
    value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value,
  z
    .string({ error: "expected a date YYYY-MM-DD" })
    .refine(isIsoDate, { error: "expected a date YYYY-MM-DD" }),
);

const durationPattern = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
/** An ISO 8601 duration such as P7D, PT48H or P1M. */
const isoDuration = z
  .string({ error: "expected an ISO 8601 duration such as P7D" })
  .regex(durationPattern, { error: "expected an ISO 8601 duration such as P7D" });

const idPattern = /^[a-z0-9][a-z0-9._-]*$/;
const slug = z
  .string({ error: "expected an id (lowercase letters, digits, . _ -)" })
  .regex(idPattern, { error: "expected an id (lowercase letters, digits, . _ -)" });

/** A canonical actor id of the actor dictionary: SY-GOV, RU, OSCE-SMM. */
export const actorId = z
  .string({ error: "expected an actor id such as SY-GOV" })
  .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, { error: "expected an actor id such as SY-GOV (upper case)" });

const countryCode = z
  .string({ error: "expected an ISO 3166-1 alpha-2 country code" })
  .regex(/^[A-Z]{2}$/, { error: "expected an ISO 3166-1 alpha-2 country code such as SY" });

const admin1Code = z
  .string({ error: "expected an ISO 3166-2 code" })
  .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { error: "expected an ISO 3166-2 code such as SY-ID" });

const text = z.string({ error: "expected text" }).trim().min(1, { error: "must not be empty" });

/** A place set: whole countries, optionally narrowed to some of their first-level divisions. */
const territorySchema = z
  .strictObject({
    countries: z.array(countryCode).min(1, { error: "name at least one country" }),
    admin1: z.array(admin1Code).min(1, { error: "omit admin1 or name at least one" }).optional(),
  })
  .superRefine((t, ctx) => {
    for (const [i, code] of (t.admin1 ?? []).entries()) {
      if (!t.countries.includes(code.slice(0, 2))) {
        ctx.addIssue({
          code: "custom",
          path: ["admin1", i],
          message: `${code} is not in one of the territory's countries (${t.countries.join(", ")})`,
        });
      }
    }
  });

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], {
  error: "expected a [longitude, latitude] pair",
});
const ring = z
  .array(position)
  .min(4, { error: "a ring needs at least 4 positions (first = last)" })
  .refine(
    (r) => {
      const first = r[0];
      const last = r[r.length - 1];
      return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
    },
    { error: "a ring must end where it starts" },
  );
/** GeoJSON Polygon or MultiPolygon geometry, [lon, lat] order. */
const geometrySchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1) }),
    z.strictObject({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(ring).min(1)).min(1) }),
  ],
  { error: "expected a GeoJSON geometry {type: Polygon | MultiPolygon, coordinates}" },
);

/**
 * A zone of a regime. With coordinates the polygon decides; without them the admin1 list does
 * (a province that is only partly in the zone is listed, so admin1-level places are an approximation).
 */
const zoneSchema = z
  .strictObject({
    id: slug,
    name: text,
    admin1: z.array(admin1Code).min(1).optional(),
    geometry: geometrySchema.optional(),
    notes: text.optional(),
  })
  .refine((zone) => zone.admin1 !== undefined || zone.geometry !== undefined, {
    error: "a zone needs admin1 or geometry",
  });

const clauseSchema = z.strictObject({ id: text, text });

const outcome = z.enum(["violation", "undetermined"], { error: "expected violation or undetermined" });

/** One kind of act that counts as a violation, and the clause that forbids it. */
const prohibitedActSchema = z
  .strictObject({
    eventType: z.enum(allEventTypes as [EventType, ...EventType[]], {
      error: "expected an ACLED event type",
    }),
    /** Omit to prohibit every sub-event type of the event type. */
    subEventTypes: z.array(z.string()).min(1).optional(),
    clause: text,
    /** What an act of this kind by an unidentified perpetrator is (default violation). */
    ifPerpetratorUnknown: outcome.default("violation"),
    /** What an act of this kind against an unidentified target is (default violation); a battle whose
     * opponent is unknown may have been fought against an excluded group. */
    ifTargetUnknown: outcome.default("violation"),
  })
  .superRefine((act, ctx) => {
    const known = eventTypes[act.eventType] as readonly string[];
    for (const [i, sub] of (act.subEventTypes ?? []).entries()) {
      if (!known.includes(sub)) {
        ctx.addIssue({
          code: "custom",
          path: ["subEventTypes", i],
          message: `"${sub}" is not a sub-event type of ${act.eventType} (${known.join(", ")})`,
        });
      }
    }
  });

const excludedGroupSchema = z.strictObject({ actor: actorId, clause: text });

const regimeSchema = z
  .strictObject({
    id: slug,
    title: text,
    signed: isoDate.optional(),
    effective: isoDate,
    /** Last day in force (inclusive); omit while in force or never formally ended. */
    end: isoDate.optional(),
    /** Narrows the agreement's territory for this regime. */
    territory: territorySchema.optional(),
    /** When present, the regime applies only inside one of these zones. */
    zones: z.array(zoneSchema).min(1).optional(),
    parties: z.array(actorId).min(1, { error: "name at least one party" }),
    guarantors: z.array(actorId).default([]),
    observers: z.array(actorId).default([]),
    excluded: z.array(excludedGroupSchema).default([]),
    prohibited: z.array(prohibitedActSchema).min(1, { error: "name at least one prohibited act" }),
    clauses: z.array(clauseSchema).min(1, { error: "name at least one clause" }),
    notes: text.optional(),
  })
  .superRefine((regime, ctx) => {
    if (regime.end !== undefined && regime.end < regime.effective) {
      ctx.addIssue({ code: "custom", path: ["end"], message: `ends (${regime.end}) before it takes effect` });
    }
    const clauseIds = new Set<string>();
    for (const [i, c] of regime.clauses.entries()) {
      if (clauseIds.has(c.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["clauses", i, "id"],
          message: `duplicate clause id "${c.id}"`,
        });
      }
      clauseIds.add(c.id);
    }
    const checkClause = (clause: string, path: (string | number)[]): void => {
      if (!clauseIds.has(clause)) {
        ctx.addIssue({ code: "custom", path, message: `no clause "${clause}" in this regime's clauses` });
      }
    };
    for (const [i, act] of regime.prohibited.entries()) checkClause(act.clause, ["prohibited", i, "clause"]);
    for (const [i, ex] of regime.excluded.entries()) {
      checkClause(ex.clause, ["excluded", i, "clause"]);
      if (regime.parties.includes(ex.actor)) {
        ctx.addIssue({
          code: "custom",
          path: ["excluded", i, "actor"],
          message: `${ex.actor} is both a party and excluded`,
        });
      }
    }
    const zoneIds = new Set<string>();
    for (const [i, zone] of (regime.zones ?? []).entries()) {
      if (zoneIds.has(zone.id)) {
        ctx.addIssue({ code: "custom", path: ["zones", i, "id"], message: `duplicate zone id "${zone.id}"` });
      }
      zoneIds.add(zone.id);
    }
  });

/** How the monitors' positions on an incident become a verdict. */
const decisionRuleSchema = z.union(
  [
    z.literal("unanimity"),
    z.literal("majority"),
    /** One voter decides alone (a single monitoring mission). */
    z.literal("single"),
    z.strictObject({ quorum: z.int().positive() }),
  ],
  { error: "expected unanimity, majority, single or {quorum: n}" },
);

const verdictsSchema = z.strictObject({
  rule: decisionRuleSchema,
  /** Who votes; omit to let the guarantors of the regime in force vote. */
  voters: z.array(actorId).min(1).optional(),
  /** How long an accused party has to reply, e.g. P7D. */
  replyDeadline: isoDuration,
});

const publicationSchema = z.strictObject({
  /** Which incidents are published: only those with a verdict, all of them, or none. */
  publish: z.enum(["verified", "all", "none"]),
  /** Who may read what is published. */
  audience: z.enum(["public", "observers", "parties", "guarantors"]),
  /** How long after the verdict an incident is published, e.g. P1D; PT0S for at once. */
  delay: isoDuration.default("PT0S"),
  bulletins: z.array(z.enum(["daily", "weekly", "monthly"])).default([]),
  /** Whether published incidents name the party held responsible. */
  nameParties: z.boolean().default(true),
});

export const agreementSchema = z
  .strictObject({
    id: slug,
    title: text,
    signed: isoDate,
    territory: territorySchema,
    /** The id of the regime used when an incident has no date and no reference date is given. */
    main: slug,
    /** Periods of the agreement, ordered by effective date; the latest that covers a place and date applies. */
    regimes: z.array(regimeSchema).min(1, { error: "name at least one regime" }),
    /** Actor ids that stand for civilians (a prohibited act against them is a violation). */
    civilians: z.array(actorId).default(["CIV"]),
    verdicts: verdictsSchema,
    publication: publicationSchema,
    /** Source documents and doubts about the data. */
    notes: text.optional(),
  })
  .superRefine((a, ctx) => {
    const ids = new Set<string>();
    for (const [i, regime] of a.regimes.entries()) {
      if (ids.has(regime.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["regimes", i, "id"],
          message: `duplicate regime id "${regime.id}"`,
        });
      }
      ids.add(regime.id);
      const previous = a.regimes[i - 1];
      if (previous !== undefined && regime.effective < previous.effective) {
        ctx.addIssue({
          code: "custom",
          path: ["regimes", i, "effective"],
          message: `regimes must be ordered by effective date (${regime.effective} comes before ${previous.effective})`,
        });
      }
      for (const [j, country] of (regime.territory?.countries ?? []).entries()) {
        if (!a.territory.countries.includes(country)) {
          ctx.addIssue({
            code: "custom",
            path: ["regimes", i, "territory", "countries", j],
            message: `${country} is outside the agreement's territory (${a.territory.countries.join(", ")})`,
          });
        }
      }
      if (a.verdicts.voters === undefined) {
        const needed = a.verdicts.rule === "single" ? "exactly one guarantor" : "at least one guarantor";
        const count = regime.guarantors.length;
        if (a.verdicts.rule === "single" ? count !== 1 : count === 0) {
          ctx.addIssue({
            code: "custom",
            path: ["regimes", i, "guarantors"],
            message: `needs ${needed}, since verdicts.voters is omitted and the guarantors vote`,
          });
        }
      }
    }
    if (!ids.has(a.main)) {
      ctx.addIssue({ code: "custom", path: ["main"], message: `no regime with id "${a.main}"` });
    }
    const { rule, voters } = a.verdicts;
    if (voters !== undefined && rule === "single" && voters.length !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["verdicts", "voters"],
        message: "rule single needs exactly one voter",
      });
    }
    if (voters !== undefined && typeof rule === "object" && rule.quorum > voters.length) {
      ctx.addIssue({
        code: "custom",
        path: ["verdicts", "rule", "quorum"],
        message: `quorum ${rule.quorum} is more than the ${voters.length} voters`,
      });
    }
  });

export type Agreement = z.infer<typeof agreementSchema>;
export type Regime = Agreement["regimes"][number];
export type Zone = NonNullable<Regime["zones"]>[number];
export type Territory = Agreement["territory"];
export type Clause = Regime["clauses"][number];
export type ProhibitedAct = Regime["prohibited"][number];
export type DecisionRule = Agreement["verdicts"]["rule"];

/** Renders a zod path as `regimes[0].effective`. */
export const formatIssuePath = (path: readonly PropertyKey[]): string => {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(top level)" : out;
};

const missingIsRequired = (issue: {
  code: string;
  input?: unknown;
  expected?: string;
}): string | undefined =>
  issue.code === "invalid_type" && issue.input === undefined
    ? `required (expected ${issue.expected})`
    : undefined;

/** The issues of a failed parse as `path: problem` lines, at most `limit` of them. */
export const describeIssues = (error: z.ZodError, limit = 8): string => {
  const lines = error.issues.slice(0, limit).map((i) => `${formatIssuePath(i.path)}: ${i.message}`);
  const more = error.issues.length - limit;
  return more > 0 ? `${lines.join("; ")}; and ${more} more` : lines.join("; ");
};

/** Checks an agreement parsed from YAML or JSON; `source` (a file name) is named in the error. */
export function parseAgreement(raw: unknown, source: string): Agreement {
  const result = agreementSchema.safeParse(raw, { error: missingIsRequired });
  if (!result.success) {
    throw new TruceError(
      "TRUCE_E_AGREEMENT_INVALID",
      `agreement ${source} is not valid: ${describeIssues(result.error)}`,
      { subject: source },
    );
  }
  return result.data;
}

/** The regime the agreement names as its main one (exists: the schema checks it). */
export const mainRegime = (agreement: Agreement): Regime => {
  const regime = agreement.regimes.find((r) => r.id === agreement.main);
  if (regime === undefined) throw new RangeError(`agreement ${agreement.id} has no regime ${agreement.main}`);
  return regime;
};

/** Who votes on incidents under a regime: the configured voters, else the regime's guarantors. */
export const votersFor = (agreement: Agreement, regime: Regime): readonly string[] =>
  agreement.verdicts.voters ?? regime.guarantors;

/** The clause a regime names by id. */
export const clauseById = (regime: Regime, id: string): Clause | undefined =>
  regime.clauses.find((c) => c.id === id);
