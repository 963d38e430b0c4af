// Registers the API's routes from the one policy table: method, path, summary and access rule come from the
// table, schemas and handlers from the route definitions keyed by its operation ids. A definition missing, a
// definition for an operation the table does not name, or an /api/ route registered any other way stops the
// server at start-up.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import type { z } from "zod";
import { type OperationId, operationIds, policy, type Rule } from "../domain/access/policy.js";
import type { Principal, Role } from "../domain/access/principal.js";
import { TruceError } from "../errors.js";
import type { ServerContext } from "./context.js";
import { errorBody } from "./http-errors.js";
import type { PublicAnswerCache } from "./public-cache.js";
import type { AnyRoute } from "./route.js";

export type RouteTable = { readonly [Id in OperationId]: AnyRoute };

/** How the server learns who is asking (the session cookie or a bearer token); the public when nobody is. */
export type PrincipalOf = (request: FastifyRequest) => Principal | Promise<Principal>;

declare module "fastify" {
  interface FastifyContextConfig {
    /** The policy table's operation id of the route; absent on routes outside the API (static files). */
    operation?: OperationId;
  }
}

/** Throws unless `routes` holds exactly one definition for every operation of the policy table. */
export function assertRoutesMatchPolicy(routes: Readonly<Record<string, AnyRoute | undefined>>): void {
  const missing = operationIds.filter((id) => routes[id] === undefined);
  const extra = Object.keys(routes).filter((id) => !(id in policy));
  if (missing.length > 0 || extra.length > 0) {
    throw new TruceError(
      "TRUCE_E_SERVER_CONFIG",
      [
        missing.length > 0 ? `operations of the policy table with no handler: ${missing.join(", ")}` : "",
        extra.length > 0 ? `handlers for operations the policy table does not name: ${extra.join(", ")}` : "",
      ]
        .filter((s) => s !== "")
        .join("; "),
    );
  }
}

/** Refuses, at registration, any /api/ route that is not an operation of the policy table at its method and path. */
export function refuseUnlistedRoutes(app: FastifyInstance): void {
  app.addHook("onRoute", (options: RouteOptions) => {
    if (!options.url.startsWith("/api/") && options.url !== "/api") return;
    const id = options.config?.operation;
    const methods = Array.isArray(options.method) ? options.method : [options.method];
    const listed =
      id !== undefined &&
      policy[id].path === options.url &&
      methods.every((m) => m === policy[id].method || (m === "HEAD" && policy[id].method === "GET"));
    if (!listed) {
      throw new TruceError(
        "TRUCE_E_SERVER_CONFIG",
        `${methods.join(",")} ${options.url} is not an operation of the policy table (src/domain/access/policy.ts): add it there first`,
      );
    }
  });
}

const tagOf = (id: OperationId): string => id.slice(0, id.indexOf("."));

const roleRules = (id: OperationId): readonly Rule[] => Object.values(policy[id].rules);

/** The error statuses an operation can answer with, for the OpenAPI document. */
function errorStatuses(id: OperationId, route: AnyRoute): number[] {
  const op = policy[id];
  const rules = roleRules(id);
  const statuses = [400];
  if (rules.includes("deny")) statuses.push(401);
  if (rules.includes("deny") || rules.includes("own")) statuses.push(403);
  if (op.path.includes(":") || rules.includes("visible")) statuses.push(404);
  if (op.method !== "GET") statuses.push(409);
  if (route.body !== undefined || route.bodyLimit !== undefined) statuses.push(413, 415);
  statuses.push(429, 500);
  return [...new Set(statuses)].sort((a, b) => a - b);
}

function denied(principal: Principal, id: OperationId): TruceError {
  return principal.role === "public"
    ? new TruceError(
        "TRUCE_E_UNAUTHENTICATED",
        `sign in first: this needs an account (${policy[id].summary})`,
      )
    : new TruceError(
        "TRUCE_E_FORBIDDEN",
        `a ${principal.role} account may not do this (${policy[id].summary})`,
      );
}

const principals = new WeakMap<FastifyRequest, Principal>();

/** The audit log's size when a public request missed the cache: its answer is kept under that version. */
const missedAt = new WeakMap<FastifyRequest, number>();

/** Answers a public request from the cache, or notes the log's size so that its answer can be kept. */
async function answerFromCache(
  cache: PublicAnswerCache,
  context: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  const version = await context.store.audit.size();
  const kept = cache.get(request.url, version, Date.now());
  if (kept === undefined) {
    missedAt.set(request, version);
    return undefined;
  }
  return reply.code(200).header("content-type", kept.contentType).header("x-cache", "hit").send(kept.body);
}

/** Keeps a public request's successful answer, read after the log's size was noted, under that size. */
function keepForPublic(cache: PublicAnswerCache) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const version = missedAt.get(request);
    const contentType = reply.getHeader("content-type");
    if (version !== undefined && reply.statusCode === 200 && typeof payload === "string") {
      if (typeof contentType === "string")
        cache.set(request.url, version, { body: payload, contentType }, Date.now());
      reply.header("x-cache", "miss");
    }
    return payload;
  };
}

/** Registers every operation of the policy table with its definition; call after the auth plugin's hooks. */
export function registerRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  context: ServerContext,
  principalOf: PrincipalOf,
  /** Requests per minute per address for routes that set no stricter limit of their own. */
  rateLimit: number,
): void {
  assertRoutesMatchPolicy(routes);
  const cache = context.publicCache;
  for (const id of operationIds) {
    const op = policy[id];
    const definition = routes[id];
    const response: Record<number, z.ZodType> = {
      [definition.status ?? 200]: definition.response,
    };
    for (const status of errorStatuses(id, definition)) response[status] = errorBody;
    const bodyLimit = definition.bodyLimit?.(context);
    app.route({
      method: op.method,
      url: op.path,
      config: {
        operation: id,
        rateLimit: { max: Math.min(definition.rateLimit ?? rateLimit, rateLimit), timeWindow: "1 minute" },
      },
      ...(bodyLimit === undefined ? {} : { bodyLimit }),
      schema: {
        operationId: id,
        summary: op.summary,
        ...(definition.description === undefined ? {} : { description: definition.description }),
        tags: [tagOf(id)],
        ...(definition.params === undefined ? {} : { params: definition.params }),
        ...(definition.query === undefined ? {} : { querystring: definition.query }),
        ...(definition.body === undefined ? {} : { body: definition.body }),
        ...(definition.produces === undefined ? {} : { produces: [...definition.produces] }),
        response,
      },
      // Before the body is read or checked: a refused caller learns nothing from validation errors.
      onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
        const principal = await principalOf(request);
        if (op.rules[principal.role as Role] === "deny") throw denied(principal, id);
        principals.set(request, principal);
        if (cache !== null && definition.publicCache === true && principal.role === "public")
          return answerFromCache(cache, context, request, reply);
      },
      ...(cache !== null && definition.publicCache === true ? { onSend: keepForPublic(cache) } : {}),
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const principal = principals.get(request) ?? (await principalOf(request));
        const rule = op.rules[principal.role as Role];
        if (rule === "deny") throw denied(principal, id);
        const result = await definition.handler(
          {
            params: request.params,
            query: request.query,
            body: request.body,
            principal,
            rule,
            request,
            reply,
          },
          context,
        );
        if (result === reply) return reply;
        if (definition.status !== undefined) reply.code(definition.status);
        return result;
      },
    });
  }
}
