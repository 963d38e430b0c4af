// The daily and weekly bulletins: HTML (self-contained, its map an inline SVG), PDF (Chromium prints the HTML)
// or Markdown, composed for the reader at the moment of asking.
import { z } from "zod";
import { renderBulletinPdf } from "../../adapters/pdf/chromium-pdf.js";
import { bulletinPeriods } from "../../application/publication/bulletin/bulletin-data.js";
import { composeBulletin } from "../../application/publication/bulletin/compose-bulletin.js";
import { renderBulletin } from "../../application/publication/bulletin/render-bulletin.js";
import { route } from "../route.js";

/** The bulletin's HTML carries its own styles and an inline SVG, and never a script. */
const BULLETIN_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

export const getBulletin = route({
  params: z.object({
    period: z.enum(bulletinPeriods).describe("daily, or weekly (the ISO week the date falls in)"),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "write the day as YYYY-MM-DD")
      .describe("A day, YYYY-MM-DD"),
  }),
  query: z.object({ format: z.enum(["html", "pdf", "md"]).default("html") }),
  response: z.string().describe("The bulletin as HTML, PDF or Markdown"),
  produces: ["text/html", "application/pdf", "text/markdown"],
  handler: async ({ params, query, principal, reply }, context) => {
    const data = await composeBulletin(
      context.store,
      context.agreement,
      { period: params.period, date: params.date },
      principal,
      { now: context.now },
    );
    const name = `truce-bulletin-${params.period}-${params.date}`;
    if (query.format === "md") {
      return reply
        .type("text/markdown; charset=utf-8")
        .header("content-disposition", `inline; filename="${name}.md"`)
        .send(renderBulletin(data, "md"));
    }
    const html = renderBulletin(data, "html");
    if (query.format === "pdf") {
      const pdf = await renderBulletinPdf(html);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${name}.pdf"`)
        .send(Buffer.from(pdf));
    }
    return reply.type("text/html; charset=utf-8").header("content-security-policy", BULLETIN_CSP).send(html);
  },
});
