// The guarantors' positions and the accused party's reply: each recorded as the signed-in account's own.
import { z } from "zod";
import { recordPosition } from "../../application/record-position.js";
import { recordReply } from "../../application/record-reply.js";
import { TruceError } from "../../errors.js";
import { readableIncident } from "../incident-view-for.js";
import { route } from "../route.js";
import { positionOutcome } from "../schemas/decisions.js";
import { reply, verdict } from "../schemas/records.js";
import { actorOf, idParams } from "./common.js";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);

export const createPosition = route({
  params: idParams,
  status: 201,
  body: z.object({
    position: z.enum(["violation", "no_violation", "insufficient_evidence"]),
    party: z
      .string()
      .trim()
      .max(40)
      .nullable()
      .optional()
      .describe("The party held responsible: required with `violation`, refused otherwise"),
    rationale: text(10_000).describe("What the position rests on"),
    guarantor: z
      .string()
      .trim()
      .toUpperCase()
      .max(40)
      .optional()
      .describe("The account's own guarantor state, if given at all: a position is never taken for another"),
  }),
  response: positionOutcome,
  description:
    "The position is the signed-in guarantor's own: its state is the account's, never a field of the request.",
  handler: async ({ params, body, principal }, context) => {
    if (principal.role !== "guarantor") {
      throw new TruceError("TRUCE_E_FORBIDDEN", "only a guarantor's account records a position");
    }
    if (body.guarantor !== undefined && body.guarantor !== principal.guarantor) {
      throw new TruceError(
        "TRUCE_E_FORBIDDEN",
        `a monitor of ${principal.guarantor} records ${principal.guarantor}'s positions only, not ${body.guarantor}'s`,
      );
    }
    const incident = await readableIncident(context.store, params.id, principal, context.agreement);
    const party = body.party === undefined || body.party === null || body.party === "" ? null : body.party;
    const outcome = await recordPosition(context, {
      incidentId: incident.id,
      guarantor: principal.guarantor,
      position: body.position,
      party: party?.toUpperCase() ?? null,
      rationale: body.rationale,
      by: actorOf(principal),
    });
    if (outcome.newVerdict !== null) await context.afterVerdict();
    else await context.afterWrite();
    return {
      position: outcome.position,
      verdict: outcome.verdict,
      newVerdict: outcome.newVerdict !== null,
      status: outcome.status,
      decision: {
        rule: outcome.decision.rule,
        reason: outcome.decision.reason,
        missing: [...outcome.decision.missing],
      },
      notified: outcome.notified,
    };
  },
});

export const createReply = route({
  params: idParams,
  status: 201,
  body: z.object({ text: text(20_000).describe("The accused party's answer to the verdict") }),
  response: z.object({ reply, verdict }).meta({ id: "ReplyOutcome" }),
  description:
    "Only the party the verdict in force holds responsible may reply, before the agreement's deadline.",
  handler: async ({ params, body, principal }, context) => {
    if (principal.role !== "party")
      throw new TruceError("TRUCE_E_FORBIDDEN", "only a party's account replies");
    const incident = await readableIncident(context.store, params.id, principal, context.agreement);
    const latest = await context.store.verdicts.latest(incident.id);
    if (latest !== null && latest.attributedParty !== principal.party) {
      throw new TruceError(
        "TRUCE_E_FORBIDDEN",
        `only the party the verdict holds responsible replies; ${principal.party} is not it`,
      );
    }
    const outcome = await recordReply(context, {
      incidentId: incident.id,
      party: principal.party,
      text: body.text,
    });
    await context.afterWrite();
    return outcome;
  },
});
