// The verification queue: incidents awaiting the signed-in guarantor's position, oldest first.
import { z } from "zod";
import { incidentQueue } from "../../application/incident-queue.js";
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
      .describe("Whose queue an administrator reads (required for one); a guarantor always reads its own"),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
    after: z
      .string()
      .max(500)
      .regex(/^[A-Za-z0-9_-]+$/, "is not a page cursor")
      .optional(),
  }),
  response: incidentPage,
  handler: async ({ query, principal }, { store }) =>
    incidentQueue(store, principal, {
      limit: query.limit,
      ...(query.after === undefined ? {} : { after: query.after }),
      ...(query.guarantor === undefined ? {} : { guarantor: query.guarantor }),
    }),
});
