// Reading incidents (list, one, its audit trail) and the two linking decisions people make (merge, split).
import { z } from "zod";
import { mergeIncidents } from "../../application/merge-incidents.js";
import { splitIncident } from "../../application/split-incident.js";
import { provedEntries } from "../audit-proofs.js";
import { incidentViewFor, readableIncident } from "../incident-view-for.js";
import { route } from "../route.js";
import { incidentAudit as incidentAuditSchema } from "../schemas/incident-audit.js";
import { incidentListQuery, queryOf } from "../schemas/incident-query.js";
import { incident, incidentPage, incidentView } from "../schemas/records.js";
import { checkPartyFilter, readerVisibility, shownIncident } from "../visibility.js";
import { actorOf, idParams } from "./common.js";

export const listIncidents = route({
  query: incidentListQuery,
  response: incidentPage,
  publicCache: true,
  handler: async ({ query, principal }, { store, agreement }) => {
    checkPartyFilter(query.party, principal, agreement);
    const visibleTo = readerVisibility(principal, agreement);
    if (visibleTo === null) return { items: [], next: null };
    const page = await store.incidents.list({ ...queryOf(query, agreement), visibleTo });
    return { items: page.items.map((i) => shownIncident(i, principal, agreement)), next: page.next };
  },
});

export const getIncident = route({
  params: idParams,
  response: incidentView,
  publicCache: true,
  handler: async ({ params, principal }, { store, agreement }) =>
    incidentViewFor(store, params.id, principal, agreement),
});

export const incidentAudit = route({
  params: idParams,
  response: incidentAuditSchema,
  handler: async ({ params, principal }, { store, auditKey, agreement }) => {
    const view = await incidentViewFor(store, params.id, principal, agreement);
    const { checkpoint, entries } = await provedEntries(store, auditKey.publicKey, view.audit);
    return {
      incident: view.incident.id,
      checkpoint:
        checkpoint === null
          ? null
          : {
              treeSize: checkpoint.treeSize,
              rootHash: checkpoint.rootHash,
              keyId: checkpoint.keyId,
              at: checkpoint.at,
            },
      entries: entries.map((e) => ({ entry: e.entry, proof: e.proof })),
    };
  },
});

export const mergeIncident = route({
  params: idParams,
  body: z.object({
    from: z.string().min(1).max(100).describe("The incident absorbed into this one"),
  }),
  response: z
    .object({
      incident,
      retired: z.string(),
      moved: z.array(z.string()),
      constraints: z.number().int(),
    })
    .meta({ id: "MergeOutcome" }),
  handler: async ({ params, body, principal }, context) => {
    const into = await readableIncident(context.store, params.id, principal, context.agreement);
    const from = await readableIncident(context.store, body.from, principal, context.agreement);
    const outcome = await mergeIncidents(context, { into: into.id, from: from.id, by: actorOf(principal) });
    await context.afterWrite();
    return { ...outcome, incident: shownIncident(outcome.incident, principal, context.agreement) };
  },
});

export const splitIncidentRoute = route({
  params: idParams,
  body: z.object({
    reports: z
      .array(z.string().min(1).max(100))
      .min(1)
      .max(1000)
      .describe("The reports that leave into a new incident (full ids or unambiguous starts)"),
  }),
  response: z
    .object({ kept: incident, created: incident, cannotLinks: z.number().int(), mustLinks: z.number().int() })
    .meta({ id: "SplitOutcome" }),
  handler: async ({ params, body, principal }, context) => {
    const target = await readableIncident(context.store, params.id, principal, context.agreement);
    const outcome = await splitIncident(context, {
      incidentId: target.id,
      reportIds: body.reports,
      by: actorOf(principal),
    });
    await context.afterWrite();
    return {
      ...outcome,
      kept: shownIncident(outcome.kept, principal, context.agreement),
      created: shownIncident(outcome.created, principal, context.agreement),
    };
  },
});
