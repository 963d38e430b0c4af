// Canonical JSON (RFC 8785 examples) and audit entries: every field, and only those, changes the leaf.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { isTruceError } from "../../errors.js";
import { canonicalJson, type JsonValue } from "./canonical-json.js";
import { type AuditEntry, auditEntryJson, auditLeafHash, checkAuditEntry } from "./entry.js";
import { leafHash } from "./merkle.js";

const entry: AuditEntry = {
  seq: 7,
  kind: "verdict_recorded",
  subjectId: "inc-42",
  payload: { outcome: "violation", party: "SY-GOV", positions: ["p1", "p2"] },
  at: "2017-01-24T10:00:00Z",
};

describe("canonicalJson", () => {
  it("writes RFC 8785's own example byte for byte", () => {
    // RFC 8785 §3.2.2: number forms, escapes and literals.
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    ) as JsonValue;
    assert.equal(
      canonicalJson(input),
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("sorts keys by UTF-16 code units, as RFC 8785 §3.2.3 does", () => {
    // The RFC's example: the emoji's high surrogate (U+D83D) sorts before U+FB33 though its code point is larger.
    const keys = ["\u20ac", "\r", "\ufb33", "1", "\ud83d\ude00", "\u0080", "\u00f6"];
    const value = Object.fromEntries(keys.map((k) => [k, 0]));
    const order = ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33"];
    assert.equal(canonicalJson(value), `{${order.map((k) => `${JSON.stringify(k)}:0`).join(",")}}`);
  });

  it("refuses what has no canonical form", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, "\ud800", { a: new Date(0) }, [undefined]]) {
      assert.throws(
        () => canonicalJson(bad as unknown as JsonValue),
        (e: unknown) => isTruceError(e) && e.code === "TRUCE_E_AUDIT_ENTRY_INVALID",
      );
    }
  });

  it("property: key order and whitespace never change the text, and it parses back to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const v = value as JsonValue;
        const text = canonicalJson(v);
        assert.equal(canonicalJson(JSON.parse(JSON.stringify(v, null, 2)) as JsonValue), text);
        assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(v)));
        assert.ok(!/[\n ]/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, "")), "no whitespace outside strings");
      }),
      { seed: 8785, numRuns: 300 },
    );
  });
});

describe("audit entry leaf", () => {
  it("is the leaf hash of the canonical JSON of the whole entry", () => {
    assert.equal(
      auditEntryJson(entry),
      '{"at":"2017-01-24T10:00:00Z","kind":"verdict_recorded","payload":{"outcome":"violation","party":"SY-GOV","positions":["p1","p2"]},"seq":7,"subjectId":"inc-42"}',
    );
    assert.deepEqual(auditLeafHash(entry), leafHash(Buffer.from(auditEntryJson(entry))));
  });

  it("changes when any field changes, including the order inside a payload array", () => {
    const base = auditLeafHash(entry).toString("hex");
    const edits: AuditEntry[] = [
      { ...entry, seq: 8 },
      { ...entry, kind: "reply_recorded" },
      { ...entry, subjectId: "inc-43" },
      { ...entry, at: "2017-01-24T10:00:01Z" },
      { ...entry, payload: { ...entry.payload, party: "FSA" } },
      { ...entry, payload: { ...entry.payload, positions: ["p2", "p1"] } },
    ];
    for (const edited of edits) assert.notEqual(auditLeafHash(edited).toString("hex"), base);
  });

  it("ignores fields a stored row carries beyond the five, and the key order of the payload", () => {
    const row = {
      ...entry,
      leafHash: "ab",
      rowid: 9,
      payload: { positions: ["p1", "p2"], party: "SY-GOV", outcome: "violation" },
    };
    assert.deepEqual(auditLeafHash(row), auditLeafHash(entry));
  });

  it("checkAuditEntry names the bad field", () => {
    checkAuditEntry(entry);
    const cases: [AuditEntry, RegExp][] = [
      [{ ...entry, seq: -1 }, /seq/],
      [{ ...entry, kind: "shrugged" as AuditEntry["kind"] }, /kind/],
      [{ ...entry, subjectId: "" }, /subjectId/],
      [{ ...entry, at: "yesterday" }, /at/],
      [{ ...entry, at: "2017-01-24T10:00:00" }, /at/],
      [{ ...entry, payload: { x: Number.NaN } }, /payload/],
    ];
    for (const [bad, field] of cases) {
      assert.throws(
        () => checkAuditEntry(bad),
        (e: unknown) => isTruceError(e) && e.code === "TRUCE_E_AUDIT_ENTRY_INVALID" && field.test(e.message),
      );
    }
  });
});
