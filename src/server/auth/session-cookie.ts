// The browser's session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it),
// Secure behind HTTPS, and sent to the API only.
import type { CookieSerializeOptions } from "@fastify/cookie";

export const SESSION_COOKIE = "truce_session";

export const sessionCookieOptions = (secure: boolean, maxAgeSeconds?: number): CookieSerializeOptions => ({
  httpOnly: true,
  sameSite: "strict",
  secure,
  path: "/api",
  ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
});
