// Serves the web application (web/dist, built by `npm run build:web`): its files, and index.html for the client's
// own routes, so that a reload of /incidents/… works. Without a build, `/` says how to make one.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { errorOf } from "./http-errors.js";

/** web/dist beside src/ and dist/ alike. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../web/dist/", import.meta.url));

/** The pages the web application routes in the browser (see the HTTP contract). */
const clientRoutes = [
  /^\/$/,
  /^\/incidents\/[A-Za-z0-9_-]{1,100}\/?$/,
  /^\/queue\/?$/,
  /^\/complaints\/new\/?$/,
  /^\/dashboard\/?$/,
  /^\/bulletins\/?$/,
  /^\/login\/?$/,
];

export const isClientRoute = (url: string): boolean => {
  const pathname = url.split("?")[0] ?? "";
  return clientRoutes.some((r) => r.test(pathname));
};

const notBuilt = (root: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Truce</title></head>
<body>
<h1>Truce is running</h1>
<p>The API answers under <a href="/api/incidents">/api/</a>, documented at <a href="/openapi.json">/openapi.json</a>.</p>
<p>The web application is not built: there is no ${root.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}.
Build it with <code>npm run build:web</code> and restart the server.</p>
</body></html>
`;

/** Registers the static files and the not-found handler: JSON errors under /api/, the app's pages elsewhere. */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  const built = existsSync(path.join(root, "index.html"));
  if (built) {
    await app.register(fastifyStatic, { root, wildcard: true, index: false, maxAge: "1h", schemaHide: true });
    // The root is a folder to the static files; to the browser it is the map page.
    app.get("/", { schema: { hide: true } }, (_request, reply) =>
      reply.header("cache-control", "no-cache").sendFile("index.html"),
    );
  }
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (request.url === "/api" || request.url.startsWith("/api/")) {
      return reply
        .code(404)
        .send(
          errorOf(
            "TRUCE_E_NOT_FOUND",
            `there is no ${request.method} ${(request.url.split("?")[0] ?? "").slice(0, 200)} in the API: see /openapi.json`,
          ),
        );
    }
    if ((request.method === "GET" || request.method === "HEAD") && isClientRoute(request.url)) {
      if (built) return reply.header("cache-control", "no-cache").sendFile("index.html");
      return reply.type("text/html; charset=utf-8").send(notBuilt(root));
    }
    return reply
      .code(404)
      .send(
        errorOf("TRUCE_E_NOT_FOUND", `there is no page ${(request.url.split("?")[0] ?? "").slice(0, 200)}`),
      );
  });
}
