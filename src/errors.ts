// One catalogue of Truce's errors: a stable code, a message a user can act on, and the CLI exit code.
// Codes are never reused once retired; the HTTP mapping (later) reads the same catalogue.

export const errorCatalogue = {
  TRUCE_E_FILE_NOT_FOUND: { exit: 66, summary: "file or folder not found" },
  TRUCE_E_FILE_UNREADABLE: { exit: 66, summary: "file could not be read" },
  TRUCE_E_FILE_TOO_LARGE: { exit: 65, summary: "file is larger than the accepted limit" },
  TRUCE_E_FILE_EMPTY: { exit: 65, summary: "file is empty" },
  TRUCE_E_FILE_BINARY: { exit: 65, summary: "file is binary, not text" },
  TRUCE_E_FILE_ENCODING: { exit: 65, summary: "file is not valid UTF-8" },
  TRUCE_E_ARTICLE_INVALID: { exit: 65, summary: "article is not in a readable form" },
  TRUCE_E_ARTICLE_NO_TEXT: { exit: 65, summary: "article has no text" },
  TRUCE_E_AGREEMENT_INVALID: { exit: 78, summary: "agreement file is not valid" },
  TRUCE_E_DATA_INVALID: { exit: 78, summary: "a shipped data file is not valid" },
  TRUCE_E_USAGE: { exit: 64, summary: "command used wrongly" },
  TRUCE_E_FETCH_FAILED: { exit: 69, summary: "a URL could not be fetched" },
  TRUCE_E_FEED_INVALID: { exit: 65, summary: "a feed is not valid RSS or Atom" },
  TRUCE_E_FEED_HOSTILE: { exit: 65, summary: "a feed declares a DTD or entities, which Truce refuses" },
  TRUCE_E_NOT_A_VOTER: {
    exit: 77,
    summary: "only the agreement's voters may take a position on an incident",
  },
  TRUCE_E_POSITION_INVALID: { exit: 65, summary: "a position is not valid" },
  TRUCE_E_REPLY_REFUSED: { exit: 77, summary: "a reply to a verdict is not allowed" },
  TRUCE_E_AUDIT_KEY_UNREADABLE: {
    exit: 66,
    summary: "the audit signing key file could not be read or created",
  },
  TRUCE_E_AUDIT_KEY_INVALID: { exit: 78, summary: "the audit key file does not hold a usable Ed25519 key" },
  TRUCE_E_AUDIT_ENTRY_INVALID: { exit: 65, summary: "an audit entry cannot be written as canonical JSON" },
  TRUCE_E_DB_SPEC: { exit: 64, summary: "database is neither a SQLite file path nor a postgres:// URL" },
  TRUCE_E_DB_UNAVAILABLE: { exit: 69, summary: "database could not be opened or reached" },
  TRUCE_E_DB_MIGRATION: { exit: 78, summary: "database schema could not be brought up to date" },
  TRUCE_E_STORE_CONFLICT: { exit: 75, summary: "a record with the same key was stored first" },
  TRUCE_E_STORE_REFERENCE: { exit: 65, summary: "record refers to a record that is not stored" },
  TRUCE_E_STORE_IMMUTABLE: { exit: 65, summary: "record is append-only: it cannot be changed or deleted" },
  TRUCE_E_INCIDENT_NOT_FOUND: { exit: 66, summary: "no incident with that id is stored" },
  TRUCE_E_NO_REGIME_IN_FORCE: {
    exit: 65,
    summary: "no agreement is in force at the incident's place and date, so nobody may judge it",
  },
  TRUCE_E_MERGE_REFUSED: { exit: 65, summary: "these incidents cannot be merged" },
  TRUCE_E_SPLIT_REFUSED: { exit: 65, summary: "this split of an incident is not possible" },
  TRUCE_E_INVALID_INPUT: { exit: 65, summary: "a request's input is not valid" },
  TRUCE_E_UNAUTHENTICATED: { exit: 77, summary: "sign in first: this needs an account" },
  TRUCE_E_FORBIDDEN: { exit: 77, summary: "this account is not allowed to do that" },
  TRUCE_E_NOT_FOUND: { exit: 66, summary: "no such record, or none this account may see" },
  TRUCE_E_BODY_TOO_LARGE: { exit: 65, summary: "a request body is larger than the accepted limit" },
  TRUCE_E_MEDIA_TYPE: { exit: 65, summary: "a request body's content type is not accepted" },
  TRUCE_E_RATE_LIMITED: { exit: 75, summary: "too many requests: wait and try again" },
  TRUCE_E_INTERNAL: { exit: 70, summary: "an unexpected error in the server" },
  TRUCE_E_SERVER_CONFIG: { exit: 78, summary: "the server's configuration is not valid" },
  TRUCE_E_ACCOUNT_EXISTS: { exit: 75, summary: "an account with that username already exists" },
  TRUCE_E_LAST_ADMIN: {
    exit: 75,
    summary: "the last administrator who may sign in cannot be demoted or disabled",
  },
  TRUCE_E_CSRF_TOKEN: {
    exit: 77,
    summary: "a change made with the session cookie must carry the session's x-csrf-token header",
  },
  TRUCE_E_COMPLAINT_INVALID: { exit: 65, summary: "a complaint's form is not valid" },
  TRUCE_E_PARTY_UNKNOWN: { exit: 65, summary: "not a party to the agreement" },
  TRUCE_E_COMPLAINT_SELF: { exit: 65, summary: "a party cannot complain about itself" },
  TRUCE_E_PLACE_UNKNOWN: { exit: 65, summary: "the gazetteer knows no such place" },
  TRUCE_E_OUTSIDE_TERRITORY: { exit: 65, summary: "the place lies outside the agreement's territory" },
  TRUCE_E_ATTACHMENT_TYPE: {
    exit: 65,
    summary: "an attachment is not a PNG or JPEG image, a PDF or plain text",
  },
  TRUCE_E_ATTACHMENT_COUNT: { exit: 65, summary: "a complaint has more attachments than accepted" },
  TRUCE_E_PDF_UNAVAILABLE: { exit: 69, summary: "no Chromium to print PDF bulletins with" },
  TRUCE_E_PDF_FAILED: { exit: 70, summary: "Chromium could not print the bulletin" },
} as const;

export type TruceErrorCode = keyof typeof errorCatalogue;

/** An error a user caused or can fix; its message says what to do, its code is stable. */
export class TruceError extends Error {
  readonly code: TruceErrorCode;
  readonly subject: string | undefined;

  constructor(code: TruceErrorCode, message: string, options?: { subject?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "TruceError";
    this.code = code;
    this.subject = options?.subject;
  }

  get exitCode(): number {
    return errorCatalogue[this.code].exit;
  }
}

export const isTruceError = (value: unknown): value is TruceError => value instanceof TruceError;
