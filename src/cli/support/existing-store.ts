// Read-only commands must not create an empty database where the user mistyped a path: they refuse a missing file.
import { existsSync } from "node:fs";
import path from "node:path";
import { engineOf } from "../../adapters/store/open-store.js";
import { resolveDbSpec } from "../../config.js";
import { TruceError } from "../../errors.js";

/** Throws TRUCE_E_DB_UNAVAILABLE when the --db (or TRUCE_DB, or default) SQLite file does not exist. */
export function requireExistingDb(flag: string | undefined): void {
  const spec = resolveDbSpec(flag);
  if (engineOf(spec) === "sqlite" && spec !== ":memory:" && !existsSync(spec)) {
    throw new TruceError(
      "TRUCE_E_DB_UNAVAILABLE",
      `there is no database at ${path.resolve(spec)}: pass the one \`truce ingest\` wrote with --db (or set TRUCE_DB)`,
      { subject: spec },
    );
  }
}
