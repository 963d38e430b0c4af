// Signing in and out with a browser, and who is signed in.
import { principalOfAccount } from "../../../application/accounts/account-view.js";
import { LoginThrottled } from "../../../application/accounts/login-throttle.js";
import { endSession, startSession } from "../../../application/accounts/sessions.js";
import type { Principal } from "../../../domain/access/principal.js";
import type { UserAccount } from "../../../ports/accounts.js";
import { route } from "../../route.js";
import type { AuthServices } from "../auth-services.js";
import { loginBody, sessionBody, signedInBody } from "../schemas.js";
import { SESSION_COOKIE, sessionCookieOptions } from "../session-cookie.js";

export const userOf = (user: UserAccount, principal: Principal = principalOfAccount(user)) => ({
  id: user.id,
  username: user.username,
  role: principal.role === "public" ? user.role : principal.role,
  party: principal.role === "party" ? principal.party : null,
  guarantor: principal.role === "guarantor" ? principal.guarantor : null,
});

export function sessionRoutes(auth: AuthServices) {
  return {
    "session.login": route({
      body: loginBody,
      response: signedInBody,
      description:
        "Sets the HttpOnly, SameSite=Strict `truce_session` cookie. Wrong credentials, an unknown username and a disabled account get the same answer (401); too many failures from one address, for one username or for all, get 429 with Retry-After.",
      handler: async ({ body, request, reply }) => {
        let user: UserAccount;
        try {
          user = await auth.authenticator.authenticate({ ...body, address: request.ip });
        } catch (error) {
          if (error instanceof LoginThrottled) reply.header("retry-after", String(error.retryAfterSeconds));
          throw error;
        }
        // A new sign-in replaces the session this browser had: one cookie, one session.
        if (request.authentication?.via === "cookie")
          await endSession(auth.deps, request.authentication.session.id);
        const { session, secret } = await startSession(auth.deps, user, auth.sessionTtlMs);
        reply.setCookie(
          SESSION_COOKIE,
          secret,
          sessionCookieOptions(auth.cookieSecure, Math.floor(auth.sessionTtlMs / 1000)),
        );
        return { user: userOf(user), csrfToken: session.csrfSecret };
      },
    }),

    "session.get": route({
      response: sessionBody,
      handler: async ({ principal, request }) => {
        const authentication = request.authentication;
        return {
          user: authentication === null ? null : userOf(authentication.user, principal),
          role: principal.role,
          csrfToken: authentication?.via === "cookie" ? authentication.session.csrfSecret : null,
        };
      },
    }),

    "session.logout": route({
      response: sessionBody,
      description:
        "Ends the browser's session and clears its cookie. A request made with an API token ends nothing: revoke the token with DELETE /api/tokens/{id}.",
      handler: async ({ request, reply }) => {
        if (request.authentication?.via === "cookie") {
          await endSession(auth.deps, request.authentication.session.id);
          reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(auth.cookieSecure));
          return { user: null, role: "public" as const, csrfToken: null };
        }
        const user = request.authentication?.user;
        return {
          user: user === undefined ? null : userOf(user, request.principal),
          role: request.principal.role,
          csrfToken: null,
        };
      },
    }),
  };
}
