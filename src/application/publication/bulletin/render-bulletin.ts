// Writes a composed bulletin out as self-contained HTML or as Markdown (the PDF is the HTML, printed).
import type { BulletinData } from "./bulletin-data.js";
import { renderBulletinHtml } from "./render-html.js";
import { renderBulletinMarkdown } from "./render-markdown.js";

export type BulletinTextFormat = "html" | "md";

export function renderBulletin(data: BulletinData, format: BulletinTextFormat): string {
  return format === "html" ? renderBulletinHtml(data) : renderBulletinMarkdown(data);
}
