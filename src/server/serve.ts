// Runs the server until a signal: first-run set-up, the listening socket, publication every minute, a graceful stop.
import type { FastifyInstance } from "fastify";
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

export async function serve(
  config: ServerConfig,
  options: { readonly samples: boolean; readonly logLevel?: string; readonly webRoot?: string },
): Promise<Serving> {
  const { app, context } = await createServer({
    config,
    logger: { level: options.logLevel ?? "warn" },
    ...(options.webRoot === undefined ? {} : { webRoot: options.webRoot }),
  });
  let timer: NodeJS.Timeout | null = null;
  try {
    const report = await firstRun(context, { samples: options.samples });
    await context.afterVerdict();
    await app.listen({ host: config.host, port: config.port });
    timer = setInterval(() => {
      context.afterVerdict().catch((error: unknown) => app.log.error({ err: error }, "publication failed"));
    }, PUBLISH_EVERY_MS);
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
