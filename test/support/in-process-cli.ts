// Runs the read-side commands in this process (no build, no child start-up) and ingests fixtures through the use case.

import { Command, CommanderError } from "commander";
import { loadExtractionContext, loadShippedAgreements } from "../../src/adapters/data/load-context.js";
import { loadOrCreateAuditKey } from "../../src/adapters/keys/audit-key.js";
import { fileSource } from "../../src/adapters/sources/file-source.js";
import { openStore } from "../../src/adapters/store/open-store.js";
import { checkpointNow } from "../../src/application/audit-trail.js";
import { type IngestSummary, ingest } from "../../src/application/ingest.js";
import { registerBulletin } from "../../src/cli/commands/bulletin.js";
import { registerExport } from "../../src/cli/commands/export.js";
import { registerIncident } from "../../src/cli/commands/incident.js";
import { registerIncidents } from "../../src/cli/commands/incidents.js";
import { registerPublish } from "../../src/cli/commands/publish.js";
import { registerVerify } from "../../src/cli/commands/verify.js";
import type { CliIo } from "../../src/cli/support/cli-io.js";
import { isTruceError } from "../../src/errors.js";

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `truce <args>` as main() runs it (same error-to-exit-code mapping), with output captured. */
export async function truce(...args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    out: (s) => {
      stdout += s;
    },
    err: (s) => {
      stderr += s;
    },
  };
  let code = 0;
  const setExitCode = (c: number) => {
    code = c;
  };
  const program = new Command()
    .name("truce")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerIncidents(program, setExitCode, io);
  registerIncident(program, setExitCode, io);
  registerVerify(program, setExitCode, io);
  registerPublish(program, setExitCode, io);
  registerExport(program, setExitCode, io);
  registerBulletin(program, setExitCode, io);
  try {
    await program.parseAsync(args, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 64;
    else if (isTruceError(error)) {
      stderr += `truce: ${error.message} [${error.code}]\n`;
      code = error.exitCode;
    } else throw error;
  }
  return { code, stdout, stderr };
}

/** What `truce ingest` does, minus the printing: store and read the files, then sign a checkpoint. */
export async function ingestFiles(
  db: string,
  auditKey: string,
  inputs: readonly string[],
): Promise<IngestSummary> {
  const store = await openStore(db);
  try {
    let now = Date.parse("2024-05-01T00:00:00.000Z");
    // A clock that ticks, so updatedAt orders incidents deterministically.
    const clock = () => {
      now += 1000;
      return new Date(now).toISOString();
    };
    const summary = await ingest([fileSource(inputs)], {
      store,
      extraction: await loadExtractionContext({}),
      agreements: loadShippedAgreements(),
      now: clock,
    });
    await checkpointNow(store, loadOrCreateAuditKey(auditKey), clock());
    return summary;
  } finally {
    await store.close();
  }
}
