// An article as read from disk: its text is the document every later span points into.

export type ArticleFormat = "json" | "text" | "html";

export interface Article {
  /** File name without its extension; the id the eval output uses. */
  readonly doc: string;
  readonly path: string;
  readonly url: string | null;
  readonly title: string | null;
  /** "YYYY-MM-DD", or "YYYY-MM" when the source only gives the month. */
  readonly published: string | null;
  readonly outlet: string | null;
  readonly language: string | null;
  readonly text: string;
  readonly format: ArticleFormat;
}

const DATE_PREFIX = /^(\d{4})-(\d{2})(?:-(\d{2}))?/;

/**
 * The publication date as Truce stores it: "YYYY-MM-DD" from a date or an ISO timestamp (the date as written,
 * not shifted to UTC, since the outlet's own calendar day is what "on Monday" resolves against), "YYYY-MM" from
 * a month. Undefined when the value is not one of those or names an impossible day.
 */
export function normalisePublished(value: string): string | undefined {
  const v = value.trim();
  const m = DATE_PREFIX.exec(v);
  if (!m) return undefined;
  const rest = v.slice(m[0].length);
  const [, year = "", month = "", day] = m;
  if (Number(month) < 1 || Number(month) > 12) return undefined;
  if (day === undefined) return rest === "" ? `${year}-${month}` : undefined;
  if (rest !== "" && !/^[T ]\d{2}:\d{2}/.test(rest)) return undefined;
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (Number(day) < 1 || Number(day) > daysInMonth) return undefined;
  return `${year}-${month}-${day}`;
}
