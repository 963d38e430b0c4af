// A real server on 127.0.0.1 (port 0) over a fresh SQLite file, with one account of every role, an API token
// for each, a clock the test moves, and a scenario of complaints and verdicts for the access rules to bite on.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { accountsDeps } from "../../src/application/accounts/accounts-deps.js";
import { createApiToken } from "../../src/application/accounts/api-tokens.js";
import { createUser } from "../../src/application/accounts/create-user.js";
import { scryptHasher } from "../../src/application/accounts/password-hasher.js";
import type { UserAccount } from "../../src/ports/accounts.js";
import { createServer, type TruceServer } from "../../src/server/app.js";
import { loadServerConfig } from "../../src/server/config.js";

/** One account per role (two parties, three guarantor states), and the public. */
export type Actor = "admin" | "ru" | "tr" | "ir" | "gov" | "opp" | "observer" | "public";

const accounts: Record<Exclude<Actor, "public">, { role: string; party?: string; guarantor?: string }> = {
  admin: { role: "admin" },
  ru: { role: "guarantor", guarantor: "RU" },
  tr: { role: "guarantor", guarantor: "TR" },
  ir: { role: "guarantor", guarantor: "IR" },
  gov: { role: "party", party: "SY-GOV" },
  opp: { role: "party", party: "SY-OPP" },
  observer: { role: "observer" },
};

export const PASSWORD = "correct horse battery staple";

/** Points inside governorates of Syria, for complaints placed on the map. */
export const places = {
  aleppo: { lat: 36.2, lon: 37.16 },
  douma: { lat: 33.57, lon: 36.4 },
  idlib: { lat: 35.93, lon: 36.63 },
  hama: { lat: 35.13, lon: 36.75 },
  homs: { lat: 34.73, lon: 36.71 },
  daraa: { lat: 32.62, lon: 36.1 },
} as const;

export interface Response {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever shape the route answers with
  readonly json: any;
}

export interface Harness {
  readonly url: string;
  readonly server: TruceServer;
  readonly users: Record<Exclude<Actor, "public">, UserAccount>;
  readonly tokens: Record<Exclude<Actor, "public">, string>;
  /** Moves the server's clock on. */
  advance(ms: number): void;
  request(
    actor: Actor,
    method: string,
    urlPath: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  close(): Promise<void>;
}

/** One request to the server at `url`, as the holder of `token` (null: the public); a string body is sent as is. */
export async function send(
  url: string,
  token: string | null,
  method: string,
  urlPath: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const init: RequestInit & { headers: Record<string, string> } = { method, headers: { ...headers } };
  if (token !== null) init.headers.authorization = `Bearer ${token}`;
  if (body instanceof FormData) init.body = body;
  else if (typeof body === "string") {
    init.body = body;
    init.headers["content-type"] ??= "application/json";
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers["content-type"] = "application/json";
  }
  const response = await fetch(`${url}${urlPath}`, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export async function startHarness(options: { rateLimit?: number } = {}): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), "truce-server-"));
  let clock = Date.parse("2026-11-28T12:00:00.000Z");
  const now = () => new Date(clock).toISOString();
  const config = loadServerConfig(
    { db: path.join(dir, "truce.db"), port: 0, auditKey: path.join(dir, "audit.key") },
    { TRUCE_RATE_LIMIT: String(options.rateLimit ?? 100_000) },
  );
  const server = await createServer({ config, now });
  await server.app.listen({ host: "127.0.0.1", port: 0 });
  const address = server.app.server.address();
  if (address === null || typeof address === "string") throw new Error("the server has no port");
  const url = `http://127.0.0.1:${address.port}`;
  // Cheap parameters: tests hash a dozen passwords; the server's own default stays memory-hard.
  const deps = accountsDeps(server.context.store, server.context.agreements, {
    hasher: scryptHasher({ ln: 10, r: 8, p: 1 }),
    now,
  });
  const users = {} as Record<Exclude<Actor, "public">, UserAccount>;
  const tokens = {} as Record<Exclude<Actor, "public">, string>;
  for (const [name, spec] of Object.entries(accounts) as [
    Exclude<Actor, "public">,
    (typeof accounts)["admin"],
  ][]) {
    users[name] = await createUser(deps, { username: `t-${name}`, password: PASSWORD, ...spec });
    tokens[name] = (await createApiToken(deps, users[name], "tests")).secret;
  }
  return {
    url,
    server,
    users,
    tokens,
    advance: (ms) => {
      clock += ms;
    },
    request: (actor, method, urlPath, body, headers = {}) =>
      send(url, actor === "public" ? null : tokens[actor], method, urlPath, body, headers),
    async close() {
      await server.app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ComplaintFields {
  readonly narrative?: string;
  readonly date?: string;
  readonly at: { readonly lat: number; readonly lon: number };
  readonly accused: string;
  readonly subEventType?: string;
  readonly witness?: string;
  readonly coordinatesRestricted?: boolean;
  readonly killed?: number;
}

export const complaintBody = (c: ComplaintFields) => ({
  narrative:
    c.narrative ?? "Mortar shells struck a residential street in the morning; two houses were destroyed.",
  date: c.date ?? "2017-02-15",
  datePrecision: 1,
  lat: c.at.lat,
  lon: c.at.lon,
  subEventType: c.subEventType ?? "Shelling/artillery/missile attack",
  accused: c.accused,
  ...(c.witness === undefined ? {} : { witness: c.witness }),
  ...(c.coordinatesRestricted === undefined ? {} : { coordinatesRestricted: c.coordinatesRestricted }),
  ...(c.killed === undefined ? {} : { killed: c.killed }),
});

/** Files a complaint over the API and returns what the server filed; throws unless it was accepted. */
export async function fileComplaint(h: Harness, actor: Actor, c: ComplaintFields) {
  const r = await h.request(actor, "POST", "/api/complaints", complaintBody(c));
  if (r.status !== 201) throw new Error(`complaint refused: ${r.status} ${r.text}`);
  return r.json as { complaintId: string; documentId: string; reportId: string; incidentId: string };
}

/** The three guarantors of the 2016 ceasefire find a violation by `party`: a verdict, the incident decided. */
export async function judge(h: Harness, incidentId: string, party: string): Promise<void> {
  for (const actor of ["ru", "tr", "ir"] as const) {
    const r = await h.request(actor, "POST", `/api/incidents/${incidentId}/positions`, {
      position: "violation",
      party,
      rationale: "The complaint's account stands.",
    });
    if (r.status !== 201) throw new Error(`position refused: ${r.status} ${r.text}`);
  }
}

export const DAY_MS = 86_400_000;

export interface Scenario {
  /** SY-GOV's complaint (against SY-OPP), unpublished: the government's own, the opposition's "other". */
  readonly gov: Awaited<ReturnType<typeof fileComplaint>>;
  /** SY-OPP's complaint (against SY-GOV), unpublished. */
  readonly opp: Awaited<ReturnType<typeof fileComplaint>>;
  /** SY-OPP's complaint judged a violation by SY-GOV and published: SY-GOV may reply. */
  readonly published: Awaited<ReturnType<typeof fileComplaint>>;
  /** SY-GOV's complaint judged a violation by SY-OPP, unpublished: SY-OPP may reply, SY-GOV may not. */
  readonly againstOpp: Awaited<ReturnType<typeof fileComplaint>>;
  /** Attachments: SY-GOV's on its complaint, SY-OPP's on its own. */
  readonly govAttachment: string;
  readonly oppAttachment: string;
}

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082",
  "hex",
);

async function complaintWithFile(
  h: Harness,
  actor: Actor,
  c: ComplaintFields,
): Promise<{
  complaintId: string;
  incidentId: string;
  attachmentIds: string[];
  documentId: string;
  reportId: string;
}> {
  const form = new FormData();
  for (const [k, v] of Object.entries(complaintBody(c))) form.append(k, String(v));
  form.append("evidence", new Blob([PNG], { type: "image/png" }), "photo.png");
  const r = await h.request(actor, "POST", "/api/complaints", form);
  if (r.status !== 201) throw new Error(`complaint refused: ${r.status} ${r.text}`);
  return r.json;
}

export async function seedScenario(h: Harness): Promise<Scenario> {
  const gov = await complaintWithFile(h, "gov", {
    at: places.aleppo,
    accused: "SY-OPP",
    witness: "Witness W. (restricted)",
    date: "2017-02-15",
  });
  const opp = await complaintWithFile(h, "opp", { at: places.douma, accused: "SY-GOV", date: "2017-02-16" });
  const published = await fileComplaint(h, "opp", {
    at: places.idlib,
    accused: "SY-GOV",
    date: "2017-02-10",
  });
  const againstOpp = await fileComplaint(h, "gov", {
    at: places.daraa,
    accused: "SY-OPP",
    date: "2017-02-20",
  });
  await judge(h, published.incidentId, "SY-GOV");
  // Syria 2016 publishes a verdict's incident a day after it: two days on, the first verdict is due.
  h.advance(2 * DAY_MS);
  await h.server.context.afterVerdict();
  await judge(h, againstOpp.incidentId, "SY-OPP");
  return {
    gov,
    opp,
    published,
    againstOpp,
    govAttachment: gov.attachmentIds[0] as string,
    oppAttachment: opp.attachmentIds[0] as string,
  };
}
