// A readable summary for a person: each incident with the sentence that supports it.
import type { ArticleReport, ExtractedIncident } from "../../extraction/report.js";

const orDash = (value: string | number | null) => (value === null ? "—" : String(value));

function describe(incident: ExtractedIncident, n: number): string[] {
  const when = incident.date
    ? `${incident.date}${incident.dateEnd ? ` to ${incident.dateEnd}` : ""} (time precision ${incident.datePrecision})`
    : "date unknown";
  const where = `${incident.location}, ${orDash(incident.admin1)} ${incident.country}`;
  const c = incident.classification;
  return [
    `  ${n}. ${incident.subEventType} (${incident.eventType}) — ${where} — ${when}`,
    `     by ${orDash(incident.perpetrator)}${incident.perpetratorFrom === "context" ? " (inferred from context)" : ""} against ${orDash(incident.target)}; killed ${orDash(incident.killed)}`,
    `     ${c.classification}${c.agreementId ? ` under ${c.agreementId}${c.regimeId ? `/${c.regimeId}` : ""}` : ""}${c.clause ? ` [${c.clause}]` : ""}: ${c.reason}`,
    ...incident.evidence.map(
      (e) => `     « ${e.text.replace(/\s+/g, " ").trim()} » (chars ${e.span.start}–${e.span.end})`,
    ),
  ];
}

export function toText(report: ArticleReport): string {
  const lines = [
    `${report.doc}${report.title ? ` — ${report.title}` : ""}`,
    `  published ${orDash(report.published)}; dates read against ${report.reference ? `${report.reference.date} (${report.reference.from})` : "nothing (no date known)"}; ${report.sentences} sentences`,
  ];
  if (report.incidents.length === 0) lines.push("  no incidents");
  report.incidents.forEach((incident, i) => {
    lines.push(...describe(incident, i + 1));
  });
  if (report.allegations.length) {
    lines.push("  allegations:");
    for (const a of report.allegations)
      lines.push(`    ${a.accuser} accuses ${a.accused}: « ${a.evidence.text.replace(/\s+/g, " ").trim()} »`);
  }
  return lines.join("\n");
}
