// The one way the pages talk to the server: JSON under /api/, the error shape the server promises, and the
// CSRF token on every request that changes something (the session cookie alone must never be enough).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Whatever a request threw, as an ApiError: a network or script failure becomes one with status 0. */
  static from(problem: unknown): ApiError {
    return problem instanceof ApiError ? problem : new ApiError(0, "TRUCE_E_CLIENT", String(problem));
  }
}

let csrfToken: string | null = null;

/** The token from `GET /api/session` (or sign-in), sent as `x-csrf-token` on unsafe requests. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  if (search === "") return path;
  return `${path}${path.includes("?") ? "&" : "?"}${search}`;
}

function isErrorBody(value: unknown): value is { error: { code: string; message: string } } {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

async function parse<T>(response: Response): Promise<T> {
  const type = response.headers.get("content-type") ?? "";
  const body: unknown = type.includes("json") ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    if (isErrorBody(body)) throw new ApiError(response.status, body.error.code, body.error.message);
    throw new ApiError(response.status, "TRUCE_E_HTTP", `${response.status} ${response.statusText}`.trim());
  }
  return body as T;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (method !== "GET" && csrfToken !== null) headers["x-csrf-token"] = csrfToken;
  let payload: FormData | string | undefined;
  if (body instanceof FormData) {
    // The browser writes the multipart boundary into the content type itself.
    payload = body;
  } else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: "same-origin" });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ApiError(0, "TRUCE_E_NETWORK", why);
  }
  return parse<T>(response);
}

export const api = {
  get: <T>(path: string, query?: Query): Promise<T> => request<T>("GET", withQuery(path, query)),
  post: <T>(path: string, body?: unknown): Promise<T> => request<T>("POST", path, body),
  delete: <T>(path: string): Promise<T> => request<T>("DELETE", path),
};
