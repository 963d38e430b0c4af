// The bulletin as one self-contained HTML page: inline CSS, an inline SVG map, no script, nothing fetched.
import { type BulletinData, type BulletinIncident, measureOf, placeOf } from "./bulletin-data.js";
import { escapeHtml as e } from "./escape.js";
import { legendOf, svgMap } from "./svg-map.js";

const css = `
  :root { color-scheme: light; }
  body { font-family: "Noto Sans", "Noto Sans Arabic", system-ui, sans-serif; color: #0f172a; margin: 0 auto;
    max-width: 60rem; padding: 1.5rem; line-height: 1.45; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem;
    border-bottom: 1px solid #cbd5e1; padding-bottom: .2rem; }
  .meta { color: #475569; margin: 0; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; }
  th, td { border-bottom: 1px solid #e2e8f0; padding: .3rem .5rem; text-align: start; vertical-align: top; }
  th { background: #f8fafc; } td.d { white-space: nowrap; } td.n, th.n { text-align: end; font-variant-numeric: tabular-nums; }
  .figure { display: flex; gap: 1rem; flex-wrap: wrap; align-items: flex-start; }
  .figure svg { width: 100%; max-width: 36rem; height: auto; }
  .figure svg .count { font-size: 13px; font-weight: 700; fill: #0f172a; paint-order: stroke; stroke: #fff;
    stroke-width: 3px; }
  .legend { list-style: none; padding: 0; margin: 0; font-size: .85rem; }
  .legend span { display: inline-block; width: 1rem; height: 1rem; margin-inline-end: .4rem;
    vertical-align: middle; border: 1px solid #94a3b8; }
  .note { color: #475569; font-style: italic; }
  .alerts li { margin-bottom: .2rem; }
  code { font-size: .8rem; word-break: break-all; }
  @media print { body { padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

const periodTitle = (d: BulletinData): string =>
  d.period === "daily" ? `Daily bulletin, ${d.from}` : `Weekly bulletin, ${d.from} to ${d.to}`;

const killedText = (k: BulletinIncident["killed"]): string =>
  k === null ? "—" : k.low === k.high ? String(k.best) : `${k.low}–${k.high} (best ${k.best})`;

/** Free text from the store: escaped, and marked dir="auto" so Arabic or Russian reads in its own direction. */
const free = (text: string): string => `<bdi dir="auto">${e(text)}</bdi>`;

function countsTable(
  caption: string,
  rows: readonly { readonly label: string; readonly claimed: number; readonly verified: number }[],
  claimedHeading: string,
): string {
  if (rows.length === 0) return `<p class="note">${e(caption)}: none in this period.</p>`;
  const body = rows
    .map(
      (r) =>
        `<tr><td>${free(r.label)}</td><td class="n">${r.claimed}</td><td class="n">${r.verified}</td></tr>`,
    )
    .join("");
  return `<table><caption class="note">${e(caption)}</caption><thead><tr><th></th><th class="n">${e(claimedHeading)}</th><th class="n">Verified</th></tr></thead><tbody>${body}</tbody></table>`;
}

function incidentsTable(d: BulletinData): string {
  if (d.incidents.length === 0) return `<p class="note">No verified incidents in this period.</p>`;
  const rows = d.incidents
    .map((i) => {
      return `<tr><td class="d">${e(i.date ?? "—")}</td><td>${placeOf(i).map(free).join(", ")}</td><td>${e(i.subEventType)}</td><td>${
        d.partiesNamed ? free(i.accused ?? "—") : "not named"
      }</td><td>${d.partiesNamed ? i.claimed.map(free).join(", ") || "—" : "not named"}</td><td class="n">${e(killedText(i.killed))}</td><td><code>${e(i.id)}</code></td></tr>`;
    })
    .join("");
  const more =
    d.incidentsNotListed > 0
      ? `<p class="note">${d.incidentsNotListed} more verified incidents are not listed; the open data exports hold them all.</p>`
      : "";
  return `<table><thead><tr><th>Date</th><th>Place</th><th>Event</th><th>Held responsible</th><th>Sources name</th><th class="n">Killed</th><th>Incident</th></tr></thead><tbody>${rows}</tbody></table>${more}`;
}

function mapFigure(d: BulletinData): string {
  const note = d.mapNote === null ? "" : `<p class="note">${e(d.mapNote)}</p>`;
  if (d.map === null) return note;
  const max = Math.max(0, ...d.map.regions.map((r) => r.count));
  const legend = legendOf(max)
    .map(({ colour, label }) => `<li><span style="background:${colour}"></span>${e(label)}</li>`)
    .join("");
  return `<div class="figure">${svgMap(d.map.regions)}<ul class="legend" aria-label="Incidents reported per unit">${legend}</ul></div>${note}`;
}

function alertsList(d: BulletinData): string {
  const rule = `<p class="note">An alert is ${e(d.alertRule)}.</p>`;
  if (d.alerts.length === 0) return `<p>No escalation alerts in this period.</p>${rule}`;
  const items = d.alerts
    .map(
      (a) =>
        `<li>${e(a.period)}: ${free(a.name)} (${e(measureOf(a))}): ${a.count}, against a baseline of ${a.mean.toFixed(1)} ± ${a.sd.toFixed(1)}</li>`,
    )
    .join("");
  return `<ul class="alerts">${items}</ul>${rule}`;
}

function checkpointText(d: BulletinData): string {
  if (d.checkpoint === null)
    return `<p>The audit log has no signed checkpoint yet (${d.auditLogSize} entries).</p>`;
  const c = d.checkpoint;
  const unsigned =
    d.auditLogSize > c.treeSize
      ? ` ${d.auditLogSize - c.treeSize} later entries are not yet covered by a checkpoint.`
      : "";
  return `<p>Produced at audit checkpoint: tree size <strong>${c.treeSize}</strong>, root hash <code>${e(c.rootHash)}</code>, signed ${e(c.at)} by key <code>${e(c.keyId)}</code>.${e(unsigned)}</p>`;
}

export function renderBulletinHtml(d: BulletinData): string {
  const title = `${d.agreement.title}: ${periodTitle(d)}`;
  const parties = d.partiesNamed
    ? countsTable(
        "By party: incidents the sources attribute to it (claimed) and those the guarantors' verdict does (verified)",
        d.parties.map((p) => ({ label: p.name, claimed: p.claimed, verified: p.verified })),
        "Claimed",
      )
    : `<p class="note">The agreement's publication policy does not name the parties.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title>
<style>${css}</style>
</head>
<body>
<header>
<h1>${free(d.agreement.title)}</h1>
<p class="meta">${e(periodTitle(d))}. Produced ${e(d.generatedAt)}.</p>
</header>
<main>
<h2>Summary</h2>
<p>${d.totals.claimed} incidents reported; ${d.totals.verified} verified by the guarantors, in which ${d.totals.killed} people were killed (best estimates).</p>
<h2>By party</h2>
${parties}
<h2>By governorate</h2>
${countsTable(
  "By first-level unit: incidents reported there and those verified",
  d.governorates.map((g) => ({ label: g.name, claimed: g.claimed, verified: g.verified })),
  "Reported",
)}
<h2>Map</h2>
${mapFigure(d)}
<h2>Escalation alerts</h2>
${alertsList(d)}
<h2>Verified incidents</h2>
${incidentsTable(d)}
<h2>Audit</h2>
${checkpointText(d)}
</main>
</body>
</html>
`;
}
