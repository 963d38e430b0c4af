// The HTTP server: Fastify with zod schemas (validation, serialisation, the OpenAPI 3.1 document), strict
// security headers, one error shape, rate limits, the API registered from the policy table and the web app.
import fastifyHelmet from "@fastify/helmet";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { loadAgreement, loadExtractionContext } from "../adapters/data/load-context.js";
import { type AuditSigningKey, loadOrCreateAuditKey } from "../adapters/keys/audit-key.js";
import { openStore } from "../adapters/store/open-store.js";
import { checkpointNow } from "../application/audit-trail.js";
import { publishDue } from "../application/publication/publish-due.js";
import type { Agreement } from "../domain/agreement/schema.js";
import type { Store } from "../ports/store.js";
import { authModule } from "./auth/index.js";
import { coalesced } from "./coalesced.js";
import { MiB, type ServerConfig } from "./config.js";
import type { ServerContext } from "./context.js";
import { handleError } from "./http-errors.js";
import { PublicAnswerCache } from "./public-cache.js";
import { refuseUnlistedRoutes, registerRoutes } from "./register-routes.js";
import { apiRoutes } from "./routes/index.js";
import { DEFAULT_WEB_ROOT, registerWebApp } from "./web-app.js";

/** The longest the public is given a kept answer: the dashboard's default period ends today. */
const PUBLIC_ANSWER_MAX_AGE_MS = 60_000;

export interface CreateServerOptions {
  readonly config: ServerConfig;
  /** An open store to serve (tests, the benchmark); else the one `config.db` names, opened and closed here. */
  readonly store?: Store;
  readonly agreement?: Agreement;
  readonly auditKey?: AuditSigningKey;
  readonly now?: () => string;
  /** Fastify's logger: false (default) for tests, true or options for `truce serve`. */
  readonly logger?: boolean | { readonly level: string };
  /** The built web application; default web/dist. */
  readonly webRoot?: string;
}

export interface TruceServer {
  readonly app: FastifyInstance;
  readonly context: ServerContext;
}

/** The Content-Security-Policy: everything from this server, no inline script, nothing from elsewhere. */
function contentSecurityPolicy(secure: boolean) {
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:", "blob:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      workerSrc: ["'self'", "blob:"],
      // Over plain HTTP (127.0.0.1) an upgrade would break every request; behind HTTPS it closes mixed content.
      ...(secure ? { upgradeInsecureRequests: [] } : {}),
    },
  };
}

export async function createServer(options: CreateServerOptions): Promise<TruceServer> {
  const { config } = options;
  const ownsStore = options.store === undefined;
  const store = options.store ?? (await openStore(config.db));
  try {
    const agreement = options.agreement ?? loadAgreement(config.agreement);
    const auditKey = options.auditKey ?? loadOrCreateAuditKey(config.auditKey);
    const now = options.now ?? (() => new Date().toISOString());
    const sign = coalesced(async () => {
      if ((await store.audit.size()) === ((await store.audit.latestCheckpoint())?.treeSize ?? 0)) return;
      await checkpointNow(store, auditKey, now());
    });
    const publish = coalesced(async () => {
      await publishDue(store, agreement, now());
    });
    const context: ServerContext = {
      config,
      store,
      agreement,
      agreements: [agreement],
      auditKey,
      now,
      extraction: () => loadExtractionContext({ agreementFile: config.agreement }),
      afterWrite: sign,
      afterVerdict: async () => {
        await publish();
        await sign();
      },
      publicCache:
        config.publicCacheMb === 0
          ? null
          : new PublicAnswerCache({
              maxBytes: config.publicCacheMb * MiB,
              maxAgeMs: PUBLIC_ANSWER_MAX_AGE_MS,
            }),
    };

    const app = Fastify({
      logger: options.logger ?? false,
      bodyLimit: config.bodyLimit,
      // Query strings and paths are bounded like bodies: a 1 MB URL is an attack, not a filter.
      routerOptions: { maxParamLength: 200 },
      return503OnClosing: true,
      forceCloseConnections: "idle",
    });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.setErrorHandler(handleError);

    await app.register(fastifyHelmet, {
      contentSecurityPolicy: contentSecurityPolicy(config.cookieSecure),
      // HSTS only where the public URL is https: on 127.0.0.1 it would pin a browser to a TLS port that is not there.
      hsts: config.publicUrl.startsWith("https:"),
      crossOriginEmbedderPolicy: false,
    });
    await app.register(fastifyRateLimit, { global: false });
    await app.register(fastifyMultipart, { throwFileSizeLimit: true });
    const openapi = "3.1.0";
    await app.register(fastifySwagger, {
      openapi: {
        openapi,
        info: {
          title: "Truce API",
          version: "0.1.0",
          description:
            "Ceasefire monitoring: incidents, the guarantors' positions and verdicts, complaints, bulletins and open data. Errors are `{ error: { code, message } }` with a stable TRUCE_E_ code.",
          license: { name: "Apache-2.0", identifier: "Apache-2.0" },
        },
        servers: [{ url: config.publicUrl }],
        components: {
          securitySchemes: {
            session: { type: "apiKey", in: "cookie", name: "truce_session" },
            bearer: { type: "http", scheme: "bearer" },
          },
        },
        security: [{}, { session: [] }, { bearer: [] }],
      },
      transform: createJsonSchemaTransform({ zodToJsonConfig: { target: "draft-2020-12" } }),
      transformObject: createJsonSchemaTransformObject({ zodToJsonConfig: { target: "draft-2020-12" } }),
    });

    const auth = await authModule(app, context);
    refuseUnlistedRoutes(app);
    registerRoutes(app, { ...apiRoutes, ...auth.routes }, context, auth.principalOf, config.rateLimit);
    app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
    await registerWebApp(app, options.webRoot ?? DEFAULT_WEB_ROOT);

    if (ownsStore) app.addHook("onClose", async () => store.close());
    await app.ready();
    return { app, context };
  } catch (error) {
    if (ownsStore) await store.close();
    throw error;
  }
}
