// Rendering bulletins: the content in HTML and Markdown, the map drawn from the shipped boundaries, and every
// piece of free text escaped so that hostile input stays text.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { shippedBoundaries } from "./boundaries.js";
import type { BulletinData } from "./bulletin-data.js";
import { escapeMarkdown } from "./escape.js";
import { renderBulletin } from "./render-bulletin.js";
import { legendOf, shadeOf, svgMap } from "./svg-map.js";

const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(2)> | **bold** [link](http://evil.example) \`code\``;

const syria = shippedBoundaries("SY") ?? [];

const data = (over: Partial<BulletinData> = {}): BulletinData => ({
  agreement: { id: "syria-2016", title: `Nationwide ceasefire ${HOSTILE}` },
  period: "weekly",
  from: "2017-01-02",
  to: "2017-01-08",
  generatedAt: "2017-01-09T06:00:00.000Z",
  partiesNamed: true,
  totals: { claimed: 12, verified: 3, killed: 7 },
  parties: [
    { id: "SY-GOV", name: "Syrian government", claimed: 9, verified: 2 },
    { id: "X", name: HOSTILE, claimed: 3, verified: 1 },
  ],
  governorates: [
    { code: "SY-ID", country: "SY", name: "Idlib Governorate", claimed: 8, verified: 2 },
    { code: "SY-HL", country: "SY", name: "حلب", claimed: 4, verified: 1 },
    { code: null, country: "SY", name: "Syria, no governorate", claimed: 2, verified: 1 },
  ],
  incidents: [
    {
      id: "4f0c8a36-1b7e-4c55-9d2f-2a1c6b3e9f10",
      date: "2017-01-03",
      location: HOSTILE,
      admin1: "SY-ID",
      admin1Name: "Idlib Governorate",
      country: "SY",
      countryName: "Syria",
      eventType: "Explosions/Remote violence",
      subEventType: "Shelling/artillery/missile attack",
      accused: "Syrian government",
      claimed: ["Syrian government", "Russia"],
      killed: { low: 2, best: 3, high: 5 },
      grade: "corroborated",
      publishedAt: "2017-01-05T09:00:00.000Z",
    },
    {
      id: "7d1e2f3a-0000-4000-8000-000000000001",
      date: "2017-01-04",
      location: "معرة النعمان",
      admin1: "SY-ID",
      admin1Name: "Idlib Governorate",
      country: "SY",
      countryName: "Syria",
      eventType: "Violence against civilians",
      subEventType: "Attack",
      accused: "Syrian government",
      claimed: ["Syrian government"],
      killed: { low: 4, best: 4, high: 4 },
      grade: "confirmed",
      publishedAt: "2017-01-05T09:00:00.000Z",
    },
    {
      id: "7d1e2f3a-0000-4000-8000-000000000002",
      date: "2017-01-05",
      location: "",
      admin1: null,
      admin1Name: null,
      country: "SY",
      countryName: "Syria",
      eventType: "Explosions/Remote violence",
      subEventType: "Air/drone strike",
      accused: "Syrian government",
      claimed: ["Syrian government"],
      killed: null,
      grade: "single_source",
      publishedAt: "2017-01-06T09:00:00.000Z",
    },
  ],
  incidentsNotListed: 1,
  alerts: [
    {
      subject: "admin1",
      key: "SY-ID",
      name: HOSTILE,
      measure: "claimed",
      period: "2017-01-02",
      count: 8,
      mean: 1.2,
      sd: 0.5,
      threshold: 2.7,
    },
  ],
  alertRule:
    "a week with at least 3 incidents and more than the mean + 3 standard deviations of the 12 weeks before it",
  map: {
    regions: syria.map((b) => ({ ...b, count: b.code === "SY-ID" ? 8 : b.code === "SY-HL" ? 4 : 0 })),
  },
  mapNote: null,
  checkpoint: {
    treeSize: 1234,
    rootHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    keyId: "ed25519:3b1f0c2a",
    at: "2017-01-09T05:59:00.000Z",
  },
  auditLogSize: 1236,
  ...over,
});

/** The HTML with its text content removed: what is left is markup, where no hostile tag may appear. */
const markupOnly = (html: string): string => html.replace(/>[^<]*</g, "><");

describe("renderBulletin html", () => {
  const html = renderBulletin(data(), "html");

  it("is one self-contained page: inline style, inline SVG, no script, nothing to fetch", () => {
    assert.match(html, /^<!doctype html>\n<html lang="en">/);
    assert.match(html, /<style>/);
    assert.match(html, /<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.doesNotMatch(markupOnly(html), /<script|<link |src=|href=/i);
    assert.match(html, /Content-Security-Policy/);
  });

  it("says the counts by party and governorate, claimed beside verified, and lists the verified incidents", () => {
    assert.match(html, /12 incidents reported; 3 verified by the guarantors, in which 7 people were killed/);
    assert.match(html, /Syrian government<\/bdi><\/td><td class="n">9<\/td><td class="n">2<\/td>/);
    assert.match(html, /Idlib Governorate<\/bdi><\/td><td class="n">8<\/td><td class="n">2<\/td>/);
    assert.match(html, /2017-01-03<\/td>/);
    assert.match(html, /2–5 \(best 3\)/);
    assert.match(html, /1 more verified incidents are not listed/);
    assert.match(html, /Weekly bulletin, 2017-01-02 to 2017-01-08/);
  });

  it("counts the incidents placed only to the country on their own row, and lists them placed to it", () => {
    assert.match(html, /Syria, no governorate<\/bdi><\/td><td class="n">2<\/td><td class="n">1<\/td>/);
    assert.match(html, /<td class="d">2017-01-05<\/td><td><bdi dir="auto">Syria<\/bdi><\/td>/);
  });

  it("states the audit checkpoint it was produced at", () => {
    assert.match(html, /tree size <strong>1234<\/strong>/);
    assert.match(html, /9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08/);
    assert.match(html, /ed25519:3b1f0c2a/);
    assert.match(html, /2 later entries are not yet covered by a checkpoint/);
  });

  it("escapes every piece of free text: hostile markup stays text", () => {
    const markup = markupOnly(html);
    assert.doesNotMatch(markup, /<script|<img|onerror/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&lt;img src=x onerror=alert\(2\)&gt;/);
    assert.ok(
      html.split("&lt;script&gt;").length - 1 >= 4,
      "title, heading, party, place and alert all escaped",
    );
  });

  it("marks free text dir=auto so Arabic reads right to left", () => {
    assert.match(html, /<bdi dir="auto">حلب<\/bdi>/);
    assert.match(html, /<bdi dir="auto">معرة النعمان<\/bdi>/);
  });

  it("draws a shaded region per governorate, with its name and count", () => {
    assert.equal((html.match(/<path d="M/g) ?? []).length, syria.length);
    assert.match(html, /<title>Idlib \/ محافظة إدلب: 8<\/title>/);
    assert.match(html, new RegExp(`fill="${shadeOf(8, 8)}"[^>]*><title>Idlib`));
    assert.match(html, /class="count">8<\/text>/);
  });

  it("parties unnamed by policy: no party table, no names in the incidents", () => {
    const unnamed = renderBulletin(data({ partiesNamed: false, parties: [] }), "html");
    assert.match(unnamed, /does not name the parties/);
    assert.doesNotMatch(unnamed.replace(/<title>.*?<\/title>/, ""), /Syrian government/);
  });

  it("no boundaries shipped: the map is left out and the bulletin says so", () => {
    const note = "No boundaries are shipped for Ukraine (UA): the map is left out.";
    const noMap = renderBulletin(data({ map: null, mapNote: note }), "html");
    assert.doesNotMatch(noMap, /<svg/);
    assert.match(noMap, /No boundaries are shipped for Ukraine \(UA\): the map is left out\./);
  });

  it("an empty period and an audit log with no checkpoint", () => {
    const empty = renderBulletin(
      data({
        parties: [],
        governorates: [],
        incidents: [],
        incidentsNotListed: 0,
        alerts: [],
        checkpoint: null,
        auditLogSize: 0,
      }),
      "html",
    );
    assert.match(empty, /No verified incidents in this period/);
    assert.match(empty, /No escalation alerts in this period/);
    assert.match(empty, /no signed checkpoint yet \(0 entries\)/);
  });
});

describe("renderBulletin md", () => {
  const md = renderBulletin(data(), "md");

  it("the same content as tables", () => {
    assert.match(md, /^# Nationwide ceasefire /);
    assert.match(md, /\| Syrian government \| 9 \| 2 \|/);
    assert.match(md, /\| Idlib Governorate \| 8 \| 2 \|/);
    assert.match(md, /\| حلب \| 4 \| 1 \|/);
    assert.match(md, /\| Syria, no governorate \| 2 \| 1 \|/);
    assert.match(md, /\| 2017-01-05 \| Syria \| Air\/drone strike \|/);
    assert.match(md, /tree size \*\*1234\*\*, root hash `9f86d081/);
    assert.match(md, /An alert is a week with at least 3 incidents/);
  });

  it("escapes hostile text: no raw HTML, no table break, no emphasis, link or code", () => {
    assert.doesNotMatch(md, /<script|<img/);
    const line = md.split("\n").find((l) => l.startsWith("| 2017-01-03"));
    assert.ok(line !== undefined);
    const cells = line.split(/(?<!\\)\|/).slice(1, -1);
    assert.equal(cells.length, 7, "the hostile | did not add a column");
    assert.equal(
      escapeMarkdown(HOSTILE),
      "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; \\| \\*\\*bold\\*\\* \\[link\\](http://evil.example) \\`code\\`",
    );
    assert.equal(escapeMarkdown("line one\n\nline two"), "line one line two");
  });
});

describe("svgMap", () => {
  it("fits the territory into the frame: every path inside the view box", () => {
    const svg = svgMap(
      syria.map((b) => ({ ...b, count: 1 })),
      640,
      480,
    );
    const numbers = [...svg.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    assert.ok(numbers.length > 100);
    for (const [x, y] of numbers)
      assert.ok(
        (x as number) >= 0 && (x as number) <= 640 && (y as number) >= 0 && (y as number) <= 480,
        `${x},${y}`,
      );
  });

  it("shades: none for zero, the darkest for the largest", () => {
    assert.equal(shadeOf(0, 10), "#f1f5f9");
    assert.equal(shadeOf(10, 10), "#8f1d1a");
    assert.equal(shadeOf(1, 10), "#fde2e1");
  });

  it("the legend names the counts each shade stands for, as the shading applies it", () => {
    assert.deepEqual(
      legendOf(10).map((l) => l.label),
      ["0", "1–2", "3–4", "5–6", "7–8", "9–10"],
    );
    assert.deepEqual(
      legendOf(3).map((l) => l.label),
      ["0", "1", "2", "3"],
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (max, share) => {
          const count = Math.max(1, Math.round(share * max));
          const entry = legendOf(max).find((l) => {
            const [low, high = low] = l.label.split("–").map(Number) as [number, number?];
            return count >= low && count <= high;
          });
          assert.equal(entry?.colour, shadeOf(count, max));
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
