// One worker process of `truce serve --workers N`: serves requests with the configuration its primary checked,
// until told to stop (SIGTERM from the primary, or SIGINT from a terminal's Ctrl-C, which reaches every process).
import cluster from "node:cluster";
import { serve } from "./serve.js";
import { WORKER_ENV, type WorkerOrders } from "./serve-cluster.js";

function orders(): WorkerOrders {
  const text = process.env[WORKER_ENV];
  if (!cluster.isWorker || text === undefined) {
    throw new Error(`this is a worker of \`truce serve --workers N\`, started by it, not by hand`);
  }
  return JSON.parse(text) as WorkerOrders;
}

try {
  const { config, logLevel, webRoot } = orders();
  const serving = await serve(config, {
    samples: false,
    role: "worker",
    ...(logLevel === undefined ? {} : { logLevel }),
    ...(webRoot === undefined ? {} : { webRoot }),
  });
  const stop = (): void => {
    serving.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
} catch (error) {
  process.stderr.write(
    `truce: a server worker could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
