// Reads one article file (JSON, plain text or HTML) into an Article, or refuses it with a TruceError a user can act on.
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { type Article, type ArticleFormat, normalisePublished } from "../../domain/article.js";
import { isTruceError, TruceError, type TruceErrorCode } from "../../errors.js";
import { htmlToText } from "../../extraction/stages/html.js";

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface ReadArticleOptions {
  /** Files larger than this are refused before being read. */
  readonly maxBytes?: number;
}

const EXTENSION_FORMAT: Readonly<Record<string, ArticleFormat>> = {
  ".json": "json",
  ".txt": "text",
  ".text": "text",
  ".md": "text",
  ".markdown": "text",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
};

// Formats that are certainly not articles, named so the message can say what the file is.
const SIGNATURES: readonly { readonly name: string; readonly bytes: readonly number[] }[] = [
  { name: "a PNG image", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: "a JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { name: "a GIF image", bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: "a PDF document", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: "a ZIP archive (or a Word/OpenDocument file)", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "a gzip archive", bytes: [0x1f, 0x8b] },
  { name: "an executable", bytes: [0x7f, 0x45, 0x4c, 0x46] },
];
const SNIFF_BYTES = 8192;
// Text has the odd form feed or escape; a file where one byte in ten is a control character is not text.
const MAX_CONTROL_RATIO = 0.1;

const optionalText = z.string().nullable().optional();
const ArticleJson = z.looseObject({
  url: optionalText,
  title: optionalText,
  published: optionalText,
  outlet: optionalText,
  language: optionalText,
  text: z.string(),
});
const ARTICLE_SHAPE = "{url, title, published, outlet, language, text}";

export async function readArticleFile(filePath: string, options: ReadArticleOptions = {}): Promise<Article> {
  const { source, format } = await readArticleSource(filePath, options);
  return articleFromSource(source, format, filePath);
}

/** A file's text exactly as stored, checked to be text, and the format it is in. */
export async function readArticleSource(
  filePath: string,
  options: ReadArticleOptions = {},
): Promise<{ source: string; format: ArticleFormat }> {
  const fail = failFor(filePath);
  const bytes = await readBounded(filePath, options.maxBytes ?? DEFAULT_MAX_BYTES, fail);
  const source = decode(bytes, fail);
  if (source.trim() === "") {
    throw fail(
      "TRUCE_E_FILE_EMPTY",
      "the file contains only whitespace. Put the article's text in it, or remove it.",
    );
  }
  return { source, format: EXTENSION_FORMAT[path.extname(filePath).toLowerCase()] ?? sniff(source) };
}

const failFor =
  (subject: string) =>
  (code: TruceErrorCode, problem: string, cause?: unknown): TruceError =>
    new TruceError(code, `${subject}: ${problem}`, { subject, cause });

/**
 * Reads an article out of text in a known format; `name` (a path, or a stored document's origin) names the
 * article in errors and gives its `doc` id.
 */
export function articleFromSource(source: string, format: ArticleFormat, name: string): Article {
  const fail = failFor(name);
  const base = {
    doc: path.basename(name, path.extname(name)),
    path: name,
  };

  if (format === "json") return { ...base, ...parseArticleJson(source, fail), format };
  if (format === "html") {
    let page: ReturnType<typeof htmlToText>;
    try {
      page = htmlToText(source);
    } catch (cause) {
      if (isTruceError(cause)) throw fail(cause.code, cause.message, cause);
      throw fail("TRUCE_E_ARTICLE_INVALID", `the HTML could not be read (${String(cause)}).`, cause);
    }
    if (page.text.trim() === "") {
      throw fail(
        "TRUCE_E_ARTICLE_NO_TEXT",
        "the HTML page has no visible text. Save the article's page itself.",
      );
    }
    return {
      ...base,
      url: null,
      title: page.title,
      published: page.published,
      outlet: null,
      language: null,
      text: page.text,
      format,
    };
  }
  return {
    ...base,
    url: null,
    title: textTitle(source),
    published: null,
    outlet: null,
    language: null,
    text: source,
    format,
  };
}

// Saved text usually opens with the headline on a line of its own; a first line that reads as prose is not one.
function textTitle(source: string): string | null {
  const match = /^\s*(?:#{1,6}\s+)?([^\n]{1,200})\r?\n\s*\r?\n/.exec(source);
  const line = match?.[1]?.trim();
  return line && !/[.:;,]$/.test(line) ? line : null;
}

type Fail = (code: TruceErrorCode, problem: string, cause?: unknown) => TruceError;

async function readBounded(filePath: string, maxBytes: number, fail: Fail): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(filePath);
    if (info.isDirectory()) {
      throw fail(
        "TRUCE_E_FILE_UNREADABLE",
        "this is a folder, not a file. Pass the article files in it, or give the folder to `truce extract`, which reads the .json/.txt/.md/.html files inside.",
      );
    }
    // A FIFO or device would block or never end; only regular files are articles.
    if (!info.isFile())
      throw fail("TRUCE_E_FILE_UNREADABLE", "this is not a regular file. Pass a saved article file.");
    size = info.size;
  } catch (cause) {
    throw isTruceError(cause) ? cause : fsError(cause, fail);
  }
  if (size > maxBytes) throw tooLarge(size, maxBytes, fail);
  if (size === 0)
    throw fail(
      "TRUCE_E_FILE_EMPTY",
      "the file is empty (0 bytes). Put the article's text in it, or remove it.",
    );

  // Read one byte past the limit so a file that grew after stat is still refused rather than read whole.
  const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
  let length = 0;
  try {
    const handle = await open(filePath, "r");
    try {
      while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
    } finally {
      await handle.close();
    }
  } catch (cause) {
    throw fsError(cause, fail);
  }
  if (length > maxBytes) throw tooLarge(length, maxBytes, fail);
  if (length === 0)
    throw fail(
      "TRUCE_E_FILE_EMPTY",
      "the file is empty (0 bytes). Put the article's text in it, or remove it.",
    );
  return buffer.subarray(0, length);
}

function fsError(cause: unknown, fail: Fail): TruceError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return fail("TRUCE_E_FILE_NOT_FOUND", "no such file. Check the path and the current folder.", cause);
    case "EACCES":
    case "EPERM":
      return fail(
        "TRUCE_E_FILE_UNREADABLE",
        "permission denied. Give your user read access (e.g. `chmod u+r`) or run as a user who can read it.",
        cause,
      );
    case "EISDIR":
      return fail(
        "TRUCE_E_FILE_UNREADABLE",
        "this is a folder, not a file. Pass the article files in it.",
        cause,
      );
    default:
      return fail("TRUCE_E_FILE_UNREADABLE", `the file could not be read (${code ?? String(cause)}).`, cause);
  }
}

function tooLarge(size: number, maxBytes: number, fail: Fail): TruceError {
  return fail(
    "TRUCE_E_FILE_TOO_LARGE",
    `the file is ${mib(size)}, over the ${mib(maxBytes)} limit. A news article is far smaller: check this is the right file, or split it into one file per article.`,
  );
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function decode(bytes: Buffer, fail: Fail): string {
  for (const { name, bytes: signature } of SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) {
      throw fail(
        "TRUCE_E_FILE_BINARY",
        `this is ${name}, not text. Pass the article as .json, .txt, .md or .html.`,
      );
    }
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fail(
      "TRUCE_E_FILE_ENCODING",
      "the file is UTF-16 text; Truce reads UTF-8. Save it again as UTF-8.",
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw fail(
      "TRUCE_E_FILE_BINARY",
      `the file contains a NUL byte at offset ${nul}, so it is binary (or UTF-16) rather than UTF-8 text. Pass the article as UTF-8 .json, .txt, .md or .html.`,
    );
  }
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  if (control / head.length > MAX_CONTROL_RATIO) {
    throw fail(
      "TRUCE_E_FILE_BINARY",
      "the file is mostly control characters, not text. Pass the article as .json, .txt, .md or .html.",
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (cause) {
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, offset).filter((b) => b === 0x0a).length + 1;
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    throw fail(
      "TRUCE_E_FILE_ENCODING",
      `the file is not valid UTF-8: byte 0x${byte} at offset ${offset} (line ${line}) does not start or continue a character. Save it again as UTF-8 (e.g. \`iconv -f windows-1252 -t utf-8\`).`,
      cause,
    );
  }
}

/** Offset of the first byte that breaks UTF-8 (only called once the decoder has said one does). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

function sniff(source: string): ArticleFormat {
  const start = source.trimStart();
  if (start.startsWith("{")) return "json";
  if (/^(?:<!doctype html|<html|<head|<body|<!--)/i.test(start)) return "html";
  if (/<(?:p|div|article|body|br)[\s/>]/i.test(start.slice(0, 2000))) return "html";
  return "text";
}

type JsonFields = Omit<Article, "doc" | "path" | "format">;

function parseArticleJson(source: string, fail: Fail): JsonFields {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (cause) {
    throw fail(
      "TRUCE_E_ARTICLE_INVALID",
      `${jsonSyntaxProblem(source, cause)} Fix the JSON there; an editor with JSON support shows the problem.`,
      cause,
    );
  }
  const parsed = ArticleJson.safeParse(data);
  if (!parsed.success) {
    throw fail(
      "TRUCE_E_ARTICLE_INVALID",
      `${shapeProblem(data, parsed.error.issues)} An article is ${ARTICLE_SHAPE}.`,
    );
  }
  const a = parsed.data;
  if (a.text.trim() === "") {
    throw fail("TRUCE_E_ARTICLE_NO_TEXT", 'the article\'s "text" is empty. Put the article body in "text".');
  }
  let published: string | null = null;
  if (a.published != null && a.published.trim() !== "") {
    const normalised = normalisePublished(a.published);
    if (normalised === undefined) {
      throw fail(
        "TRUCE_E_ARTICLE_INVALID",
        `"published" is ${JSON.stringify(a.published)}, which is not a date Truce reads. Use "YYYY-MM-DD", "YYYY-MM", an ISO timestamp, or null.`,
      );
    }
    published = normalised;
  }
  return {
    url: orNull(a.url),
    title: orNull(a.title),
    published,
    outlet: orNull(a.outlet),
    language: orNull(a.language),
    text: a.text,
  };
}

function orNull(value: string | null | undefined): string | null {
  return value == null || value.trim() === "" ? null : value;
}

// V8 says "at position N" for most syntax errors; turn that into the line and column an editor shows.
function jsonSyntaxProblem(source: string, cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  const detail = message
    .replace(/, ".*" is not valid JSON$/s, "")
    .replace(/ in JSON at position \d+.*$/s, "");
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  let where = "";
  if (lineColumn) where = ` at line ${lineColumn[1]}, column ${lineColumn[2]}`;
  else {
    const position = /at position (\d+)/.exec(message);
    const offset = position
      ? Number(position[1])
      : /end of JSON input/i.test(message)
        ? source.length
        : undefined;
    if (offset !== undefined) {
      const before = source.slice(0, offset);
      const line = before.split("\n").length;
      const column = offset - before.lastIndexOf("\n");
      where = ` at line ${line}, column ${column}`;
    }
  }
  return `the file is not valid JSON${where}: ${detail}.`;
}

function shapeProblem(data: unknown, issues: z.ZodError["issues"]): string {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    const hint = Array.isArray(data) ? " Put one article per file." : "";
    return `the JSON is ${describe(data)}, not an article object.${hint}`;
  }
  const record = data as Record<string, unknown>;
  const problems = issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    const value = record[String(issue.path[0])];
    if (value === undefined) return `field "${field}" is missing`;
    const wanted = field === "text" ? "a string" : "a string or null";
    return `field "${field}" should be ${wanted} but is ${describe(value)}`;
  });
  return `the JSON is not an article: ${problems.join("; ")}.`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `a string (${JSON.stringify(value.slice(0, 40))})`;
  return `a ${typeof value} (${String(value)})`;
}
