// The one query layer: builds a Store from any Kysely instance, so both engines run the same queries.
import type { Kysely } from "kysely";
import type { Repositories, Store } from "../../ports/store.js";
import { accountRepositories } from "./repositories/accounts.js";
import { auditRepository } from "./repositories/audit.js";
import { attachmentRepository, complaintRepository } from "./repositories/complaints.js";
import { documentRepository } from "./repositories/documents.js";
import { feedStateRepository } from "./repositories/feeds.js";
import { incidentRepository } from "./repositories/incidents.js";
import { ingestionRepository } from "./repositories/ingestion.js";
import { reportRepository } from "./repositories/reports.js";
import type { EngineHooks, Executor } from "./repositories/support.js";
import {
  linkConstraintRepository,
  positionRepository,
  replyRepository,
  verdictRepository,
} from "./repositories/verification.js";
import type { Database } from "./schema.js";

const repositories = (db: Executor, hooks: EngineHooks): Repositories => ({
  ...accountRepositories(db),
  documents: documentRepository(db),
  reports: reportRepository(db),
  incidents: incidentRepository(db),
  linkConstraints: linkConstraintRepository(db),
  positions: positionRepository(db),
  verdicts: verdictRepository(db),
  replies: replyRepository(db),
  audit: auditRepository(db, hooks),
  feeds: feedStateRepository(db),
  ingestion: ingestionRepository(db, hooks),
  complaints: complaintRepository(db),
  attachments: attachmentRepository(db),
});

/** A store over an open, migrated database; closing the store destroys `db`. */
export function kyselyStore(db: Kysely<Database>, hooks: EngineHooks): Store {
  return {
    ...repositories(db, hooks),
    engine: hooks.engine,
    transaction: (fn) => db.transaction().execute((trx) => fn(repositories(trx, hooks))),
    close: () => db.destroy(),
  };
}
