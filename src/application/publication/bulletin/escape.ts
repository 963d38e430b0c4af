// Escaping for the text bulletins are written in: every value from the store is someone's free text.

const htmlEntities: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe in HTML (and SVG) element content and in quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c);

/**
 * Text safe inside a Markdown line or table cell (never at a line's start, where the renderers put fixed words):
 * HTML escaped (renderers pass raw HTML through), the marks of emphasis, code, links, tables and strikethrough
 * backslash-escaped, and line breaks flattened (a cell is one line).
 */
export const escapeMarkdown = (text: string): string =>
  escapeHtml(text)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/\s*[\r\n]+\s*/g, " ");
