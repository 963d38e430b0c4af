// Addresses that come from outside (a `?next=` parameter, a source's origin) are checked before they become links.

/** Only an in-app path is followed after sign-in: `?next=https://elsewhere` or `//host` must not send anyone away. */
export function safeNext(next: string | null): string {
  if (next === null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}

/** Only web addresses become links: a source's origin is data from outside, and `javascript:` must stay text. */
export function safeHref(origin: string | null): string | null {
  if (origin === null) return null;
  try {
    const url = new URL(origin);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}
