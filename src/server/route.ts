// A route's definition: its input and output schemas and a handler. Method, path and who may call it come from
// the policy table (src/domain/access/policy.ts), keyed by the operation id, never from here.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Rule } from "../domain/access/policy.js";
import type { Principal } from "../domain/access/principal.js";
import type { ServerContext } from "./context.js";

export interface HandlerInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly principal: Principal;
  /** The policy's rule for the principal's role: never `deny` here (the guard refused those). */
  readonly rule: Exclude<Rule, "deny">;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

type Schema = z.ZodType;

/** What a handler may return for a schema: the domain's records are readonly, the schemas' types are not. */
export type Readonlyish<T> = T extends readonly (infer U)[]
  ? readonly Readonlyish<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Readonlyish<T[K]> }
    : T;
type Out<S> = S extends Schema ? z.output<S> : undefined;

export interface RouteDefinition<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  R extends Schema,
> {
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** The success body as JSON; a route that answers with a file or text says so in `produces`. */
  readonly response: R;
  /** The success status (default 200). */
  readonly status?: 200 | 201 | 204;
  /** Non-JSON media types the route answers with (a PDF, a CSV); the handler sends through `reply`. */
  readonly produces?: readonly string[];
  /** A description for the OpenAPI document beyond the policy's summary (multipart fields, formats). */
  readonly description?: string;
  /** The largest body accepted, when not the server's default. */
  readonly bodyLimit?: (context: ServerContext) => number;
  /**
   * The public's answer depends on nothing but the URL and the published record (src/server/public-cache.ts):
   * it may be kept for the public until the audit log grows.
   */
  readonly publicCache?: true;
  /** The route's requests per minute per address, when stricter than the API's. */
  readonly rateLimit?: number;
  readonly handler: (
    input: HandlerInput<Out<P>, Out<Q>, Out<B>>,
    context: ServerContext,
  ) => Promise<Readonlyish<z.input<R>> | FastifyReply>;
}

/** Any route, as the registry holds them: the handler's types are checked where it is defined. */
export type AnyRoute = RouteDefinition<Schema | undefined, Schema | undefined, Schema | undefined, Schema>;

/** Checks a definition's handler against its own schemas and hands it over untyped for the registry. */
export function route<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema = Schema,
>(definition: RouteDefinition<P, Q, B, R>): AnyRoute {
  return definition as unknown as AnyRoute;
}
