// Blanks out site boilerplate without moving a character, so every later span still points into the original text.
import type { Span } from "../../domain/text/span.js";

export interface CleanResult {
  /** Same length as the input; removed regions are spaces, newlines kept. */
  readonly text: string;
  /** Removed regions, in document order, never overlapping. */
  readonly removed: Span[];
}

// Chrome is short; a long line is article prose however it starts, so only short lines are tested.
const MAX_CHROME_LINE = 200;
const MAX_NOTICE_LINE = 400;
// A duplicated line shorter than this ("Reuters", a place name) may legitimately recur.
const MIN_DUPLICATE_LENGTH = 20;
const REPEAT_LIMIT = 3;
const MAX_SHORT_REPEAT_WORDS = 4;
const MAX_LINK_LIST_LINES = 15;
const MAX_HEADLINE_LENGTH = 160;

// Each alternative must match the whole (trimmed) line, so a sentence that merely contains one of these words stays.
const CHROME_LINE = new RegExp(
  `^(?:${[
    "(?:load|show|see|view) more(?: (?:stories|news|articles|comments))?",
    "read (?:more|also|next)\\b.*",
    "(?:also read|see also|more on this|more on this story)\\b.*",
    "play live radio",
    "listen live",
    "(?:next up|up next|coming up)\\s*:.*",
    "in other news",
    "related(?: (?:stories|articles|news|posts|content|coverage|topics|links|videos|reading))?\\s*(?::.*)?",
    "advertisement|advertising|ad|sponsored(?: content)?|promoted(?: content)?|paid (?:post|content)",
    "(?:scroll|continue) (?:down )?to continue(?: reading)?.*|story continues below.*|continue reading.*",
    "share(?: (?:this|the) (?:article|story|page|post|video))?(?: (?:on|via) [\\w ]{1,30})?\\s*:?",
    "(?:sign up|subscribe)\\b.*",
    "(?:click|tap) here\\b.*",
    "(?:follow|like|join) us\\b.*",
    "(?:get|stay) (?:the latest|up to date|updated|informed)\\b.*",
    "download (?:our|the) (?:free )?app\\b.*",
    "(?:copyright\\b|\\(c\\)\\s|©\\s*(?:\\d{4}|copyright)\\b).*",
    "©.{0,80}",
    "powered by\\b.*",
    "(?:file\\s+)?(?:photo|image|picture|photograph|pic)s?(?:\\s+credit)?\\s*[:|].*",
    "(?:file photo|photo credit)\\b.*",
    "(?:reuters|afp|ap|epa|getty images|anadolu agency|aa)(?: file)? (?:photo|photograph|image)s?",
    "\\d+\\s*min(?:ute)?s? read",
    "(?:\\d+\\s+)?comments?(?:\\s*\\(\\d+\\))?",
    "(?:no comments|post a comment|leave a (?:comment|reply)|add (?:a )?comment|show comments|view comments)\\b.*",
    "(?:tags?|topics?|filed under|categories|category|keywords)\\s*(?::.*)?",
    "back to (?:main page|top|home(?:page)?)\\b.*",
    "skip to\\b.*|toggle navigation|jump to navigation",
    "shop (?:now|online|the|our)\\b.*",
    "\\(?(?:additional )?(?:reporting|writing|editing|compiled|translated|edited) by\\b.*",
  ].join("|")})$`,
  "i",
);

// Headings of a list of links to other stories: the list that follows is removed with them.
const LINK_LIST_MARKER =
  /^(?:related(?: (?:stories|articles|news|posts|content|coverage|links|videos|reading))?|you (?:may|might) (?:also )?(?:like|be interested in)|(?:check|read|see) also|also read|more (?:stories|news|from [\w .-]{1,40})|most (?:read|popular|viewed|shared)|popular (?:posts|stories|now)?|trending(?: now| stories)?|recommended(?: for you| stories)?|latest (?:news|stories)|top stories|editor'?s picks|don'?t miss|what to read next)\s*:?$/i;
// A wire story's credit line ends it; headlines of other stories often follow.
const WIRE_CREDIT = /^\(?(?:additional )?(?:reporting|writing|editing) by\b/i;

const ALL_RIGHTS_RESERVED = /\ball rights reserved\b/i;
const COOKIE = /\bcookies?\b/i;
const COOKIE_CONTEXT =
  /\b(?:we use|uses|use of|accept|consent|privacy|policy|by continuing|manage|settings|preferences|browsing)\b/i;

// A byline that is only a name ("By Jane Doe", "BY JANE DOE, Reuters"); "By Monday, rebels had..." is not one.
const BYLINE =
  /^(?:By|BY|by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|al|bin|van|von|el))*(?:\s*[,|]\s*\p{Lu}[\p{L} ]{0,40})?$/u;
const BREADCRUMB_START = /^home\s*[|>»›/]/i;
const BREADCRUMB_SEPARATOR = /\s*[|»›>]\s*|\s+\/\s+/g;
const MAX_CRUMB_LENGTH = 30;
const MAX_CRUMB_WORDS = 4;
// Navigation lists are often numbered or bulleted ("1. Skip to content").
const LIST_MARKER = /^(?:\d{1,2}[.)]\s+|[-•*·]\s+)/;

const UI_WORDS = new Set([
  "facebook",
  "twitter",
  "x",
  "whatsapp",
  "email",
  "e-mail",
  "mail",
  "print",
  "share",
  "shares",
  "tweet",
  "linkedin",
  "reddit",
  "telegram",
  "pinterest",
  "messenger",
  "vk",
  "sms",
  "copy",
  "link",
  "comment",
  "comments",
  "menu",
  "search",
  "close",
  "login",
  "log",
  "in",
  "out",
  "on",
  "via",
  "this",
  "article",
  "story",
  "next",
  "previous",
  "prev",
  "home",
  "top",
  "save",
]);
const UI_FILLER = new Set(["in", "out", "on", "via", "this", "article", "story", "log", "copy", "link"]);

// Photo credits inside a kept line: "(AFP Photo/Omar Haj Kadour)", "(Alaa Al-Faqir/Reuters)", "REUTERS/Name".
const PARENTHETICAL = /\(([^()\n]{1,100})\)/g;
const AGENCY =
  /^(?:afp|reuters|ap|epa|getty images|getty|anadolu(?: agency)?|aa|sana|tass|sputnik|xinhua|upi|file)$/i;
const PHOTO_WORD = /\bphoto(?:graph)?s?\b/i;
const CAPS_AGENCY_CREDIT =
  /\b(?:REUTERS|AFP|AP|EPA|GETTY IMAGES)\/\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2}(?:\/(?:File(?: [Pp]hoto)?|FILE(?: PHOTO)?))?/gu;
const TRAILING_COPYRIGHT = /\s©[^\n©]{1,60}$/;

interface Line {
  readonly start: number;
  /** Exclusive, before any "\r". */
  readonly end: number;
  readonly trimmed: string;
}

export function cleanText(text: string): CleanResult {
  const lines = splitLines(text);
  const removed: Span[] = [];
  const removeLine = (line: Line): void => {
    if (line.end > line.start) removed.push({ start: line.start, end: line.end });
  };

  const repeats = countShortRepeats(lines);
  const seen = new Set<string>();
  let linkListBudget = 0;

  for (const line of lines) {
    const t = line.trimmed;
    if (t === "") continue;

    if (linkListBudget > 0) {
      if (isHeadlineLike(t) || isChrome(t)) {
        linkListBudget -= 1;
        removeLine(line);
        continue;
      }
      linkListBudget = 0;
    }

    if (LINK_LIST_MARKER.test(t) || WIRE_CREDIT.test(t)) {
      linkListBudget = MAX_LINK_LIST_LINES;
      removeLine(line);
      continue;
    }
    if (isChrome(t)) {
      removeLine(line);
      continue;
    }
    const crumbs = breadcrumbLength(t);
    if (crumbs > 0) {
      const lead = text.slice(line.start, line.end).search(/\S/);
      removed.push({ start: line.start, end: crumbs === t.length ? line.end : line.start + lead + crumbs });
      if (crumbs === t.length) continue;
    }

    const key = normalise(t);
    if ((repeats.get(key) ?? 0) >= REPEAT_LIMIT && wordCount(t) <= MAX_SHORT_REPEAT_WORDS) {
      removeLine(line);
      continue;
    }
    if (key.length >= MIN_DUPLICATE_LENGTH) {
      if (seen.has(key)) {
        removeLine(line);
        continue;
      }
      seen.add(key);
    }

    for (const credit of inlineCredits(text, line)) removed.push(credit);
  }

  const spans = disjoint(removed);
  return { text: blank(text, spans), removed: spans };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf("\n", start);
    const stop = nl === -1 ? text.length : nl;
    const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    lines.push({ start, end, trimmed: text.slice(start, end).trim() });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

function isChrome(line: string): boolean {
  if (line.length > MAX_NOTICE_LINE) return false;
  const t = line.replace(LIST_MARKER, "");
  if (COOKIE.test(t) && COOKIE_CONTEXT.test(t)) return true;
  if (t.length > MAX_CHROME_LINE) return false;
  return CHROME_LINE.test(t) || ALL_RIGHTS_RESERVED.test(t) || BYLINE.test(t) || isUiOnly(t);
}

// How much of the line is a breadcrumb trail ("Home | World | Middle East"): all of it, or the crumbs before a
// headline that ends the trail, or 0 when it is not one.
function breadcrumbLength(t: string): number {
  if (t.length > MAX_CHROME_LINE * 2) return 0;
  const separators = [...t.matchAll(BREADCRUMB_SEPARATOR)];
  const home = BREADCRUMB_START.test(t);
  if (separators.length < (home ? 1 : 2)) return 0;
  let from = 0;
  for (const sep of separators) {
    const crumb = t.slice(from, sep.index);
    if (crumb.length > MAX_CRUMB_LENGTH || wordCount(crumb) > MAX_CRUMB_WORDS) return 0;
    from = sep.index + sep[0].length;
  }
  const last = t.slice(from);
  const lastIsCrumb =
    last.length <= MAX_CRUMB_LENGTH && wordCount(last) <= MAX_CRUMB_WORDS && !/[.!?]$/.test(last);
  return lastIsCrumb ? t.length : from;
}

function isUiOnly(t: string): boolean {
  const words = t
    .toLowerCase()
    .split(/[\s|•·,/]+/)
    .filter((w) => w !== "");
  if (words.length === 0 || words.length > 10) return false;
  return words.every((w) => UI_WORDS.has(w)) && words.some((w) => !UI_FILLER.has(w));
}

// Headlines and teasers in a list of links: short, and not ending as a reported sentence does.
function isHeadlineLike(t: string): boolean {
  if (t.length > MAX_HEADLINE_LENGTH && !/(?:…|\.\.\.)$/.test(t)) return false;
  return !/[.!?]["'”’)]?$/.test(t) || /(?:…|\.\.\.)$/.test(t);
}

function countShortRepeats(lines: readonly Line[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line.trimmed === "" || line.trimmed.length > MAX_CHROME_LINE) continue;
    const key = normalise(line.trimmed);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function inlineCredits(text: string, line: Line): Span[] {
  const content = text.slice(line.start, line.end);
  if (!content.includes("/") && !content.includes("©") && !PHOTO_WORD.test(content)) return [];
  const spans: Span[] = [];
  for (const m of content.matchAll(PARENTHETICAL)) {
    if (isCredit(m[1] ?? "")) spans.push(shift(line.start, m.index, m[0].length));
  }
  for (const m of content.matchAll(CAPS_AGENCY_CREDIT)) {
    spans.push(shift(line.start, m.index, m[0].length));
  }
  const copyright = TRAILING_COPYRIGHT.exec(content);
  if (copyright) spans.push(shift(line.start, copyright.index, copyright[0].length));
  return disjoint(spans);
}

function isCredit(inner: string): boolean {
  if (/^\s*(?:file\s+)?photos?\b/i.test(inner) || /\bphotos?\s*(?:[:/]|by\b)/i.test(inner)) return true;
  if (!inner.includes("/")) return false;
  return inner.split("/").some((part) => AGENCY.test(part.trim()));
}

function shift(base: number, index: number, length: number): Span {
  return { start: base + index, end: base + index + length };
}

function disjoint(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) {
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    } else {
      out.push(s);
    }
  }
  return out;
}

function blank(text: string, removed: readonly Span[]): string {
  if (removed.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const s of removed) {
    parts.push(text.slice(at, s.start), text.slice(s.start, s.end).replace(/[^\r\n]/g, " "));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

function normalise(t: string): string {
  return t.replace(/\s+/g, " ").toLowerCase();
}

function wordCount(t: string): number {
  return t.split(/\s+/).filter((w) => w !== "").length;
}
