// The agreement the server monitors, whole: the complaint form shows its rules as guidance.
import { z } from "zod";
import { route } from "../route.js";

export const getAgreement = route({
  response: z
    .looseObject({
      id: z.string(),
      title: z.string(),
      signed: z.string(),
      main: z.string(),
      regimes: z.array(z.looseObject({ id: z.string(), title: z.string() })),
      verdicts: z.looseObject({ rule: z.unknown() }),
      publication: z.looseObject({ publish: z.string() }),
    })
    .describe("The agreement as its YAML file states it (see data/agreements/)")
    .meta({ id: "Agreement" }),
  handler: async (_input, { agreement }) => agreement,
});
