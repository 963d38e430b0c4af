// The first run of a fresh store: the shipped samples (fictional articles and a feed) read in, the fictional
// demonstration decisions of samples/decisions recorded through the ordinary use cases (so that verdicts exist
// and some incidents are published on the public map), and the first administrator created.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { feedSource } from "../adapters/sources/feed-source.js";
import { fileSource } from "../adapters/sources/file-source.js";
import { accountsDeps } from "../application/accounts/accounts-deps.js";
import { createUser } from "../application/accounts/create-user.js";
import { ensureFirstAdmin, type FirstAdmin } from "../application/accounts/first-admin.js";
import { checkpointNow } from "../application/audit-trail.js";
import { type IngestSummary, ingest } from "../application/ingest.js";
import { publishDue } from "../application/publication/publish-due.js";
import { recordPosition } from "../application/record-position.js";
import type { Store } from "../ports/store.js";
import type { ServerContext } from "./context.js";

/** samples/ beside src/ and dist/ alike. */
export const SAMPLES_DIR = fileURLToPath(new URL("../../samples/", import.meta.url));

const demonstration = z.object({
  about: z.string(),
  accounts: z.array(z.object({ username: z.string(), guarantor: z.string() })),
  decisions: z.array(
    z.object({
      document: z.string(),
      location: z.string(),
      positions: z.array(
        z.object({
          account: z.string(),
          at: z.iso.datetime(),
          position: z.enum(["violation", "no_violation", "insufficient_evidence"]),
          party: z.string().optional(),
          rationale: z.string(),
        }),
      ),
    }),
  ),
});

export interface FirstRunReport {
  /** What reading the samples did; null when the store already held data. */
  readonly samples: IngestSummary | null;
  /** Positions recorded and incidents published by the demonstration; null when not run. */
  readonly demonstration: { readonly positions: number; readonly published: number } | null;
  /** The first administrator's credentials, to print once; null when an account existed. */
  readonly admin: FirstAdmin | null;
}

/** The incident holding the report read from `file` at `location`, among a store's first incidents. */
async function incidentOf(store: Store, file: string, location: string): Promise<string | null> {
  const hash = createHash("sha256").update(readFileSync(file, "utf8"), "utf8").digest("hex");
  const document = await store.documents.getByHash(hash);
  if (document === null) return null;
  const report = (await store.reports.byDocument(document.id)).find((r) => r.location === location);
  if (report === undefined) return null;
  let after: string | null = null;
  do {
    const page = await store.incidents.list({ limit: 1000, after });
    const found = page.items.find((i) => i.reportIds.includes(report.id));
    if (found !== undefined) return found.id;
    after = page.next;
  } while (after !== null);
  return null;
}

async function recordDemonstration(
  context: ServerContext,
  samplesDir: string,
): Promise<{ positions: number }> {
  const file = path.join(samplesDir, "decisions", "demonstration.json");
  const plan = demonstration.parse(JSON.parse(readFileSync(file, "utf8")));
  const accounts = accountsDeps(context.store, context.agreements, { now: context.now });
  const guarantorOf = new Map<string, string>();
  for (const account of plan.accounts) {
    // The demonstration accounts only sign the shipped decisions: their passwords are random and never shown
    // (an administrator may set one to sign in as them).
    await createUser(accounts, {
      username: account.username,
      password: randomBytes(24).toString("base64url"),
      role: "guarantor",
      guarantor: account.guarantor,
    });
    guarantorOf.set(account.username, account.guarantor);
  }
  let positions = 0;
  for (const decision of plan.decisions) {
    const incidentId = await incidentOf(
      context.store,
      path.join(samplesDir, decision.document),
      decision.location,
    );
    if (incidentId === null) continue;
    for (const p of decision.positions) {
      const guarantor = guarantorOf.get(p.account);
      if (guarantor === undefined) continue;
      // Recorded at the time the demonstration's timeline gives, through the use case a guarantor's request runs.
      await recordPosition(
        { store: context.store, agreements: context.agreements, now: () => p.at },
        {
          incidentId,
          guarantor,
          position: p.position,
          party: p.party ?? null,
          rationale: p.rationale,
          by: p.account,
        },
      );
      positions++;
    }
  }
  return { positions };
}

/**
 * On an empty store (no document, no audit entry): reads the samples and records the demonstration. On a store
 * with no account: creates the first administrator. Either may be skipped; a store with data is left as it is.
 */
export async function firstRun(
  context: ServerContext,
  options: { readonly samples: boolean; readonly samplesDir?: string },
): Promise<FirstRunReport> {
  const { store } = context;
  // First: the demonstration's accounts must not count as "an account exists".
  const admin = await ensureFirstAdmin(store, { now: context.now });
  const samplesDir = options.samplesDir ?? SAMPLES_DIR;
  let samples: IngestSummary | null = null;
  let demo: FirstRunReport["demonstration"] = null;
  if (options.samples && (await store.audit.size()) === 0 && (await store.incidents.count()) === 0) {
    const seen = async (feed: string, itemId: string) =>
      (await store.feeds.readItems(feed, [itemId])).has(itemId);
    samples = await ingest(
      [
        fileSource([path.join(samplesDir, "articles")]),
        feedSource(path.join(samplesDir, "feeds", "truce-sample.rss"), seen),
      ],
      {
        store,
        extraction: await context.extraction(),
        agreements: context.agreements,
        now: context.now,
      },
    );
    const { positions } = await recordDemonstration(context, samplesDir);
    const published = await publishDue(store, context.agreement, context.now());
    demo = { positions, published: published.published.length };
    await checkpointNow(store, context.auditKey, context.now());
  }
  return { samples, demonstration: demo, admin };
}
