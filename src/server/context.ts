// What every handler may use: the store, the agreement the server monitors, the audit key, the clock.
import type { AuditSigningKey } from "../adapters/keys/audit-key.js";
import type { Agreement } from "../domain/agreement/schema.js";
import type { ExtractionContext } from "../extraction/pipeline.js";
import type { Store } from "../ports/store.js";
import type { ServerConfig } from "./config.js";
import type { PublicAnswerCache } from "./public-cache.js";

export interface ServerContext {
  readonly config: ServerConfig;
  readonly store: Store;
  /** The agreement in force for this server: what positions are judged and incidents published under. */
  readonly agreement: Agreement;
  /** `[agreement]`, as the use cases take a list. */
  readonly agreements: readonly Agreement[];
  readonly auditKey: AuditSigningKey;
  readonly now: () => string;
  /** The reading pipeline's knowledge, loaded on first use (ingest through the API). */
  readonly extraction: () => Promise<ExtractionContext>;
  /** Runs after every write: signs a checkpoint over the log (bursts share one), so proofs cover the write. */
  readonly afterWrite: () => Promise<void>;
  /** Runs after every recorded verdict: publishes what the agreement's policy says is due, then signs. */
  readonly afterVerdict: () => Promise<void>;
  /** The public's answers kept for the routes that allow it; null when the configuration turns it off. */
  readonly publicCache: PublicAnswerCache | null;
}
