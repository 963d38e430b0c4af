// `truce serve`: the HTTP API and the web application over the same use cases as the other commands.
import type { Command } from "commander";
import { loadServerConfig } from "../../server/config.js";
import { serve } from "../../server/serve.js";
import { serveCluster } from "../../server/serve-cluster.js";
import { type CliIo, processIo } from "../support/cli-io.js";
import { auditKeyOptionHelp, dbOptionHelp } from "../support/session.js";

interface ServeOptions {
  readonly db?: string;
  readonly host?: string;
  readonly port?: string;
  readonly agreement?: string;
  readonly auditKey?: string;
  readonly publicUrl?: string;
  readonly workers?: string;
  readonly samples: boolean;
}

export function registerServe(
  program: Command,
  setExitCode: (code: number) => void,
  io: CliIo = processIo,
): void {
  program
    .command("serve")
    .description(
      "serve the API (/api/, documented at /openapi.json) and the web application; a fresh store gets the samples and a first administrator",
    )
    .option("--db <db>", dbOptionHelp)
    .option("--host <address>", "address to listen on (default: $TRUCE_HOST, else 127.0.0.1)")
    .option("--port <port>", "port to listen on (default: $TRUCE_PORT, else 8080; 0 picks a free one)")
    .option("--agreement <file>", "the agreement to monitor (default: $TRUCE_AGREEMENT, else Syria 2016)")
    .option("--audit-key <file>", auditKeyOptionHelp)
    .option(
      "--public-url <url>",
      "where people reach the server, when behind a proxy (default: $TRUCE_PUBLIC_URL)",
    )
    .option(
      "--workers <n>",
      "server processes sharing the port, e.g. one per core (default: $TRUCE_WORKERS, else 1)",
    )
    .option("--no-samples", "do not read the shipped samples into an empty store")
    .action(async (options: ServeOptions) => {
      const config = loadServerConfig(options, process.env);
      const serving =
        config.workers > 1
          ? await serveCluster(config, { samples: options.samples })
          : await serve(config, { samples: options.samples });
      const { samples, demonstration, admin } = serving.firstRun;
      const lines = [
        `Truce is serving ${config.db} at ${serving.url}${config.workers > 1 ? ` (${config.workers} worker processes)` : ""}`,
      ];
      if (samples !== null) {
        lines.push(
          `first run: read the shipped samples (${samples.documentsNew} documents, ${samples.reports} reports, ${samples.incidentsCreated} incidents)`,
        );
      }
      if (demonstration !== null) {
        lines.push(
          `first run: recorded ${demonstration.positions} fictional demonstration positions (samples/decisions); ${demonstration.published} incidents published`,
        );
      }
      if (admin !== null) {
        lines.push(
          "first run: created the administrator account (the password is shown only this once):",
          `  username: ${admin.username}`,
          `  password: ${admin.password}`,
          `  sign in at ${serving.url}/login`,
        );
      }
      lines.push(`API documentation: ${serving.url}/openapi.json`, "Stop with Ctrl-C.");
      io.out(`${lines.join("\n")}\n`);
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          io.err(`truce: ${signal}: finishing the requests in flight, then stopping\n`);
          serving.stop().then(resolve, resolve);
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      setExitCode(0);
    });
}
