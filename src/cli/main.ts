// The `truce` command line: parses arguments and hands each command to its use case.
import { Command, CommanderError } from "commander";
import { isTruceError } from "../errors.js";
import { registerBulletin } from "./commands/bulletin.js";
import { registerExport } from "./commands/export.js";
import { registerExtract } from "./commands/extract.js";
import { registerIncident } from "./commands/incident.js";
import { registerIncidents } from "./commands/incidents.js";
import { registerIngest } from "./commands/ingest.js";
import { registerMerge } from "./commands/merge.js";
import { registerMigrate } from "./commands/migrate.js";
import { registerPosition } from "./commands/position.js";
import { registerPublish } from "./commands/publish.js";
import { registerReply } from "./commands/reply.js";
import { registerServe } from "./commands/serve.js";
import { registerSplit } from "./commands/split.js";
import { registerUsers } from "./commands/users.js";
import { registerVerify } from "./commands/verify.js";
import { registerWorker } from "./commands/worker.js";

/** Every command, in the order `truce --help` lists them. */
const commands = [
  registerExtract,
  registerIngest,
  registerIncidents,
  registerIncident,
  registerPosition,
  registerReply,
  registerMerge,
  registerSplit,
  registerPublish,
  registerExport,
  registerBulletin,
  registerVerify,
  registerMigrate,
  registerWorker,
  registerUsers,
  registerServe,
];

export async function main(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`truce extract … | head -1`) is not an error: stop quietly, without a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  const program = new Command()
    .name("truce")
    .description("Ceasefire monitoring: reads reports of violations and applies the agreement's rules.")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  for (const register of commands) register(program, setExitCode);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 64;
    if (isTruceError(error)) {
      process.stderr.write(`truce: ${error.message} [${error.code}]\n`);
      return error.exitCode;
    }
    throw error;
  }
}
