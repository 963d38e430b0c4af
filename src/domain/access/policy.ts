// The one access policy: every operation of the HTTP API, and what each role may do with it. The server's
// routes are registered from this table and the access-matrix test walks it, so a route missing here cannot
// exist and a rule changed here is tested everywhere.

import type { Principal, Role } from "./principal.js";

/**
 * - `allow`: any principal of the role.
 * - `visible`: allowed, but only over the records the principal may read (see `visibilityOf`): others are
 *   answered as if they did not exist (404), and restricted fields are left out unless `seesRestricted`.
 * - `own`: allowed only for the principal's own party or guarantor state (or own account): acting for another
 *   is refused (403).
 * - `deny`: refused (401 for the anonymous public, 403 for a signed-in account).
 */
export type Rule = "allow" | "visible" | "own" | "deny";

export interface Operation {
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Fastify path syntax (`:id`). */
  readonly path: string;
  readonly summary: string;
  readonly rules: Readonly<Record<Role, Rule>>;
}

const everyone = (rule: Rule): Record<Role, Rule> => ({
  admin: rule,
  guarantor: rule,
  party: rule,
  observer: rule,
  public: rule,
});

const signedIn = (rule: Rule): Record<Role, Rule> => ({ ...everyone(rule), public: "deny" });

const only = (granted: Partial<Record<Role, Rule>>): Record<Role, Rule> => ({
  ...everyone("deny"),
  ...granted,
});

export const policy = {
  "session.login": {
    method: "POST",
    path: "/api/session",
    summary: "Sign in with a username and password; sets the session cookie",
    rules: everyone("allow"),
  },
  "session.get": {
    method: "GET",
    path: "/api/session",
    summary: "Who is signed in (the public when nobody is), with the CSRF token for the browser",
    rules: everyone("allow"),
  },
  "session.logout": {
    method: "DELETE",
    path: "/api/session",
    summary: "Sign out",
    rules: signedIn("allow"),
  },
  "tokens.list": {
    method: "GET",
    path: "/api/tokens",
    summary: "The signed-in account's API tokens",
    rules: signedIn("own"),
  },
  "tokens.create": {
    method: "POST",
    path: "/api/tokens",
    summary: "Create an API token for scripts, acting as the signed-in account",
    rules: signedIn("own"),
  },
  "tokens.revoke": {
    method: "DELETE",
    path: "/api/tokens/:id",
    summary: "Revoke one of the signed-in account's API tokens",
    rules: signedIn("own"),
  },
  "users.list": {
    method: "GET",
    path: "/api/users",
    summary: "Accounts and their roles",
    rules: only({ admin: "allow" }),
  },
  "users.create": {
    method: "POST",
    path: "/api/users",
    summary: "Create an account with a role (and the party or guarantor state it speaks for)",
    rules: only({ admin: "allow" }),
  },
  "users.update": {
    method: "PATCH",
    path: "/api/users/:id",
    summary: "Change an account's role, binding, password or disable it",
    rules: only({ admin: "allow" }),
  },
  "agreement.get": {
    method: "GET",
    path: "/api/agreement",
    summary: "The agreement in force: parties, guarantors, excluded groups, prohibited acts, clauses",
    rules: everyone("allow"),
  },
  "incidents.list": {
    method: "GET",
    path: "/api/incidents",
    summary: "Incidents, filtered, sorted and paged",
    rules: everyone("visible"),
  },
  "incidents.get": {
    method: "GET",
    path: "/api/incidents/:id",
    summary: "One incident with its reports side by side, positions, verdicts and replies",
    rules: everyone("visible"),
  },
  "incidents.audit": {
    method: "GET",
    path: "/api/incidents/:id/audit",
    summary: "The audit entries about one incident, each with its inclusion proof",
    rules: everyone("visible"),
  },
  "incidents.merge": {
    method: "POST",
    path: "/api/incidents/:id/merge",
    summary: "Merge another incident into this one (a must-link the machine never undoes)",
    rules: only({ admin: "allow", guarantor: "allow" }),
  },
  "incidents.split": {
    method: "POST",
    path: "/api/incidents/:id/split",
    summary: "Split reports off into a new incident (a cannot-link the machine never undoes)",
    rules: only({ admin: "allow", guarantor: "allow" }),
  },
  "positions.create": {
    method: "POST",
    path: "/api/incidents/:id/positions",
    summary: "Record the signed-in guarantor's position on an incident",
    rules: only({ guarantor: "own" }),
  },
  "replies.create": {
    method: "POST",
    path: "/api/incidents/:id/replies",
    summary: "The accused party's reply to a verdict, before the agreement's deadline",
    rules: only({ party: "own" }),
  },
  "queue.list": {
    method: "GET",
    path: "/api/queue",
    summary: "Incidents awaiting the signed-in guarantor's position, oldest first",
    rules: only({ admin: "allow", guarantor: "own" }),
  },
  "map.get": {
    method: "GET",
    path: "/api/map",
    summary: "Incident points and counts per governorate for the map, with the same filters as the list",
    rules: everyone("visible"),
  },
  "stats.get": {
    method: "GET",
    path: "/api/stats",
    summary: "Violations over time per party and per governorate, with escalation alerts",
    rules: everyone("visible"),
  },
  "documents.get": {
    method: "GET",
    path: "/api/documents/:id",
    summary: "A stored document's text with the spans its reports were read from",
    rules: everyone("visible"),
  },
  "documents.ingest": {
    method: "POST",
    path: "/api/documents",
    summary: "Ingest a document (article text, JSON or HTML) as the command line's ingest does",
    rules: only({ admin: "allow" }),
  },
  "complaints.list": {
    method: "GET",
    path: "/api/complaints",
    summary: "Complaints: a party sees its own, guarantors and administrators all",
    rules: only({ admin: "allow", guarantor: "allow", party: "own" }),
  },
  "complaints.create": {
    method: "POST",
    path: "/api/complaints",
    summary: "File a complaint (a party) or an observation (a guarantor's monitor), with attachments",
    rules: only({ guarantor: "own", party: "own" }),
  },
  "attachments.get": {
    method: "GET",
    path: "/api/attachments/:id",
    summary: "A complaint's attachment, to those who may read the complaint",
    rules: only({ admin: "allow", guarantor: "allow", party: "own" }),
  },
  "bulletins.get": {
    method: "GET",
    path: "/api/bulletins/:period/:date",
    summary: "The daily or weekly bulletin of published incidents (HTML, PDF or Markdown)",
    rules: everyone("visible"),
  },
  "exports.get": {
    method: "GET",
    path: "/api/export/:format",
    summary: "Open data of published incidents: ACLED-style CSV, CSV with HXL tags, GeoJSON or Atom",
    rules: everyone("visible"),
  },
  "audit.checkpoint": {
    method: "GET",
    path: "/api/audit/checkpoint",
    summary: "The latest signed checkpoint of the audit log",
    rules: everyone("allow"),
  },
  "audit.proof": {
    method: "GET",
    path: "/api/audit/proof/:seq",
    summary: "The inclusion proof of audit entry N in the latest checkpoint: hashes only, never the entry",
    rules: everyone("allow"),
  },
  "audit.verify": {
    method: "POST",
    path: "/api/audit/verify",
    summary: "Recompute the whole audit log and check every checkpoint",
    rules: only({ admin: "allow" }),
  },
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof policy;

export const operationIds = Object.keys(policy) as OperationId[];

export function ruleFor(operation: OperationId, principal: Principal): Rule {
  return policy[operation].rules[principal.role];
}
