// The API's records as JSON schemas: what the OpenAPI document publishes and what the serializer lets out (keys
// not named here never leave the server).
import { z } from "zod";
import { classifications, evidenceGrades, incidentStatuses } from "../../cli/support/incident-filters.js";
import { allEventTypes, type EventType } from "../../domain/ontology.js";

export const eventType = z.enum(allEventTypes as [EventType, ...EventType[]]);
export const incidentStatus = z.enum(incidentStatuses);
export const evidenceGrade = z.enum(evidenceGrades);
export const classification = z.enum(classifications);

export const incident = z
  .object({
    id: z.string(),
    reportIds: z.array(z.string()),
    date: z.string().nullable(),
    admin1: z.string().nullable(),
    country: z.string(),
    location: z.string(),
    eventType: z.string(),
    subEventType: z.string(),
    perpetrators: z.array(z.string()).describe("Every perpetrator the sources name, side by side"),
    killed: z.object({ low: z.number(), best: z.number(), high: z.number() }).nullable(),
    classification,
    grade: evidenceGrade,
    status: incidentStatus,
    updatedAt: z.string(),
    complainants: z.array(z.string()),
    accused: z.string().nullable().describe("The party the verdict in force attributes the violation to"),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    coordinatesRestricted: z
      .boolean()
      .describe("The exact point is restricted: roles that may not see it get it rounded to 0.1°"),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: "Incident" });

export const incidentPage = z
  .object({
    items: z.array(incident),
    next: z.string().nullable().describe("Pass as `after` for the next page; null on the last"),
  })
  .meta({ id: "IncidentPage" });

export const span = z.object({ start: z.number().int(), end: z.number().int() });

export const report = z
  .object({
    id: z.string(),
    documentId: z.string(),
    source: z
      .string()
      .describe(
        "The outlet, or the party or monitor that made a complaint or observation (empty when the agreement's policy withholds it from this reader)",
      ),
    copyGroup: z.string(),
    kind: z.enum(["press", "complaint", "observation"]),
    date: z.string().nullable(),
    dateEnd: z.string().nullable(),
    datePrecision: z.number().int().nullable(),
    country: z.string(),
    admin1: z.string().nullable(),
    location: z.string(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    geoPrecision: z.number().int(),
    eventType: z.string(),
    subEventType: z.string(),
    perpetrator: z.string().nullable(),
    target: z.string().nullable(),
    killed: z.number().nullable(),
    spans: z.array(span),
    summary: z.string(),
    createdAt: z.string(),
    coordinatesRestricted: z.boolean().optional(),
  })
  .meta({ id: "Report" });

export const position = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    guarantor: z.string(),
    position: z.enum(["violation", "no_violation", "insufficient_evidence"]),
    party: z.string().nullable(),
    rationale: z.string(),
    recordedBy: z.string(),
    at: z.string(),
  })
  .meta({ id: "Position" });

export const verdict = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    outcome: z.enum(["violation", "no_violation", "undecided"]),
    attributedParty: z.string().nullable(),
    rule: z.string(),
    positionIds: z.array(z.string()),
    supersedes: z.string().nullable(),
    replyBy: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: "Verdict" });

export const reply = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    verdictId: z.string(),
    party: z
      .string()
      .describe("The replying party (empty when the agreement's policy withholds it from this reader)"),
    text: z.string(),
    at: z.string(),
  })
  .meta({ id: "Reply" });

export const auditEntry = z
  .object({
    seq: z.number().int(),
    kind: z.string(),
    subjectId: z.string(),
    payload: z.record(z.string(), z.unknown()),
    at: z.string(),
  })
  .meta({ id: "AuditEntry" });

export const checkpoint = z
  .object({
    treeSize: z.number().int(),
    rootHash: z.string(),
    signature: z.string(),
    keyId: z.string(),
    at: z.string(),
  })
  .meta({ id: "Checkpoint" });

export const inclusionProof = z
  .object({
    seq: z.number().int(),
    treeSize: z.number().int(),
    entry: z.string().describe("The entry as canonical JSON, exactly as hashed"),
    leafHash: z.string(),
    rootHash: z.string(),
    proof: z.array(z.string()).describe("The audit path, leaf to root (RFC 6962)"),
  })
  .meta({ id: "InclusionProof" });

/** A proof anyone may have: the hashes, never the entry, which may be about what the reader may not see. */
export const hashOnlyProof = inclusionProof.omit({ entry: true }).meta({ id: "HashOnlyInclusionProof" });

export const documentSummary = z.object({
  id: z.string(),
  source: z
    .string()
    .describe(
      "The outlet, or a complaint's maker (empty when the agreement's policy withholds it from this reader)",
    ),
  channel: z.string(),
  origin: z.string().nullable(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  receivedAt: z.string(),
});

export const incidentView = z
  .object({
    incident,
    reports: z.array(
      z.object({
        report,
        document: documentSummary.nullable(),
        supportingText: z.array(z.object({ span, text: z.string() })),
        textProblem: z.string().nullable(),
      }),
    ),
    comparison: z.array(
      z.object({
        field: z.string(),
        values: z.array(z.string().nullable()),
        disagree: z.boolean(),
      }),
    ),
    positions: z.array(position),
    verdict: z.object({ latest: verdict.nullable(), superseded: z.array(verdict) }),
    replies: z.array(reply),
    audit: z
      .array(auditEntry)
      .describe("Entries naming an actor the agreement's policy withholds from this reader are left out"),
    partiesNamed: z
      .boolean()
      .describe(
        "Whether every actor is named to this reader (the agreement's nameParties); when not, withheld names are null, left out of lists, or empty",
      ),
  })
  .meta({ id: "IncidentView" });
