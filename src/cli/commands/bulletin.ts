// `truce bulletin`: the daily or weekly bulletin as self-contained HTML, Markdown or PDF (printed by Chromium).
import type { Command } from "commander";
import { renderBulletinPdf } from "../../adapters/pdf/chromium-pdf.js";
import {
  type BulletinPeriod,
  bulletinPeriods,
} from "../../application/publication/bulletin/bulletin-data.js";
import { bulletinSpan, composeBulletin } from "../../application/publication/bulletin/compose-bulletin.js";
import { renderBulletin } from "../../application/publication/bulletin/render-bulletin.js";
import type { Agreement } from "../../domain/agreement/schema.js";
import { TruceError } from "../../errors.js";
import { type CliIo, processIo } from "../support/cli-io.js";
import { requireExistingDb } from "../support/existing-store.js";
import { dbOptionHelp, withSession } from "../support/session.js";
import { readerOf, restrictedOptionHelp, writeFileAtomically } from "./export.js";

interface BulletinOptions {
  readonly date: string;
  readonly period?: string;
  readonly format?: string;
  readonly out?: string;
  readonly db?: string;
  readonly agreement?: string;
  readonly restricted?: boolean;
}

type BulletinFormat = "html" | "md" | "pdf";
const bulletinFormats: readonly BulletinFormat[] = ["html", "md", "pdf"];

/** The agreement a bulletin is about when no file is named: the shipped default, the Syrian ceasefire of 2016. */
export const DEFAULT_AGREEMENT_ID = "syria-2016";

function oneOf<const T extends string>(option: string, raw: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === raw.trim().toLowerCase());
  if (found === undefined) {
    throw new TruceError("TRUCE_E_USAGE", `--${option} "${raw}" is not one of: ${allowed.join(", ")}`);
  }
  return found;
}

function agreementFor(agreements: readonly Agreement[], named: boolean): Agreement {
  const agreement = named ? agreements[0] : agreements.find((a) => a.id === DEFAULT_AGREEMENT_ID);
  if (agreement === undefined) {
    throw new TruceError(
      "TRUCE_E_AGREEMENT_INVALID",
      `the shipped agreement ${DEFAULT_AGREEMENT_ID} is missing: name one with --agreement FILE`,
    );
  }
  return agreement;
}

export function registerBulletin(
  program: Command,
  setExitCode: (code: number) => void,
  io: CliIo = processIo,
): void {
  program
    .command("bulletin")
    .description(
      "the daily or weekly bulletin: counts by party and governorate (claimed beside verified), the verified incidents, a map and the audit checkpoint",
    )
    .requiredOption(
      "--date <day>",
      "the day (YYYY-MM-DD); a weekly bulletin covers its ISO week, Monday to Sunday",
    )
    .option("--period <period>", "daily or weekly (default daily)")
    .option("--format <format>", "html, md or pdf (default html)")
    .option("--out <file>", "write to this file (a PDF needs it unless standard output is not a terminal)")
    .option("--restricted", restrictedOptionHelp)
    .option("--db <db>", dbOptionHelp)
    .option(
      "--agreement <file>",
      `the agreement the bulletin is about (default: the shipped ${DEFAULT_AGREEMENT_ID})`,
    )
    .action(async (options: BulletinOptions) => {
      const period: BulletinPeriod = oneOf("period", options.period ?? "daily", bulletinPeriods);
      const format = oneOf("format", options.format ?? "html", bulletinFormats);
      bulletinSpan({ period, date: options.date.trim() });
      if (format === "pdf" && options.out === undefined && process.stdout.isTTY === true) {
        throw new TruceError(
          "TRUCE_E_USAGE",
          "a PDF is not for a terminal: give --out FILE, or redirect standard output to a file",
        );
      }
      requireExistingDb(options.db);
      const text = await withSession(options, async (session) => {
        const agreement = agreementFor(session.agreements, options.agreement !== undefined);
        const data = await composeBulletin(
          session.store,
          agreement,
          { period, date: options.date.trim() },
          readerOf(options.restricted),
          { now: session.now },
        );
        return renderBulletin(data, format === "md" ? "md" : "html");
      });
      if (format === "pdf") {
        const pdf = await renderBulletinPdf(text);
        if (options.out !== undefined) await writeFileAtomically(options.out, pdf);
        else process.stdout.write(pdf);
      } else if (options.out !== undefined) {
        await writeFileAtomically(options.out, Buffer.from(text, "utf8"));
      } else {
        io.out(text);
      }
      if (options.out !== undefined) io.err(`wrote the ${period} bulletin (${format}) to ${options.out}\n`);
      setExitCode(0);
    });
}
