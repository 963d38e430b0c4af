// One incident for a person to read: its record, its reports side by side with disagreements marked, decisions, log.
import type { ComparedField, IncidentView, ReportSide } from "../../application/incident-view.js";
import type { TimePrecision } from "../../domain/ontology.js";
import type { Verdict } from "../../domain/records/verification.js";

/** Marks a row whose reports state different values. */
export const DISAGREE = "≠";

const dash = (v: string | number | null | undefined): string =>
  v === null || v === undefined || v === "" ? "—" : String(v);
const precisionWord: Record<TimePrecision, string> = { 1: "day", 2: "week", 3: "month" };
const oneLine = (s: string): string => s.replace(/\s+/g, " ").trim();

/** Reports per block of columns: more than this side by side no longer fits a terminal. */
const PER_BLOCK = 3;
const CELL = 34;
const LABEL = 13;

const fit = (text: string, width: number): string =>
  text.length <= width ? text : `${text.slice(0, width - 1)}…`;

/** Paths and URLs say most at their end: cut them from the start. */
const fitStart = (text: string): string =>
  text.length <= CELL ? text : `…${text.slice(text.length - CELL + 1)}`;

interface Row {
  readonly label: string;
  readonly flag: boolean;
  readonly cells: readonly string[];
}

function reportRows(view: IncidentView): Row[] {
  const sides = view.reports;
  const compared = new Map(view.comparison.map((c) => [c.field, c]));
  const fromComparison = (field: ComparedField, label: string, extra?: (s: ReportSide) => string): Row => {
    const c = compared.get(field);
    return {
      label,
      flag: c?.disagree ?? false,
      cells: sides.map((s, k) => `${dash(c?.values[k])}${extra ? extra(s) : ""}`),
    };
  };
  return [
    { label: "report", flag: false, cells: sides.map((s) => s.report.id.slice(0, 8)) },
    { label: "source", flag: false, cells: sides.map((s) => `${s.report.source} (${s.report.kind})`) },
    {
      label: "document",
      flag: false,
      cells: sides.map((s) => fitStart(dash(s.document?.origin ?? s.document?.id))),
    },
    {
      label: "published",
      flag: false,
      cells: sides.map((s) => `${dash(s.document?.published)} via ${dash(s.document?.channel)}`),
    },
    fromComparison("date", "date", (s) =>
      s.report.datePrecision === null ? "" : ` (${precisionWord[s.report.datePrecision]})`,
    ),
    fromComparison("place", "place", (s) => ` (geo ${s.report.geoPrecision})`),
    fromComparison("type", "type"),
    fromComparison("subType", "sub-type"),
    fromComparison("perpetrator", "perpetrator"),
    fromComparison("target", "target"),
    fromComparison("killed", "killed"),
  ];
}

function sideBySide(view: IncidentView): string[] {
  const rows = reportRows(view);
  const lines: string[] = [];
  for (let from = 0; from < view.reports.length; from += PER_BLOCK) {
    const to = Math.min(from + PER_BLOCK, view.reports.length);
    const heading = Array.from({ length: to - from }, (_, k) => `[${from + k + 1}]`.padEnd(CELL)).join("  ");
    lines.push(`  ${"".padEnd(LABEL)}   ${heading.trimEnd()}`);
    for (const row of rows) {
      const cells = row.cells
        .slice(from, to)
        .map((c) => fit(oneLine(c), CELL).padEnd(CELL))
        .join("  ");
      lines.push(`  ${row.label.padEnd(LABEL)} ${row.flag ? DISAGREE : " "} ${cells}`.trimEnd());
    }
    if (to < view.reports.length) lines.push("");
  }
  return lines;
}

const describeVerdict = (v: Verdict): string =>
  `${v.outcome}${v.attributedParty ? ` by ${v.attributedParty}` : ""} — ${v.rule}, ${v.positionIds.length} position(s), at ${v.at}${v.replyBy ? `; reply by ${v.replyBy}` : ""} [${v.id}]`;

export function incidentViewText(view: IncidentView): string {
  const i = view.incident;
  const killed =
    i.killed === null
      ? "not stated"
      : `${i.killed.low}–${i.killed.high} (best ${i.killed.best}; sources' figures are kept side by side below)`;
  const disagreeing = view.comparison.filter((c) => c.disagree).map((c) => c.field);
  const lines = [
    `incident ${i.id}`,
    `  date            ${dash(i.date)}`,
    `  place           ${i.location}, ${dash(i.admin1)} (${i.country})`,
    `  type            ${i.eventType} / ${i.subEventType}`,
    `  perpetrators    ${i.perpetrators.join(", ") || "—"}`,
    `  killed          ${killed}`,
    `  classification  ${i.classification}`,
    `  grade           ${i.grade}`,
    `  status          ${i.status}`,
    `  updated         ${i.updatedAt}`,
    "",
    `reports (${view.reports.length})${
      view.reports.length > 1
        ? disagreeing.length
          ? `: they disagree on ${disagreeing.join(", ")} (marked ${DISAGREE})`
          : ": they agree on every stated fact"
        : ""
    }`,
    ...sideBySide(view),
    "",
    "supporting text",
  ];
  view.reports.forEach((side, k) => {
    if (side.textProblem !== null) lines.push(`  [${k + 1}] (text unavailable: ${side.textProblem})`);
    for (const t of side.supportingText) {
      lines.push(`  [${k + 1}] « ${oneLine(t.text)} » (chars ${t.span.start}–${t.span.end})`);
    }
  });
  lines.push("", `positions (${view.positions.length})`);
  for (const p of view.positions) {
    lines.push(
      `  ${p.at}  ${p.guarantor}: ${p.position}${p.party ? ` by ${p.party}` : ""} — ${oneLine(p.rationale)} (recorded by ${p.recordedBy})`,
    );
  }
  lines.push(
    "",
    `verdict: ${view.verdict.latest === null ? "none yet" : describeVerdict(view.verdict.latest)}`,
  );
  for (const v of view.verdict.superseded) lines.push(`  superseded: ${describeVerdict(v)}`);
  lines.push("", `replies (${view.replies.length})`);
  for (const r of view.replies)
    lines.push(`  ${r.at}  ${r.party} (to verdict ${r.verdictId.slice(0, 8)}): ${oneLine(r.text)}`);
  lines.push("", `audit entries (${view.audit.length})`);
  for (const e of view.audit) lines.push(`  #${e.seq}  ${e.at}  ${e.kind}  ${e.subjectId}`);
  return `${lines.join("\n")}\n`;
}
