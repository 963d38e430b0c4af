// Turns a saved web page into article text: Readability finds the body, meta tags give the date, nothing executable leaks.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { normalisePublished } from "../../domain/article.js";
import { TruceError } from "../../errors.js";

export interface HtmlText {
  readonly title: string | null;
  /** Paragraphs separated by blank lines. */
  readonly text: string;
  /** "YYYY-MM-DD" from the page's metadata, or null. */
  readonly published: string | null;
}

// The few DOM members used here; the project compiles without the DOM lib.
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
interface DomDocument {
  readonly body: DomElement | null;
  readonly title: string;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export const MAX_HTML_CHARS = 10 * 1024 * 1024;
// Readability walks the tree recursively and re-scores every ancestor: past these a page overflows its stack or
// takes seconds, and a page that deep or that large is not a news article worth its layout analysis anyway.
const MAX_READABILITY_DEPTH = 120;
const MAX_READABILITY_ELEMENTS = 20_000;
const MAX_JSON_LD_CHARS = 200_000;
const MAX_JSON_LD_NODES = 2_000;

const NEVER_TEXT =
  "script, style, noscript, iframe, frame, frameset, template, svg, math, object, embed, canvas, video, audio, head, select, button, input, textarea";
const BLOCK = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "HEADER",
  "FOOTER",
  "ASIDE",
  "NAV",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "UL",
  "OL",
  "DL",
  "DT",
  "DD",
  "BLOCKQUOTE",
  "PRE",
  "TABLE",
  "THEAD",
  "TBODY",
  "TFOOT",
  "TR",
  "FIGURE",
  "FIGCAPTION",
  "ADDRESS",
  "HR",
  "FORM",
  "FIELDSET",
  "CENTER",
  "DETAILS",
  "SUMMARY",
  "BODY",
  "HTML",
]);
const CELL = new Set(["TD", "TH"]);
const PUBLISHED_META = new Set([
  "article:published_time",
  "og:published_time",
  "datepublished",
  "pubdate",
  "publishdate",
  "publish-date",
  "publish_date",
  "date",
  "dc.date",
  "dc.date.issued",
  "dcterms.date",
  "dcterms.issued",
  "sailthru.date",
  "parsely-pub-date",
  "article.published",
]);

export function htmlToText(html: string): HtmlText {
  if (html.length > MAX_HTML_CHARS) {
    throw new TruceError(
      "TRUCE_E_FILE_TOO_LARGE",
      `The HTML page is ${html.length} characters long, over the ${MAX_HTML_CHARS} Truce parses; save only the article's page, not a site dump.`,
    );
  }
  const page = parse(html);
  const published = findPublished(page);
  const pageTitle = findTitle(page);
  removeNonText(page);

  const readable = readabilityText(page);
  const text = readable.text !== "" ? readable.text : bodyText(parse(html));
  return { title: readable.title ?? pageTitle, text, published };
}

function parse(html: string): DomDocument {
  // linkedom builds no <body> for a bare fragment, so give it a page to live in.
  const source = /<body[\s>]/i.test(html)
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  try {
    const { document } = parseHTML(source) as unknown as { document: DomDocument };
    return document;
  } catch (cause) {
    throw new TruceError(
      "TRUCE_E_ARTICLE_INVALID",
      `The HTML could not be parsed (${String(cause)}); save the page again or convert it to plain text.`,
      { cause },
    );
  }
}

function readabilityText(page: DomDocument): { title: string | null; text: string } {
  const none = { title: null, text: "" };
  if (page.getElementsByTagName("*").length > MAX_READABILITY_ELEMENTS) return none;
  if (page.body === null || depth(page.body) > MAX_READABILITY_DEPTH) return none;
  try {
    const article = new Readability<DomNode>(page, {
      serializer: (node: DomNode) => node,
      maxElemsToParse: MAX_READABILITY_ELEMENTS,
    }).parse();
    if (!article?.content) return none;
    return { title: clean(article.title ?? ""), text: blockText(article.content) };
  } catch {
    // Readability gives up by throwing on pages it cannot handle; the body text is still there to read.
    return none;
  }
}

function bodyText(page: DomDocument): string {
  removeNonText(page);
  return page.body ? blockText(page.body) : "";
}

function removeNonText(page: DomDocument): void {
  for (const el of Array.from(page.querySelectorAll(NEVER_TEXT))) el.remove();
}

/** Text of a subtree, one paragraph per block element, walked without recursion so nesting depth cannot overflow. */
function blockText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = "";
  const flush = (): void => {
    const p = current
      .replace(/[ \t\f\v\u00a0]*\n[ \t\f\v\u00a0]*/g, "\n")
      .replace(/\n+/g, "\n")
      .trim();
    if (p !== "") paragraphs.push(p);
    current = "";
  };
  // Entries are nodes to visit, or the name of a block to close once its children are done.
  const stack: (DomNode | string)[] = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    if (typeof item === "string") {
      if (CELL.has(item)) current += " ";
      else flush();
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      current += (item.textContent ?? "").replace(/[ \t\n\r\f\v]+/g, " ");
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE && item !== root) continue;
    const name = item.nodeName.toUpperCase();
    if (name === "BR") {
      current += "\n";
      continue;
    }
    if (BLOCK.has(name)) flush();
    if (BLOCK.has(name) || CELL.has(name)) stack.push(name);
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  flush();
  return paragraphs.map((p) => p.replace(/ {2,}/g, " ")).join("\n\n");
}

function depth(root: DomNode): number {
  let max = 0;
  const stack: [DomNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (!entry) break;
    const [node, d] = entry;
    if (d > max) max = d;
    if (max > MAX_READABILITY_DEPTH) return max;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child && child.nodeType === ELEMENT_NODE) stack.push([child, d + 1]);
    }
  }
  return max;
}

function findTitle(page: DomDocument): string | null {
  for (const meta of Array.from(page.querySelectorAll("meta"))) {
    const key = (meta.getAttribute("property") ?? meta.getAttribute("name") ?? "").toLowerCase();
    if (key === "og:title" || key === "twitter:title") {
      const title = clean(meta.getAttribute("content") ?? "");
      if (title) return title;
    }
  }
  return clean(page.title ?? "");
}

function findPublished(page: DomDocument): string | null {
  // The Open Graph article tag is the one publishers keep right; JSON-LD and the rest follow in order of trust.
  const primary: string[] = [];
  const secondary: string[] = [];
  for (const meta of Array.from(page.querySelectorAll("meta"))) {
    const key = (
      meta.getAttribute("property") ??
      meta.getAttribute("name") ??
      meta.getAttribute("itemprop") ??
      ""
    )
      .toLowerCase()
      .trim();
    const content = meta.getAttribute("content");
    if (!content || !PUBLISHED_META.has(key)) continue;
    (key === "article:published_time" ? primary : secondary).push(content);
  }
  const jsonLd: string[] = [];
  for (const script of Array.from(page.querySelectorAll('script[type="application/ld+json"]'))) {
    jsonLd.push(...jsonLdDates(script.textContent ?? ""));
  }
  const itemprops: string[] = [];
  for (const el of Array.from(page.querySelectorAll('[itemprop="datePublished"]'))) {
    const value = el.getAttribute("datetime") ?? el.getAttribute("content") ?? el.textContent;
    if (value) itemprops.push(value);
  }
  const times = Array.from(page.querySelectorAll("time[datetime]"));
  // A <time pubdate> is the page saying which of its times is the publication; otherwise the first is the best guess.
  const timeValues = [...times.filter((t) => t.hasAttribute("pubdate")), ...times].map(
    (t) => t.getAttribute("datetime") ?? "",
  );
  for (const candidate of [...primary, ...jsonLd, ...secondary, ...itemprops, ...timeValues]) {
    const date = toDay(candidate);
    if (date) return date;
  }
  return null;
}

function jsonLdDates(source: string): string[] {
  if (source.length > MAX_JSON_LD_CHARS) return [];
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return [];
  }
  const found: string[] = [];
  const queue: unknown[] = [data];
  for (let seen = 0; queue.length > 0 && seen < MAX_JSON_LD_NODES; seen++) {
    const value = queue.shift();
    if (Array.isArray(value)) queue.push(...value);
    else if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        if (key === "datePublished" && typeof child === "string") found.push(child);
        else if (typeof child === "object") queue.push(child);
      }
    }
  }
  return found;
}

// Pages give dates as ISO timestamps, "2017/01/05", or RFC 2822; only a full day counts as a publication date here.
function toDay(value: string): string | null {
  const v = value.trim().replace(/^(\d{4})\/(\d{2})\/(\d{2})/, "$1-$2-$3");
  const iso = normalisePublished(v);
  if (iso && iso.length === 10) return iso;
  if (iso || v === "" || /^\d{4}-\d{2}/.test(v)) return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

function clean(s: string): string | null {
  const t = s.replace(/\s+/g, " ").trim();
  return t === "" ? null : t;
}
