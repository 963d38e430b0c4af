// The verification queue: incidents awaiting the signed-in guarantor's position, oldest first.
import { z } from "zod";
import { TruceError } from "../../errors.js";
import { route } from "../route.js";
import { MAX_PAGE } from "../schemas/incident-query.js";
import { incidentPage } from "../schemas/records.js";

export const listQueue = route({
  query: z.object({
    guarantor: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, "is not an actor id such as RU")
      .max(40)
      .optional()
      .describe("An administrator's view of one guarantor's queue; a guarantor always sees its own"),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
    after: z
      .string()
      .max(500)
      .regex(/^[A-Za-z0-9_-]+$/, "is not a page cursor")
      .optional(),
  }),
  response: incidentPage,
  handler: async ({ query, principal }, { store }) => {
    let guarantor: string | undefined;
    if (principal.role === "guarantor") {
      if (query.guarantor !== undefined && query.guarantor !== principal.guarantor) {
        throw new TruceError("TRUCE_E_FORBIDDEN", `a ${principal.guarantor} account sees its own queue only`);
      }
      guarantor = principal.guarantor;
    } else {
      guarantor = query.guarantor;
    }
    const page = await store.incidents.list({
      ...(guarantor === undefined
        ? { status: ["open", "awaiting_positions"] as const }
        : { awaitingPositionFrom: guarantor }),
      sort: "date",
      order: "asc",
      limit: query.limit,
      ...(query.after === undefined ? {} : { after: query.after }),
    });
    return page;
  },
});
