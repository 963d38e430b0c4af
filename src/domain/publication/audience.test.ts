// Who reads what an agreement publishes, and who is told which party it names.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { anonymous, type Principal } from "../access/principal.js";
import { namesParties, readsPublications } from "./audience.js";

const observer: Principal = { role: "observer", userId: "u1", username: "o" };
const party: Principal = { role: "party", userId: "u2", username: "p", party: "SY-GOV" };
const guarantor: Principal = { role: "guarantor", userId: "u3", username: "g", guarantor: "RU" };
const admin: Principal = { role: "admin", userId: "u4", username: "a" };
const everyone = [anonymous, observer, party, guarantor, admin];

describe("readsPublications", () => {
  it("each audience is read by itself and those who judge", () => {
    const readers = (audience: Parameters<typeof readsPublications>[1]) =>
      everyone.filter((p) => readsPublications(p, audience)).map((p) => p.role);
    assert.deepEqual(readers("public"), ["public", "observer", "party", "guarantor", "admin"]);
    assert.deepEqual(readers("observers"), ["observer", "party", "guarantor", "admin"]);
    assert.deepEqual(readers("parties"), ["party", "guarantor", "admin"]);
    assert.deepEqual(readers("guarantors"), ["guarantor", "admin"]);
  });
});

describe("namesParties", () => {
  it("nameParties: false keeps the attribution to guarantors and administrators", () => {
    const named = everyone.filter((p) => namesParties(p, { nameParties: false })).map((p) => p.role);
    assert.deepEqual(named, ["guarantor", "admin"]);
    assert.equal(
      everyone.every((p) => namesParties(p, { nameParties: true })),
      true,
    );
  });
});
