// `truce incidents`: lists stored incidents, filtered and paged, as an aligned table or as JSON.
import { join } from "node:path";
import type { Command } from "commander";
import { dataDir, readDataFile } from "../../adapters/data/data-files.js";
import type { Incident } from "../../domain/records/incident.js";
import type { IncidentPage } from "../../ports/store.js";
import { type CliIo, processIo } from "../support/cli-io.js";
import { requireExistingDb } from "../support/existing-store.js";
import { parseIncidentListOptions, type RawIncidentListOptions } from "../support/incident-filters.js";
import { dbOptionHelp, withSession } from "../support/session.js";

interface IncidentsOptions extends RawIncidentListOptions {
  readonly db?: string;
}

/** Actor ids and the canonical ids extra actors are reported as: every value a perpetrator can hold. */
function knownParties(): Set<string> {
  const data = readDataFile(join(dataDir, "actors", "actors.yaml"), "TRUCE_E_DATA_INVALID");
  const ids = new Set<string>();
  const actors = typeof data === "object" && data !== null && "actors" in data ? data.actors : [];
  for (const actor of Array.isArray(actors) ? actors : []) {
    if (typeof actor !== "object" || actor === null) continue;
    if ("id" in actor && typeof actor.id === "string") ids.add(actor.id);
    if ("canonical" in actor && typeof actor.canonical === "string") ids.add(actor.canonical);
  }
  return ids;
}

const shortId = (id: string): string => id.slice(0, 8);

/** Cuts a cell to `width` characters, marking the cut, so one long place name cannot push every column right. */
const fit = (text: string, width: number): string =>
  text.length <= width ? text : `${text.slice(0, width - 1)}…`;

const killedOf = (i: Incident): string =>
  i.killed === null
    ? "—"
    : i.killed.low === i.killed.high
      ? String(i.killed.low)
      : `${i.killed.low}–${i.killed.high}`;

const columns: readonly {
  readonly title: string;
  readonly width: number;
  readonly cell: (i: Incident) => string;
}[] = [
  { title: "ID", width: 8, cell: (i) => shortId(i.id) },
  { title: "DATE", width: 10, cell: (i) => i.date ?? "—" },
  { title: "ADMIN1", width: 6, cell: (i) => i.admin1 ?? "—" },
  { title: "LOCATION", width: 24, cell: (i) => i.location },
  { title: "TYPE / SUB-TYPE", width: 64, cell: (i) => `${i.eventType} / ${i.subEventType}` },
  { title: "PERPETRATORS", width: 20, cell: (i) => i.perpetrators.join(",") || "—" },
  { title: "KILLED", width: 7, cell: killedOf },
  { title: "CLASSIFICATION", width: 14, cell: (i) => i.classification },
  { title: "GRADE", width: 13, cell: (i) => i.grade },
  { title: "STATUS", width: 18, cell: (i) => i.status },
];

/** Columns as wide as their widest cell (capped), two spaces apart; the last column is not padded. */
export function incidentTable(page: IncidentPage, total: number): string {
  const rows = [
    columns.map((c) => c.title),
    ...page.items.map((i) => columns.map((c) => fit(c.cell(i), c.width))),
  ];
  const widths = columns.map((_, k) => Math.max(...rows.map((r) => (r[k] ?? "").length)));
  const lines = rows.map((r) =>
    r
      .map((cell, k) => (k === r.length - 1 ? cell : cell.padEnd(widths[k] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
  const shown = `${page.items.length} incident${page.items.length === 1 ? "" : "s"} shown of ${total} matching`;
  lines.push(page.next === null ? `${shown}; last page` : `${shown}; next page: --after ${page.next}`);
  return `${lines.join("\n")}\n`;
}

export function registerIncidents(
  program: Command,
  setExitCode: (code: number) => void,
  io: CliIo = processIo,
): void {
  program
    .command("incidents")
    .description("list incidents, newest first, filtered by time, place, party, type, status and grade")
    .option("--db <db>", dbOptionHelp)
    .option("--from <day>", "dated on or after this day (YYYY-MM-DD)")
    .option("--to <day>", "dated on or before this day (YYYY-MM-DD)")
    .option("--admin1 <codes>", "in these provinces, ISO 3166-2 codes separated by commas (SY-ID,SY-HM)")
    .option("--party <ids>", "a source names one of these actors as perpetrator (SY-GOV,RU)")
    .option("--type <types>", 'of these event types, separated by commas ("Explosions/Remote violence")')
    .option("--status <statuses>", "open, awaiting_positions, decided, published")
    .option("--grade <grades>", "single_source, corroborated, confirmed, contested, discounted")
    .option("--classification <values>", "violation, excluded, not_applicable, undetermined")
    .option("--sort <key>", "date or updated (default date)")
    .option("--order <order>", "asc or desc (default desc)")
    .option("--limit <n>", "incidents per page, 1 to 1000 (default 50)")
    .option("--after <cursor>", "the cursor the previous page printed, for the next page")
    .option("--format <format>", "table or json (default table)")
    .action(async (options: IncidentsOptions) => {
      // Every option is checked before the database is touched: a typo changes nothing and opens nothing.
      const { query, format } = parseIncidentListOptions(options, { knownParties: knownParties() });
      requireExistingDb(options.db);
      await withSession(options, async (session) => {
        const page = await session.store.incidents.list(query);
        if (format === "json") {
          io.out(`${JSON.stringify({ items: page.items, next: page.next }, null, 2)}\n`);
        } else {
          io.out(incidentTable(page, await session.store.incidents.count(query)));
        }
      });
      setExitCode(0);
    });
}
