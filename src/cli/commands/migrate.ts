// `truce migrate`: brings the database's schema up to date (every other command also does so when it opens it).
import type { Command } from "commander";
import { migrateStore } from "../../adapters/store/open-store.js";
import { redact } from "../../adapters/store/postgres/open-postgres.js";
import { resolveDbSpec } from "../../config.js";

import { dbOptionHelp } from "../support/session.js";

export function registerMigrate(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("migrate")
    .description("create the database or bring its schema up to date")
    .option("--db <db>", dbOptionHelp)
    .action(async (options: { readonly db?: string }) => {
      const spec = resolveDbSpec(options.db);
      const { engine, applied } = await migrateStore(spec);
      const where = `${engine} ${engine === "postgres" ? redact(spec) : spec}`;
      process.stdout.write(
        applied.length === 0
          ? `${where}: schema already up to date\n`
          : `${where}: applied ${applied.join(", ")}\n`,
      );
      setExitCode(0);
    });
}
