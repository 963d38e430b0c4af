// Canonical JSON (RFC 8785, JCS): one byte string per value, so that a hash of it means the same thing forever.
import { TruceError } from "../../errors.js";

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

const ANY_SURROGATE = /[\uD800-\uDFFF]/;
// A lone surrogate has no UTF-8 form: RFC 8785 §3.2.2.2 says to refuse it rather than guess.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Thrown inside the walk; the path is assembled only on the way out, so the hot path builds no strings. */
class CanonicalError extends Error {
  readonly segments: string[] = [];
}

function string(value: string): string {
  // The cheap test first: almost no string holds a surrogate at all.
  if (ANY_SURROGATE.test(value) && LONE_SURROGATE.test(value)) {
    throw new CanonicalError("holds a lone UTF-16 surrogate, which has no canonical form");
  }
  // JSON.stringify escapes exactly what RFC 8785 §3.2.2.2 asks: ", \, and controls (\b \t \n \f \r, else \u00xx).
  return JSON.stringify(value);
}

function member(value: unknown, at: string | number): string {
  try {
    return write(value);
  } catch (error) {
    if (error instanceof CanonicalError)
      error.segments.unshift(typeof at === "number" ? `[${at}]` : `.${at}`);
    throw error;
  }
}

// String concatenation and plain loops: this runs on every append and a million times per `truce verify`.
function write(value: unknown): string {
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new CanonicalError(`is ${value}, which JSON cannot hold`);
    // ECMAScript's Number::toString is the serialisation RFC 8785 §3.2.2.3 prescribes (and -0 becomes 0).
    return JSON.stringify(value);
  }
  if (typeof value === "string") return string(value);
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined) {
        const error = new CanonicalError("is undefined, which JSON cannot hold");
        error.segments.push(`[${i}]`);
        throw error;
      }
      out += (i > 0 ? "," : "") + member(item, i);
    }
    return `${out}]`;
  }
  if (typeof value === "object") {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new CanonicalError("is not a plain object (a Date, Map or class instance?)");
    }
    const record = value as Record<string, unknown>;
    // Default sort compares UTF-16 code units, which is RFC 8785 §3.2.3's order. Undefined members are
    // dropped as JSON.stringify drops them, so a value read back from the store keeps its hash.
    const keys = Object.keys(record).sort();
    let out = "{";
    let first = true;
    for (const key of keys) {
      const item = record[key];
      if (item === undefined) continue;
      out += `${first ? "" : ","}${member(key, key)}:${member(item, key)}`;
      first = false;
    }
    return `${out}}`;
  }
  throw new CanonicalError(`is a ${typeof value}, which JSON cannot hold`);
}

/** The RFC 8785 canonical text of a JSON value: sorted keys, no whitespace, shortest round-trip numbers. */
export function canonicalJson(value: JsonValue, path = "value"): string {
  try {
    return write(value);
  } catch (error) {
    if (!(error instanceof CanonicalError)) throw error;
    const where = path + error.segments.join("");
    throw new TruceError("TRUCE_E_AUDIT_ENTRY_INVALID", `${where} ${error.message}`, { subject: where });
  }
}
