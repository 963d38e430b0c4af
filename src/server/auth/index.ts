// Accounts and authentication for the HTTP server: `registerAuth` resolves `request.principal` on every request
// (API token, else session cookie, else the public), enforces the CSRF token on changes made with the cookie,
// and hands back the definitions of the `session.*`, `tokens.*` and `users.*` operations of the policy table for
// the server to register with the others.
import fastifyCookie from "@fastify/cookie";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { accountsDeps } from "../../application/accounts/accounts-deps.js";
import { authenticator } from "../../application/accounts/authenticate.js";
import { defaultThrottleLimits, type ThrottleLimits } from "../../application/accounts/login-throttle.js";
import type { PasswordHasher } from "../../application/accounts/password-hasher.js";
import { SESSION_TTL_MS } from "../../application/accounts/sessions.js";
import { anonymous, type Principal } from "../../domain/access/principal.js";
import type { Agreement } from "../../domain/agreement/schema.js";
import type { Store } from "../../ports/store.js";
import type { ServerContext } from "../context.js";
import type { RouteTable } from "../register-routes.js";
import type { AuthServices } from "./auth-services.js";
import { authenticationHook } from "./authentication.js";
import { sessionRoutes } from "./routes/session.js";
import { tokenRoutes } from "./routes/tokens.js";
import { userRoutes } from "./routes/users.js";

export type AuthOperationId =
  | "session.login"
  | "session.get"
  | "session.logout"
  | "tokens.list"
  | "tokens.create"
  | "tokens.revoke"
  | "users.list"
  | "users.create"
  | "users.update";

export interface AuthOptions {
  readonly store: Store;
  /** Who the parties and guarantor states are: accounts are bound to them. */
  readonly agreements: readonly Agreement[];
  /** Whether the session cookie is sent over HTTPS only. */
  readonly cookieSecure: boolean;
  readonly now?: () => string;
  /** Default: scrypt with N = 2^17, r = 8, p = 1. */
  readonly hasher?: PasswordHasher;
  readonly throttle?: ThrottleLimits;
  readonly sessionTtlMs?: number;
}

export interface Auth {
  /** The definitions of the accounts' operations, for `registerRoutes`. */
  readonly routes: Pick<RouteTable, AuthOperationId>;
  /** Who is asking (set by the hook for every request). */
  readonly principalOf: (request: FastifyRequest) => Principal;
}

/**
 * Installs the cookie parser (unless the app has one) and the hook on `app` itself, not in an encapsulated
 * child, so that it runs before every route; call it before registering routes. `request.ip` is what sign-ins
 * are throttled by: behind a reverse proxy, configure Fastify's `trustProxy` so it is the client's address.
 */
export async function registerAuth(app: FastifyInstance, options: AuthOptions): Promise<Auth> {
  if (!app.hasRequestDecorator("cookies")) await app.register(fastifyCookie);
  const deps = accountsDeps(options.store, options.agreements, {
    ...(options.hasher === undefined ? {} : { hasher: options.hasher }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const services: AuthServices = {
    deps,
    authenticator: authenticator(deps, options.throttle ?? defaultThrottleLimits),
    cookieSecure: options.cookieSecure,
    sessionTtlMs: options.sessionTtlMs ?? SESSION_TTL_MS,
  };
  // Declared empty: the hook sets both on every request before any handler runs.
  app.decorateRequest("principal");
  app.decorateRequest("authentication");
  app.addHook("onRequest", authenticationHook(deps, options.cookieSecure));
  return {
    routes: { ...sessionRoutes(services), ...tokenRoutes(services), ...userRoutes(services) },
    principalOf: (request) => request.principal ?? anonymous,
  };
}

/** `registerAuth` with the server's own store, agreement, clock and cookie setting. */
export function authModule(app: FastifyInstance, context: ServerContext): Promise<Auth> {
  return registerAuth(app, {
    store: context.store,
    agreements: context.agreements,
    cookieSecure: context.config.cookieSecure,
    now: context.now,
  });
}
