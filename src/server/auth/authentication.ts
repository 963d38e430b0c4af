// Who is asking, for every request: an `Authorization: Bearer` API token, else the session cookie, else the
// public. A change (any method but GET, HEAD, OPTIONS) made with the cookie must carry the session's CSRF token
// in `x-csrf-token`: another site can make a browser send the cookie, never read the token. Bearer tokens are
// never sent by a browser on its own, so they need none.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AccountsDeps } from "../../application/accounts/accounts-deps.js";
import { resolveApiToken } from "../../application/accounts/api-tokens.js";
import { sameSecret } from "../../application/accounts/secrets.js";
import { resolveSession } from "../../application/accounts/sessions.js";
import { anonymous, type Principal } from "../../domain/access/principal.js";
import { TruceError } from "../../errors.js";
import type { SessionRecord, UserAccount } from "../../ports/accounts.js";
import { SESSION_COOKIE, sessionCookieOptions } from "./session-cookie.js";

export type Authentication =
  | { readonly via: "cookie"; readonly user: UserAccount; readonly session: SessionRecord }
  | { readonly via: "token"; readonly user: UserAccount; readonly tokenId: string };

declare module "fastify" {
  interface FastifyRequest {
    /** Who is asking; the public when nobody signed in. Set for every request before any route runs. */
    principal: Principal;
    /** How the principal was established; null for the public. */
    authentication: Authentication | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Signing in needs no CSRF token: it proves itself with the password, and its body must be JSON, which no other
 * site's form can send without the browser asking this server first (and it answers no such request).
 */
const CSRF_EXEMPT = new Set(["session.login"]);

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export function authenticationHook(deps: Pick<AccountsDeps, "store" | "now">, cookieSecure: boolean) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    request.principal = anonymous;
    request.authentication = null;

    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const secret = BEARER.exec(authorization)?.[1];
      if (secret === undefined) {
        throw new TruceError(
          "TRUCE_E_UNAUTHENTICATED",
          "the Authorization header must be `Bearer <API token>`",
        );
      }
      const resolved = await resolveApiToken(deps, secret);
      // A script that sent a token means to act as its account: acting as the public instead would be a surprise.
      if (resolved === null) {
        throw new TruceError(
          "TRUCE_E_UNAUTHENTICATED",
          "the API token is not valid: it is unknown, revoked, or its account is disabled",
        );
      }
      request.principal = resolved.principal;
      request.authentication = { via: "token", user: resolved.user, tokenId: resolved.token.id };
      return;
    }

    const secret = request.cookies[SESSION_COOKIE];
    if (secret === undefined || secret === "") return;
    const resolved = await resolveSession(deps, secret);
    if (resolved === null) {
      // Expired, signed out, or its account disabled: the browser is asked to forget it, the request is the public's.
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(cookieSecure));
      return;
    }
    if (!SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(request.routeOptions.config.operation ?? "")) {
      const token = request.headers["x-csrf-token"];
      if (typeof token !== "string" || !sameSecret(token, resolved.session.csrfSecret)) {
        throw new TruceError(
          "TRUCE_E_CSRF_TOKEN",
          "this change was made with the session cookie but without its CSRF token: send the csrfToken of GET /api/session as the x-csrf-token header",
        );
      }
    }
    request.principal = resolved.principal;
    request.authentication = { via: "cookie", user: resolved.user, session: resolved.session };
  };
}
