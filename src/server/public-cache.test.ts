import assert from "node:assert/strict";
import { test } from "node:test";
import { PublicAnswerCache } from "./public-cache.js";

const answer = (body: string) => ({ body, contentType: "application/json; charset=utf-8" });

test("an answer is given back at the log size it was read at, and dropped once the log grows", () => {
  const cache = new PublicAnswerCache({ maxBytes: 10_000, maxAgeMs: 60_000 });
  cache.set("/api/map", 7, answer('{"points":[]}'), 0);
  assert.equal(cache.get("/api/map", 7, 1)?.body, '{"points":[]}');
  assert.equal(cache.get("/api/map?from=2017-01-01", 7, 1), undefined, "another URL is another answer");
  assert.equal(cache.get("/api/map", 8, 2), undefined, "a decision since: read again");
  assert.equal(cache.get("/api/map", 7, 3), undefined, "the stale answer is gone, not kept for later");
  assert.equal(cache.size, 0);
  assert.equal(cache.bytes, 0);
});

test("an answer older than the age limit is read again", () => {
  const cache = new PublicAnswerCache({ maxBytes: 10_000, maxAgeMs: 1000 });
  cache.set("/api/stats", 1, answer("{}"), 5000);
  assert.ok(cache.get("/api/stats", 1, 6000) !== undefined);
  assert.equal(cache.get("/api/stats", 1, 6001), undefined);
});

test("the least recently used answers go first when the bytes run out; one too large is never kept", () => {
  // Each entry below is 2 × (key 2 + body 48) = 100 bytes.
  const cache = new PublicAnswerCache({ maxBytes: 300, maxAgeMs: 60_000 });
  const body = "x".repeat(48);
  cache.set("/a", 1, answer(body), 0);
  cache.set("/b", 1, answer(body), 0);
  cache.set("/c", 1, answer(body), 0);
  assert.ok(cache.get("/a", 1, 0) !== undefined, "/a used: /b is now the oldest");
  cache.set("/d", 1, answer(body), 0);
  assert.equal(cache.get("/b", 1, 0), undefined);
  for (const key of ["/a", "/c", "/d"]) assert.ok(cache.get(key, 1, 0) !== undefined, key);
  assert.equal(cache.bytes, 300);
  cache.set("/e", 1, answer("y".repeat(200)), 0);
  assert.equal(cache.get("/e", 1, 0), undefined);
  assert.equal(cache.size, 3);
});

test("setting a key again replaces its answer and its bytes", () => {
  const cache = new PublicAnswerCache({ maxBytes: 1000, maxAgeMs: 60_000 });
  cache.set("/k", 1, answer("old"), 0);
  cache.set("/k", 2, answer("newer"), 0);
  assert.equal(cache.get("/k", 2, 0)?.body, "newer");
  assert.equal(cache.bytes, 2 * ("/k".length + "newer".length));
});
