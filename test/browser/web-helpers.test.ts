// The web application's small pure parts: route matching, safe links, span highlighting, file sniffing, bulletin
// weeks, the zones the filters offer, and the catalogues (every translation keeps the placeholders of the English it translates).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { loadAgreement } from "../../src/adapters/data/load-context.js";
import type { Agreement } from "../../src/domain/agreement/schema.js";
import { withQuery } from "../../web/src/api/client.js";
import { zonesOf } from "../../web/src/api/zones.js";
import { segmentsOf } from "../../web/src/components/segments.js";
import { contradicts, sniffType } from "../../web/src/components/sniff-type.js";
import { mondayOf } from "../../web/src/days.js";
import { ar } from "../../web/src/i18n/ar.js";
import { en } from "../../web/src/i18n/en.js";
import { hrefWith, matchPath } from "../../web/src/paths.js";
import { safeHref, safeNext } from "../../web/src/safe-links.js";

describe("routes", () => {
  it("matches patterns and decodes parameters", () => {
    assert.deepEqual(matchPath("/incidents/:id", "/incidents/abc-1"), { id: "abc-1" });
    assert.deepEqual(matchPath("/incidents/:id", "/incidents/a%2Fb"), { id: "a/b" });
    assert.deepEqual(matchPath("/queue", "/queue/"), {});
    assert.equal(matchPath("/incidents/:id", "/incidents"), null);
    assert.equal(matchPath("/incidents/:id", "/incidents/a/b"), null);
    assert.equal(matchPath("/incidents/:id", "/incidents/%E0%A4%A"), null, "a malformed escape is no match");
  });

  it("adds API query parameters, after any the path already has", () => {
    assert.equal(
      withQuery("/api/incidents", { limit: 50, after: null, admin1: "" }),
      "/api/incidents?limit=50",
    );
    assert.equal(withQuery("/api/queue?guarantor=TR", { limit: 50 }), "/api/queue?guarantor=TR&limit=50");
    assert.equal(withQuery("/api/queue?guarantor=TR", {}), "/api/queue?guarantor=TR");
  });

  it("builds addresses without empty parameters", () => {
    assert.equal(hrefWith("/", { admin1: "SY-ID", party: "", status: undefined }), "/?admin1=SY-ID");
    assert.equal(hrefWith("/dashboard", {}), "/dashboard");
    assert.equal(hrefWith("/", { q: "a&b=c" }), "/?q=a%26b%3Dc");
  });
});

describe("links from outside", () => {
  it("follows only in-app paths after sign-in", () => {
    assert.equal(safeNext("/queue?x=1"), "/queue?x=1");
    for (const bad of [
      null,
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
    ]) {
      assert.equal(safeNext(bad), "/", String(bad));
    }
  });

  it("links a source's origin only when it is a web address", () => {
    assert.equal(safeHref("https://news.example/a?b=1"), "https://news.example/a?b=1");
    assert.equal(safeHref("http://news.example/"), "http://news.example/");
    for (const bad of [
      null,
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>",
      "file:///etc/passwd",
      "samples/articles/a.txt",
    ]) {
      assert.equal(safeHref(bad), null, String(bad));
    }
  });
});

describe("highlighted spans", () => {
  const text = "Shelling hit Ariha on Monday, killing 3.";
  it("marks each span and keeps every character once", () => {
    const segments = segmentsOf(text, [
      { start: 0, end: 8 },
      { start: 38, end: 39 },
    ]);
    assert.equal(segments.map((s) => s.text).join(""), text);
    assert.deepEqual(
      segments.filter((s) => s.marked).map((s) => s.text),
      ["Shelling", "3"],
    );
  });

  it("merges overlapping spans and clips those outside the text", () => {
    const segments = segmentsOf(text, [
      { start: 13, end: 18 },
      { start: 15, end: 28 },
      { start: 35, end: 500 },
      { start: 600, end: 700 },
      { start: 5, end: 5 },
    ]);
    assert.equal(segments.map((s) => s.text).join(""), text);
    assert.deepEqual(
      segments.filter((s) => s.marked).map((s) => s.text),
      ["Ariha on Monday", "ng 3."],
    );
  });

  it("shows a text with no spans as it is", () => {
    assert.deepEqual(segmentsOf(text, []), [{ text, marked: false }]);
    assert.deepEqual(segmentsOf("", [{ start: 0, end: 3 }]), []);
  });
});

describe("attachment types", () => {
  const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
  it("tells the four accepted types by their first bytes", () => {
    assert.equal(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)), "image/png");
    assert.equal(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0, 0)), "image/jpeg");
    assert.equal(sniffType(new TextEncoder().encode("%PDF-1.7\n")), "application/pdf");
    assert.equal(sniffType(new TextEncoder().encode("Witness statement: ٣ قتلى")), "text/plain");
  });

  it("refuses binary, invalid UTF-8 and empty files whatever their names", () => {
    assert.equal(sniffType(bytes(0x4d, 0x5a, 0x90, 0x00)), null, "an executable");
    assert.equal(sniffType(bytes(0x50, 0x4b, 0x03, 0x04)), null, "a zip");
    assert.equal(sniffType(bytes(0x61, 0xff, 0x62)), null, "invalid UTF-8");
    assert.equal(sniffType(new TextEncoder().encode("bell\u0007")), null, "a control character");
    assert.equal(sniffType(bytes()), null);
  });

  it("flags a declared type the bytes contradict, as the server refuses it", () => {
    assert.equal(contradicts("text/plain", "image/png"), true);
    assert.equal(contradicts("image/jpg", "image/jpeg"), false);
    assert.equal(contradicts("", "application/pdf"), false);
    assert.equal(contradicts("application/octet-stream", "image/png"), false);
    assert.equal(contradicts("text/plain; charset=utf-8", "text/plain"), false);
  });
});

describe("weeks", () => {
  it("names a week by its Monday", () => {
    assert.equal(mondayOf("2026-11-28"), "2026-11-23", "a Saturday");
    assert.equal(mondayOf("2026-11-23"), "2026-11-23", "a Monday");
    assert.equal(mondayOf("2026-11-29"), "2026-11-23", "a Sunday ends the ISO week");
    assert.equal(mondayOf("2027-01-01"), "2026-12-28", "across the year");
  });
});

describe("the zones the filters offer", () => {
  const syria = loadAgreement(
    fileURLToPath(new URL("../../data/agreements/syria-2016.yaml", import.meta.url)),
  );

  it("are each zone id once, named as the agreement first names it, in its order", () => {
    const mentions = syria.regimes.flatMap((r) => r.zones ?? []).filter((z) => z.id === "idlib");
    assert.ok(mentions.length > 1, "idlib is a zone of several regimes");
    assert.deepEqual(zonesOf(syria), [
      { id: "idlib", name: "Idlib de-escalation area" },
      { id: "northern-homs", name: "Northern Homs de-escalation area" },
      { id: "eastern-ghouta", name: "Eastern Ghouta de-escalation area" },
      { id: "south", name: "Southern de-escalation area" },
      { id: "southwest", name: "South-west de-escalation area" },
    ]);
  });

  it("leave out a zone drawn only as a polygon (the API filters by governorates), and are none without zones", () => {
    const [first, ...rest] = syria.regimes;
    assert.ok(first !== undefined);
    const ring: [number, number][] = [
      [36, 35],
      [37, 35],
      [37, 36],
      [36, 35],
    ];
    const square = { type: "Polygon" as const, coordinates: [ring] };
    const drawn: Agreement = {
      ...syria,
      regimes: [{ ...first, zones: [{ id: "drawn", name: "Drawn only", geometry: square }] }, ...rest],
    };
    assert.deepEqual(
      zonesOf(drawn).map((z) => z.id),
      ["idlib", "northern-homs", "eastern-ghouta", "south", "southwest"],
    );
    const unzoned: Agreement = { ...syria, regimes: syria.regimes.map(({ zones: _, ...r }) => r) };
    assert.deepEqual(zonesOf(unzoned), []);
    assert.deepEqual(zonesOf(null), []);
  });
});

describe("catalogues", () => {
  const placeholders = (s: string): string[] =>
    [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
  const english: Readonly<Record<string, string>> = en;

  it("translate only keys English has (actor names aside), with the same placeholders", () => {
    for (const [key, value] of Object.entries(ar)) {
      if (key.startsWith("actor.")) continue;
      const source = english[key];
      assert.ok(source !== undefined, `ar has ${key}, which en does not`);
      assert.deepEqual(placeholders(value), placeholders(source), key);
    }
  });

  it("give Arabic for the navigation, every page title and every filter", () => {
    const arabic: Readonly<Record<string, string>> = ar;
    for (const key of Object.keys(en).filter((k) => /^(nav|page|filter)\./.test(k))) {
      assert.match(arabic[key] ?? "", /[\u0600-\u06FF]/, key);
    }
  });
});
