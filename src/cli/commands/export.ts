// `truce export`: open data of published incidents (ACLED-style CSV, CSV with HXL tags, GeoJSON, Atom).
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Command } from "commander";
import {
  exportFormats,
  exportIncidents,
  parseExportFormat,
} from "../../application/publication/exports/export-incidents.js";
import { anonymous, type Principal } from "../../domain/access/principal.js";
import { TruceError } from "../../errors.js";
import { type CliIo, processIo } from "../support/cli-io.js";
import { requireExistingDb } from "../support/existing-store.js";
import { parseIncidentListOptions, type RawIncidentListOptions } from "../support/incident-filters.js";
import { dbOptionHelp, withSession } from "../support/session.js";

interface ExportOptions
  extends Pick<RawIncidentListOptions, "from" | "to" | "admin1" | "party" | "type" | "grade"> {
  readonly format?: string;
  readonly out?: string;
  readonly db?: string;
  readonly agreement?: string;
  readonly restricted?: boolean;
}

export const restrictedOptionHelp =
  "as guarantors and administrators see it: exact restricted coordinates and the parties even where the agreement leaves them unnamed (never a witness); default: as the public sees it";

/** Who the command line reads as: the public, or with --restricted an operator who may see restricted fields. */
export const readerOf = (restricted: boolean | undefined): Principal =>
  restricted === true ? { role: "admin", userId: "command-line", username: "command-line" } : anonymous;

/** Writes the stream to FILE by way of a temporary file beside it: a failed export leaves no half file. */
export async function writeFileAtomically(path: string, body: Readable | Uint8Array): Promise<void> {
  const partial = `${path}.partial-${process.pid}`;
  try {
    await pipeline(body instanceof Uint8Array ? [body] : body, createWriteStream(partial, { flags: "wx" }));
    await rename(partial, path);
  } catch (cause) {
    await rm(partial, { force: true });
    if (cause instanceof TruceError) throw cause;
    throw new TruceError(
      "TRUCE_E_FILE_UNREADABLE",
      `could not write ${path}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { subject: path, cause },
    );
  }
}

export function registerExport(
  program: Command,
  setExitCode: (code: number) => void,
  io: CliIo = processIo,
): void {
  program
    .command("export")
    .description(
      "open data of published incidents: ACLED-style CSV, CSV with HXL tags, GeoJSON or an Atom feed",
    )
    .requiredOption("--format <format>", exportFormats.join(", "))
    .option("--out <file>", "write to this file instead of standard output")
    .option("--from <day>", "dated on or after this day (YYYY-MM-DD)")
    .option("--to <day>", "dated on or before this day (YYYY-MM-DD)")
    .option("--admin1 <codes>", "in these provinces, ISO 3166-2 codes separated by commas (SY-ID,SY-HM)")
    .option("--party <ids>", "a source names one of these actors as perpetrator (SY-GOV,RU)")
    .option("--type <types>", 'of these event types, separated by commas ("Explosions/Remote violence")')
    .option("--grade <grades>", "single_source, corroborated, confirmed, contested, discounted")
    .option("--restricted", restrictedOptionHelp)
    .option("--db <db>", dbOptionHelp)
    .option(
      "--agreement <file>",
      "apply this agreement's publication policy instead of the shipped agreements'",
    )
    .action(async (options: ExportOptions) => {
      // Everything is checked before the database is opened: a typo writes nothing.
      const format = parseExportFormat(options.format ?? "");
      const { query } = parseIncidentListOptions({
        from: options.from,
        to: options.to,
        admin1: options.admin1,
        party: options.party,
        type: options.type,
        grade: options.grade,
      });
      const { sort: _sort, order: _order, limit: _limit, after: _after, ...filter } = query;
      requireExistingDb(options.db);
      await withSession(options, async (session) => {
        const result = exportIncidents(session.store, format, readerOf(options.restricted), filter, {
          agreements: session.agreements,
          now: session.now,
        });
        if (options.out !== undefined) {
          await writeFileAtomically(options.out, result.body);
          io.err(`wrote ${result.mediaType.split(";")[0]} to ${options.out}\n`);
        } else {
          for await (const chunk of result.body) io.out(String(chunk));
        }
      });
      setExitCode(0);
    });
}
