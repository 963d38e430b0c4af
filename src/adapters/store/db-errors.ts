// Turns the engines' constraint errors (better-sqlite3 and pg word them differently) into Truce's own codes.
import { TruceError } from "../../errors.js";
import { APPEND_ONLY_MESSAGE } from "./migrations/0001-initial.js";

type Violation = "unique" | "foreign_key" | "append_only";

function violationOf(error: unknown): Violation | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string") return null;
  // SQLite (extended result codes, which better-sqlite3 reports) and PostgreSQL (SQLSTATE).
  if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505")
    return "unique";
  if (code === "SQLITE_CONSTRAINT_FOREIGNKEY" || code === "23503") return "foreign_key";
  if (
    (code === "SQLITE_CONSTRAINT_TRIGGER" || code === "23000") &&
    error.message.includes(APPEND_ONLY_MESSAGE)
  )
    return "append_only";
  return null;
}

/** The same error as a TruceError when it is a constraint the store's callers can act on; else unchanged. */
export function translateDbError(error: unknown, what: string): unknown {
  const violation = violationOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  switch (violation) {
    case "unique":
      return new TruceError(
        "TRUCE_E_STORE_CONFLICT",
        `${what}: a record with the same key is already stored (${detail})`,
        {
          cause: error,
        },
      );
    case "foreign_key":
      return new TruceError("TRUCE_E_STORE_REFERENCE", `${what}: it refers to a record that is not stored`, {
        cause: error,
      });
    case "append_only":
      return new TruceError("TRUCE_E_STORE_IMMUTABLE", `${what}: ${detail}`, { cause: error });
    default:
      return error;
  }
}

/** Runs a write and reports constraint violations with Truce's codes. */
export async function guarded<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw translateDbError(error, what);
  }
}
