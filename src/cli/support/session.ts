// What data commands share: the store named by --db, the agreements, the audit key, a clock; closed at the end.
import {
  loadAgreement,
  loadExtractionContext,
  loadShippedAgreements,
} from "../../adapters/data/load-context.js";
import { type AuditSigningKey, loadOrCreateAuditKey } from "../../adapters/keys/audit-key.js";
import { openStore } from "../../adapters/store/open-store.js";
import { resolveAuditKeyPath, resolveDbSpec } from "../../config.js";
import type { Agreement } from "../../domain/agreement/schema.js";
import type { ExtractionContext } from "../../extraction/pipeline.js";
import type { Store } from "../../ports/store.js";

export const dbOptionHelp = "SQLite file or postgres:// URL (default: $TRUCE_DB, else ./truce.db)";
export const auditKeyOptionHelp =
  "audit signing key file (default: $TRUCE_AUDIT_KEY, else ./truce-audit.key)";

export interface DataOptions {
  readonly db?: string;
  readonly agreement?: string;
  readonly auditKey?: string;
}

export interface Session {
  readonly store: Store;
  readonly agreements: readonly Agreement[];
  readonly now: () => string;
  extraction(): Promise<ExtractionContext>;
  auditKey(): AuditSigningKey;
}

/** Opens what a data command needs and closes the store however the command ends. */
export async function withSession<T>(
  options: DataOptions,
  run: (session: Session) => Promise<T>,
): Promise<T> {
  const agreements = options.agreement ? [loadAgreement(options.agreement)] : loadShippedAgreements();
  const store = await openStore(resolveDbSpec(options.db));
  try {
    return await run({
      store,
      agreements,
      now: () => new Date().toISOString(),
      extraction: () => loadExtractionContext({ agreementFile: options.agreement }),
      auditKey: () => loadOrCreateAuditKey(resolveAuditKeyPath(options.auditKey)),
    });
  } finally {
    await store.close();
  }
}
