// The bulletin as Markdown: the same content as the HTML, tables instead of the map.
import { type BulletinData, measureOf, placeOf } from "./bulletin-data.js";
import { escapeMarkdown as m } from "./escape.js";

/** A table whose `numeric` columns are aligned right. */
function table(
  headings: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly number[],
): string {
  return [
    `| ${headings.join(" | ")} |`,
    `| ${headings.map((_, i) => (numeric.includes(i) ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

export function renderBulletinMarkdown(d: BulletinData): string {
  const period = d.period === "daily" ? `Daily bulletin, ${d.from}` : `Weekly bulletin, ${d.from} to ${d.to}`;
  const out: string[] = [
    `# ${m(d.agreement.title)}`,
    "",
    `${m(period)}. Produced ${m(d.generatedAt)}.`,
    "",
    "## Summary",
    "",
    `${d.totals.claimed} incidents reported; ${d.totals.verified} verified by the guarantors, in which ${d.totals.killed} people were killed (best estimates).`,
    "",
    "## By party",
    "",
  ];
  if (!d.partiesNamed) out.push("The agreement's publication policy does not name the parties.");
  else if (d.parties.length === 0) out.push("None in this period.");
  else
    out.push(
      table(
        ["Party", "Claimed", "Verified"],
        d.parties.map((p) => [m(p.name), `${p.claimed}`, `${p.verified}`]),
        [1, 2],
      ),
    );
  out.push("", "## By governorate", "");
  out.push(
    d.governorates.length === 0
      ? "None in this period."
      : table(
          ["Governorate", "Reported", "Verified"],
          d.governorates.map((g) => [m(g.name), `${g.claimed}`, `${g.verified}`]),
          [1, 2],
        ),
  );
  if (d.mapNote !== null) out.push("", m(d.mapNote));
  out.push("", "## Escalation alerts", "");
  if (d.alerts.length === 0) out.push("No escalation alerts in this period.");
  for (const a of d.alerts) {
    out.push(
      `- ${m(a.period)}: ${m(a.name)} (${measureOf(a)}): ${a.count}, against a baseline of ${a.mean.toFixed(1)} ± ${a.sd.toFixed(1)}`,
    );
  }
  out.push("", `An alert is ${m(d.alertRule)}.`, "", "## Verified incidents", "");
  if (d.incidents.length === 0) out.push("No verified incidents in this period.");
  else
    out.push(
      table(
        ["Date", "Place", "Event", "Held responsible", "Sources name", "Killed", "Incident"],
        d.incidents.map((i) => [
          m(i.date ?? "—"),
          m(placeOf(i).join(", ")),
          m(i.subEventType),
          d.partiesNamed ? m(i.accused ?? "—") : "not named",
          d.partiesNamed ? m(i.claimed.join(", ") || "—") : "not named",
          i.killed === null
            ? "—"
            : i.killed.low === i.killed.high
              ? `${i.killed.best}`
              : `${i.killed.low}–${i.killed.high} (best ${i.killed.best})`,
          `\`${i.id}\``,
        ]),
        [5],
      ),
    );
  if (d.incidentsNotListed > 0) {
    out.push(
      "",
      `${d.incidentsNotListed} more verified incidents are not listed; the open data exports hold them all.`,
    );
  }
  out.push("", "## Audit", "");
  if (d.checkpoint === null)
    out.push(`The audit log has no signed checkpoint yet (${d.auditLogSize} entries).`);
  else {
    const c = d.checkpoint;
    out.push(
      `Produced at audit checkpoint: tree size **${c.treeSize}**, root hash \`${c.rootHash}\`, signed ${m(c.at)} by key \`${c.keyId}\`.${
        d.auditLogSize > c.treeSize
          ? ` ${d.auditLogSize - c.treeSize} later entries are not yet covered by a checkpoint.`
          : ""
      }`,
    );
  }
  return `${out.join("\n")}\n`;
}
