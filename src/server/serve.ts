// Runs the server until a signal: first-run set-up, the listening socket, publication every minute, a graceful stop.
// In a cluster (src/server/serve-cluster.ts) the primary does the set-up and the publication, the workers listen.
import type { FastifyInstance } from "fastify";
import { TruceError } from "../errors.js";
import { createServer } from "./app.js";
import type { ServerConfig } from "./config.js";
import type { ServerContext } from "./context.js";
import { type FirstRunReport, firstRun } from "./first-run.js";

/** How often publication runs while serving: the agreement's delays are counted in hours and days. */
export const PUBLISH_EVERY_MS = 60_000;

export interface Serving {
  readonly app: FastifyInstance;
  readonly context: ServerContext;
  readonly url: string;
  readonly firstRun: FirstRunReport;
  /** Stops accepting requests, lets those in flight finish, closes the store. */
  stop(): Promise<void>;
}

/**
 * What this process of the server does: `alone`, everything; in a cluster, the `primary` sets the store up
 * and publishes (once for all, every minute) without listening, and each `worker` only answers requests.
 */
export type ServerRole = "alone" | "primary" | "worker";

export interface ServeOptions {
  readonly samples: boolean;
  readonly logLevel?: string;
  readonly webRoot?: string;
  readonly role?: ServerRole;
}

/** Listens, or says plainly why the address cannot be had (taken, or not this process's to take). */
async function listen(app: FastifyInstance, config: ServerConfig): Promise<void> {
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EADDRINUSE" && code !== "EACCES" && code !== "EADDRNOTAVAIL") throw error;
    const why =
      code === "EADDRINUSE"
        ? "is in use by another program: stop it or choose another --port"
        : code === "EACCES"
          ? "may not be taken by this user: choose a --port above 1023"
          : "is not an address of this machine: choose another --host";
    throw new TruceError("TRUCE_E_SERVER_CONFIG", `${config.host}:${config.port} ${why}`, { cause: error });
  }
}

const noFirstRun: FirstRunReport = { samples: null, demonstration: null, admin: null };

export async function serve(config: ServerConfig, options: ServeOptions): Promise<Serving> {
  const role = options.role ?? "alone";
  const { app, context } = await createServer({
    config,
    logger: { level: options.logLevel ?? "warn" },
    ...(options.webRoot === undefined ? {} : { webRoot: options.webRoot }),
  });
  let timer: NodeJS.Timeout | null = null;
  try {
    let report = noFirstRun;
    if (role !== "worker") {
      report = await firstRun(context, { samples: options.samples });
      await context.afterVerdict();
      timer = setInterval(() => {
        context.afterVerdict().catch((error: unknown) => app.log.error({ err: error }, "publication failed"));
      }, PUBLISH_EVERY_MS);
    }
    if (role !== "primary") await listen(app, config);
    const address = app.server.address();
    const port = typeof address === "object" && address !== null ? address.port : config.port;
    const url = config.publicUrl.replace(/:\d+$/, `:${port}`);
    let stopping: Promise<void> | null = null;
    return {
      app,
      context,
      url: config.port === 0 ? url : config.publicUrl,
      firstRun: report,
      stop: () => {
        stopping ??= (async () => {
          if (timer !== null) clearInterval(timer);
          await app.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    if (timer !== null) clearInterval(timer);
    await app.close();
    throw error;
  }
}
