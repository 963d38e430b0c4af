// The server as several processes sharing one port (node:cluster), so that reading the store uses every core:
// the primary sets the store up (first run) and publishes every minute, once for all, without listening; each
// worker answers requests over its own connection to the same store (SQLite in WAL mode lets them read at once
// and takes writers in turn; PostgreSQL is built for it). Everything a request needs lives in the store:
// sessions, sign-in throttling, the audit log. What stays per process: the API's requests-per-minute limit is
// counted by each worker on its own, so a client spread over N connections may send up to N times it.
import cluster, { type Worker } from "node:cluster";
import { fileURLToPath } from "node:url";
import { TruceError } from "../errors.js";
import type { ServerConfig } from "./config.js";
import type { FirstRunReport } from "./first-run.js";
import { type ServeOptions, serve } from "./serve.js";

/** What a worker is told by its primary, in the environment variable WORKER_ENV. */
export interface WorkerOrders {
  readonly config: ServerConfig;
  readonly logLevel?: string;
  readonly webRoot?: string;
}

export const WORKER_ENV = "TRUCE_CLUSTER_WORKER";

/** A worker that dies is replaced after this pause, so that one failing at once does not spin the primary. */
const RESTART_DELAY_MS = 1000;
/** How long stopping waits for a worker's requests in flight before killing it. */
const STOP_GRACE_MS = 10_000;

export interface ClusterServing {
  readonly url: string;
  readonly firstRun: FirstRunReport;
  /** The process ids of the workers now listening. */
  workerPids(): number[];
  /** Stops the workers (each finishes its requests in flight), then the primary; resolves when all are gone. */
  stop(): Promise<void>;
}

/** The worker's entry, beside this file: .ts when running from the sources (tsx), .js when compiled. */
const workerEntry = fileURLToPath(
  new URL(import.meta.url.endsWith(".ts") ? "./cluster-worker.ts" : "./cluster-worker.js", import.meta.url),
);

function exited(worker: Worker): Promise<void> {
  if (worker.isDead()) return Promise.resolve();
  return new Promise((resolve) => worker.once("exit", () => resolve()));
}

async function stopWorker(worker: Worker): Promise<void> {
  if (worker.isDead()) return;
  worker.process.kill("SIGTERM");
  const timer = setTimeout(() => worker.process.kill("SIGKILL"), STOP_GRACE_MS);
  await exited(worker);
  clearTimeout(timer);
}

/**
 * Serves with `config.workers` worker processes. Resolves once every worker listens; rejects (with every
 * process stopped) if one fails to start, e.g. the port is taken.
 */
export async function serveCluster(
  config: ServerConfig,
  options: Omit<ServeOptions, "role">,
): Promise<ClusterServing> {
  const primary = await serve(config, { ...options, role: "primary" });
  const orders: WorkerOrders = {
    config,
    ...(options.logLevel === undefined ? {} : { logLevel: options.logLevel }),
    ...(options.webRoot === undefined ? {} : { webRoot: options.webRoot }),
  };
  cluster.setupPrimary({ exec: workerEntry, args: [], execArgv: process.execArgv });
  const workers = new Set<Worker>();
  const listening = new Set<Worker>();
  let stopping = false;
  let started = false;
  const fork = (): Worker => {
    const worker = cluster.fork({ [WORKER_ENV]: JSON.stringify(orders) });
    workers.add(worker);
    worker.once("listening", () => listening.add(worker));
    worker.once("exit", (code, signal) => {
      workers.delete(worker);
      listening.delete(worker);
      if (stopping || !started) return;
      process.stderr.write(
        `truce: server worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another\n`,
      );
      setTimeout(() => {
        if (!stopping) fork();
      }, RESTART_DELAY_MS);
    });
    return worker;
  };
  const stop = async (): Promise<void> => {
    stopping = true;
    await Promise.all([...workers].map(stopWorker));
    await primary.stop();
  };
  try {
    const ports = await Promise.all(
      Array.from({ length: config.workers }, () => {
        const worker = fork();
        return new Promise<number>((resolve, reject) => {
          worker.once("listening", (address) => resolve(address.port));
          worker.once("exit", (code, signal) =>
            reject(
              new TruceError(
                "TRUCE_E_SERVER_CONFIG",
                `a server worker failed to start (${signal ?? `exit code ${code}`}): its message is above`,
              ),
            ),
          );
        });
      }),
    );
    started = true;
    const port = ports[0] ?? config.port;
    return {
      url: config.port === 0 ? config.publicUrl.replace(/:\d+$/, `:${port}`) : config.publicUrl,
      firstRun: primary.firstRun,
      workerPids: () => [...listening].flatMap((w) => (w.process.pid === undefined ? [] : [w.process.pid])),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
