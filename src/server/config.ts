// The server's configuration: flags first, then the environment, then defaults; checked once, at start-up.
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { loadConfig, resolveAuditKeyPath, resolveDbSpec } from "../config.js";
import { TruceError } from "../errors.js";

/** The agreement a server monitors when none is named: the Syrian nationwide ceasefire of 30 December 2016. */
export const DEFAULT_AGREEMENT = fileURLToPath(
  new URL("../../data/agreements/syria-2016.yaml", import.meta.url),
);

export const MiB = 1024 * 1024;

export interface ServerFlags {
  readonly db?: string | undefined;
  readonly host?: string | undefined;
  readonly port?: string | number | undefined;
  readonly agreement?: string | undefined;
  readonly auditKey?: string | undefined;
  readonly publicUrl?: string | undefined;
  readonly workers?: string | number | undefined;
}

const port = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(0, "must be from 0 to 65535")
  .max(65535, "must be from 0 to 65535");

const bytes = z.coerce
  .number({ error: "must be a number of bytes" })
  .int()
  .min(1024)
  .max(512 * MiB);

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  db: z.string().trim().min(1),
  host: z.string().trim().min(1, "must name an address, e.g. 127.0.0.1"),
  port,
  agreement: z.string().trim().min(1),
  auditKey: z.string().trim().min(1),
  /** Whether the session cookie is sent over HTTPS only; by default, when the public URL is https. */
  cookieSecure: flag.optional(),
  /** Largest JSON body (default 1 MiB). */
  bodyLimit: bytes.default(MiB),
  /** Largest complaint upload, form fields and files together (default 55 MiB: five 10 MiB files and text). */
  uploadLimit: bytes.default(55 * MiB),
  /** Requests per minute per address on the API (sign-in has its own, stricter limits). */
  rateLimit: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Megabytes of the public's answers each server process keeps (0: none kept). */
  publicCacheMb: z.coerce
    .number({ error: "must be a number of megabytes" })
    .int("must be a whole number")
    .min(0, "must be from 0 to 4096")
    .max(4096, "must be from 0 to 4096")
    .default(64),
  /** Server processes sharing the port (node:cluster): one per core lets reads use every core. */
  workers: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be from 1 to 64")
    .max(64, "must be from 1 to 64")
    .default(1),
  /** Where people reach the server (behind a proxy it differs from host:port); links and cookies use it. */
  publicUrl: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .transform((u) => u.replace(/\/+$/, ""))
    .optional(),
});

export interface ServerConfig {
  readonly db: string;
  readonly host: string;
  readonly port: number;
  readonly agreement: string;
  readonly auditKey: string;
  readonly cookieSecure: boolean;
  readonly bodyLimit: number;
  readonly uploadLimit: number;
  readonly rateLimit: number;
  readonly publicUrl: string;
  readonly workers: number;
  readonly publicCacheMb: number;
}

const blank = (v: string | number | undefined): string | number | undefined =>
  typeof v === "string" && v.trim() === "" ? undefined : v;

/**
 * The configuration from `truce serve`'s flags and the environment (TRUCE_DB, TRUCE_HOST, TRUCE_PORT,
 * TRUCE_AGREEMENT, TRUCE_AUDIT_KEY, TRUCE_COOKIE_SECURE, TRUCE_BODY_LIMIT, TRUCE_UPLOAD_LIMIT, TRUCE_RATE_LIMIT,
 * TRUCE_PUBLIC_URL, TRUCE_WORKERS, TRUCE_PUBLIC_CACHE_MB); throws TRUCE_E_SERVER_CONFIG naming every bad value.
 */
export function loadServerConfig(flags: ServerFlags, env: NodeJS.ProcessEnv): ServerConfig {
  const base = loadConfig(env);
  const raw = {
    db: resolveDbSpec(flags.db, base),
    host: blank(flags.host) ?? blank(env.TRUCE_HOST) ?? "127.0.0.1",
    port: blank(flags.port) ?? blank(env.TRUCE_PORT) ?? 8080,
    agreement: blank(flags.agreement) ?? blank(env.TRUCE_AGREEMENT) ?? DEFAULT_AGREEMENT,
    auditKey: resolveAuditKeyPath(flags.auditKey, base),
    cookieSecure: blank(env.TRUCE_COOKIE_SECURE)?.toString().trim().toLowerCase(),
    bodyLimit: blank(env.TRUCE_BODY_LIMIT),
    uploadLimit: blank(env.TRUCE_UPLOAD_LIMIT),
    rateLimit: blank(env.TRUCE_RATE_LIMIT),
    publicUrl: blank(flags.publicUrl) ?? blank(env.TRUCE_PUBLIC_URL),
    workers: blank(flags.workers) ?? blank(env.TRUCE_WORKERS),
    publicCacheMb: blank(env.TRUCE_PUBLIC_CACHE_MB),
  };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "configuration"} ${i.message}`);
    throw new TruceError(
      "TRUCE_E_SERVER_CONFIG",
      `the server configuration is not valid: ${problems.join("; ")}`,
    );
  }
  const c = parsed.data;
  const shownHost = c.host.includes(":") ? `[${c.host}]` : c.host === "0.0.0.0" ? "127.0.0.1" : c.host;
  const publicUrl = c.publicUrl ?? `http://${shownHost}:${c.port}`;
  return Object.freeze({
    db: c.db,
    host: c.host,
    port: c.port,
    agreement: c.agreement,
    auditKey: c.auditKey,
    cookieSecure: c.cookieSecure ?? publicUrl.startsWith("https:"),
    bodyLimit: c.bodyLimit,
    uploadLimit: c.uploadLimit,
    rateLimit: c.rateLimit,
    publicUrl,
    workers: c.workers,
    publicCacheMb: c.publicCacheMb,
  });
}
