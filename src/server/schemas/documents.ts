// A stored document as a reader gets it: its article text and the reports read from it.
import { z } from "zod";
import { report } from "./records.js";

export const documentText = z
  .object({
    id: z.string(),
    source: z.string(),
    channel: z.string(),
    origin: z.string().nullable(),
    title: z.string().nullable(),
    published: z.string().nullable(),
    receivedAt: z.string(),
    contentType: z.string(),
    contentHash: z.string(),
    text: z.string().nullable().describe("The article text the spans point into"),
    textProblem: z.string().nullable(),
    reports: z.array(report),
    partiesNamed: z
      .boolean()
      .describe(
        "Whether every actor is named to this reader; when not, a complaint's maker and the parties its reports name are withheld",
      ),
  })
  .meta({ id: "DocumentText" });
