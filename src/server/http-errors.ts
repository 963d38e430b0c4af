// One error shape for the whole API, `{ error: { code, message } }`, and the HTTP status of every error code.
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorCatalogue, isTruceError, TruceError, type TruceErrorCode } from "../errors.js";

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe("A stable TRUCE_E_… code"),
      message: z.string().describe("What went wrong, in words a person can act on"),
      field: z.string().optional().describe("The input field at fault, for invalid input"),
    }),
  })
  .meta({ id: "Error" });

export type ErrorBody = z.output<typeof errorBody>;

/** Codes whose status is not what their CLI exit code suggests. */
const statusOverrides: Partial<Record<TruceErrorCode, number>> = {
  TRUCE_E_UNAUTHENTICATED: 401,
  TRUCE_E_FORBIDDEN: 403,
  TRUCE_E_NOT_A_VOTER: 403,
  TRUCE_E_BODY_TOO_LARGE: 413,
  TRUCE_E_FILE_TOO_LARGE: 413,
  TRUCE_E_MEDIA_TYPE: 415,
  TRUCE_E_RATE_LIMITED: 429,
  TRUCE_E_REPLY_REFUSED: 409,
  TRUCE_E_MERGE_REFUSED: 409,
  TRUCE_E_SPLIT_REFUSED: 409,
  TRUCE_E_NO_REGIME_IN_FORCE: 409,
  TRUCE_E_STORE_IMMUTABLE: 409,
  TRUCE_E_STORE_REFERENCE: 400,
  TRUCE_E_DB_UNAVAILABLE: 503,
};

/**
 * The HTTP status of an error code: an override, else what its exit code (sysexits) means: a usage or data
 * error is the client's (400), a missing input is not found (404), a permission refusal is 403, a temporary
 * failure is a conflict (409), and anything else is the server's (500). New codes map themselves.
 */
export function httpStatusOf(code: TruceErrorCode): number {
  const override = statusOverrides[code];
  if (override !== undefined) return override;
  switch (errorCatalogue[code].exit) {
    case 64:
    case 65:
      return 400;
    case 66:
      return 404;
    case 75:
      return 409;
    case 77:
      return 403;
    default:
      return 500;
  }
}

export function errorOf(code: TruceErrorCode, message: string, field?: string): ErrorBody {
  return { error: { code, message, ...(field === undefined ? {} : { field }) } };
}

interface ValidationIssue {
  readonly instancePath?: string;
  readonly message?: string;
  readonly params?: {
    readonly issue?: { readonly path?: readonly PropertyKey[]; readonly message?: string };
  };
}

/** The first invalid field as a dotted path (`query.limit`, `body.narrative`), and what is wrong with it. */
function firstIssue(
  context: string | undefined,
  issues: readonly ValidationIssue[],
): { field: string; message: string } {
  const issue = issues[0];
  const path =
    issue?.params?.issue?.path?.map(String).join(".") ??
    issue?.instancePath?.replace(/^\//, "").replaceAll("/", ".") ??
    "";
  const part = context === "querystring" ? "query" : context;
  const where = [part, path].filter((s) => s !== undefined && s !== "").join(".");
  const message = issue?.params?.issue?.message ?? issue?.message ?? "is not valid";
  return { field: where || (part ?? "request"), message };
}

/** Fastify's own errors (body parsing, limits, routing) by their FST_ code. */
function fastifyErrorBody(error: FastifyError): { status: number; body: ErrorBody } | null {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
    case "FST_REQ_FILE_TOO_LARGE":
    case "FST_FILES_LIMIT":
    case "FST_FIELDS_LIMIT":
    case "FST_PARTS_LIMIT":
      return {
        status: 413,
        body: errorOf("TRUCE_E_BODY_TOO_LARGE", `the request is too large: ${error.message}`),
      };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return { status: 415, body: errorOf("TRUCE_E_MEDIA_TYPE", error.message) };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
    case "FST_ERR_CTP_EMPTY_TYPE":
    case "FST_ERR_CTP_INVALID_TYPE":
    case "FST_ERR_BAD_URL":
    case "FST_PROTO_VIOLATION":
    case "FST_ERR_CTP_INSTANCE_ALREADY_STARTED":
      return {
        status: 400,
        body: errorOf("TRUCE_E_INVALID_INPUT", `the request cannot be read: ${error.message}`),
      };
    default:
      return null;
  }
}

/** Errors of the use cases whose subject is a form field (`date`, `accused`): the answer names it as input. */
const formFieldCodes: ReadonlySet<TruceErrorCode> = new Set([
  "TRUCE_E_COMPLAINT_INVALID",
  "TRUCE_E_PARTY_UNKNOWN",
  "TRUCE_E_COMPLAINT_SELF",
]);

/** Maps any error to the one shape; logs what is the server's fault, never sends its details. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (isTruceError(error)) {
    const field =
      error.code === "TRUCE_E_INVALID_INPUT"
        ? error.subject
        : formFieldCodes.has(error.code) && error.subject !== undefined
          ? `body.${error.subject}`
          : undefined;
    const status = httpStatusOf(error.code);
    if (status >= 500) request.log.error({ err: error }, "request failed");
    return reply.code(status).send(errorOf(error.code, error.message, field));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const { field, message } = firstIssue(error.validationContext, error.validation);
    return reply.code(400).send(errorOf("TRUCE_E_INVALID_INPUT", `${field}: ${message}`, field));
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation !== undefined) {
    const { field, message } = firstIssue(fastifyError.validationContext, fastifyError.validation);
    return reply.code(400).send(errorOf("TRUCE_E_INVALID_INPUT", `${field}: ${message}`, field));
  }
  const known = typeof fastifyError.code === "string" ? fastifyErrorBody(fastifyError) : null;
  if (known !== null) return reply.code(known.status).send(known.body);
  const status = fastifyError.statusCode;
  if (status === 429) {
    return reply.code(429).send(errorOf("TRUCE_E_RATE_LIMITED", fastifyError.message));
  }
  if (typeof status === "number" && status >= 400 && status < 500) {
    // Another 4xx from a plugin (a bad cookie, a range): the client's, said in its own words.
    const code: TruceErrorCode =
      status === 413
        ? "TRUCE_E_BODY_TOO_LARGE"
        : status === 415
          ? "TRUCE_E_MEDIA_TYPE"
          : status === 404
            ? "TRUCE_E_NOT_FOUND"
            : status === 403
              ? "TRUCE_E_FORBIDDEN"
              : status === 401
                ? "TRUCE_E_UNAUTHENTICATED"
                : "TRUCE_E_INVALID_INPUT";
    return reply.code(status).send(errorOf(code, fastifyError.message));
  }
  request.log.error({ err: error, serialization: isResponseSerializationError(error) }, "request failed");
  return reply
    .code(500)
    .send(errorOf("TRUCE_E_INTERNAL", "the server failed to answer this request; the failure is logged"));
}

/** Thrown by handlers: a TruceError whose status the mapping above gives. */
export const notFound = (what: string, subject?: string): TruceError =>
  new TruceError("TRUCE_E_NOT_FOUND", what, subject === undefined ? undefined : { subject });
