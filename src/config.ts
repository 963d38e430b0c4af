// Truce's configuration from the environment: the one module that reads process.env, read once and cached.

export interface Config {
  /** TRUCE_DB: where the data lives when a command is given no --db. */
  readonly db: string | null;
  /** TRUCE_AUDIT_KEY: the audit log's signing key file, kept outside the database. */
  readonly auditKey: string | null;
  /** TRUCE_CHROMIUM: the Chromium binary that prints PDF bulletins (and runs the browser tests). */
  readonly chromium: string | null;
}

/** Where data lives when neither --db nor TRUCE_DB says: a SQLite file in the working directory. */
export const DEFAULT_DB = "./truce.db";

/** The Chromium launched when TRUCE_CHROMIUM does not name one: Debian's package. */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

let cached: Config | undefined;

/** The configuration; `env` is for tests, which must not depend on the shell they run in. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env && cached !== undefined) return cached;
  // An empty variable (`TRUCE_DB= truce …`) means unset, as shells and CI files often produce it by accident.
  const db = env.TRUCE_DB?.trim() ? env.TRUCE_DB.trim() : null;
  const auditKey = env.TRUCE_AUDIT_KEY?.trim() ? env.TRUCE_AUDIT_KEY.trim() : null;
  const chromium = env.TRUCE_CHROMIUM?.trim() ? env.TRUCE_CHROMIUM.trim() : null;
  const config: Config = Object.freeze({ db, auditKey, chromium });
  if (env === process.env) cached = config;
  return config;
}

/** The database a command uses: its --db flag, else TRUCE_DB, else ./truce.db. */
export function resolveDbSpec(flag: string | undefined, config: Config = loadConfig()): string {
  if (flag !== undefined && flag.trim() !== "") return flag.trim();
  return config.db ?? DEFAULT_DB;
}

/** The Chromium to launch: TRUCE_CHROMIUM when set, else Debian's. */
export function resolveChromiumPath(config: Config = loadConfig()): string {
  return config.chromium ?? DEFAULT_CHROMIUM;
}

/** Where the audit signing key lives: its --audit-key flag, else TRUCE_AUDIT_KEY, else ./truce-audit.key. */
export function resolveAuditKeyPath(flag: string | undefined, config: Config = loadConfig()): string {
  if (flag !== undefined && flag.trim() !== "") return flag.trim();
  return config.auditKey ?? "./truce-audit.key";
}
