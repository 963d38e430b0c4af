// Tests for htmlToText: article body found, nothing executable leaks, hostile pages end in text or a TruceError.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isTruceError } from "../../errors.js";
import { htmlToText, MAX_HTML_CHARS } from "./html.js";

const BODY = [
  "Government forces shelled the town of Douma in Eastern Ghouta on Tuesday, killing four civilians, according to the Syrian Observatory for Human Rights.",
  "The Britain-based monitor said at least a dozen shells struck residential streets near the main market, and that rescue workers were still searching the rubble in the afternoon.",
  "Rebel groups in the enclave accused the government of breaching the nationwide ceasefire brokered by Russia and Turkey, which took effect on December 30.",
  "There was no immediate comment from the Syrian army, which has said it responds only to attacks by militants it describes as terrorists.",
];

const page = (head: string, article: string): string => `<!DOCTYPE html><html><head>${head}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li>Load More</li></ul></nav>
<div class="sidebar"><h3>Trending</h3><ul><li><a href="/a">Celebrity news</a></li></ul></div>
<article><h1>Shelling kills four in Douma</h1>${article}</article>
<footer><p>© 2017 Example Media. All rights reserved.</p></footer>
<script>window.tracker = "TRACKER_LEAK";</script></body></html>`;

const paragraphs = BODY.map((p) => `<p>${p}</p>`).join("\n");

describe("htmlToText", () => {
  it("extracts the article body as paragraphs separated by blank lines", () => {
    const out = htmlToText(page("<title>Shelling kills four in Douma | Example</title>", paragraphs));
    for (const p of BODY) assert.ok(out.text.includes(`${p}`), `missing: ${p.slice(0, 40)}`);
    assert.ok(out.text.includes(`${BODY[0]}\n\n${BODY[1]}`));
    assert.ok(!out.text.includes("All rights reserved"), "footer should not be part of the article");
    assert.ok(out.title?.includes("Shelling kills four in Douma"));
  });

  it("never lets scripts, styles or iframes into the text", () => {
    const article = `${paragraphs}<p>Residents fled.<script>document.write("SCRIPT_LEAK")</script></p>
      <style>.x{content:"STYLE_LEAK"}</style><iframe src="https://x">IFRAME_LEAK</iframe>
      <noscript>NOSCRIPT_LEAK</noscript><img src="x" onerror="alert('ONERROR_LEAK')">`;
    const out = htmlToText(page("<style>body{}</style>", article));
    for (const leak of [
      "SCRIPT_LEAK",
      "STYLE_LEAK",
      "IFRAME_LEAK",
      "NOSCRIPT_LEAK",
      "ONERROR_LEAK",
      "TRACKER_LEAK",
    ]) {
      assert.ok(!out.text.includes(leak), `${leak} leaked`);
    }
    assert.ok(out.text.includes("Residents fled."));
  });

  it("falls back to the body text when Readability finds no article", () => {
    const out = htmlToText("<p>Rebels shelled Aleppo.</p><p>Two died.<br>Five were hurt.</p>");
    assert.equal(out.text, "Rebels shelled Aleppo.\n\nTwo died.\nFive were hurt.");
    assert.equal(out.title, null);
    assert.equal(out.published, null);
  });

  it("reads the publication date from article:published_time", () => {
    const head = '<meta property="article:published_time" content="2017-01-14T09:30:00+02:00">';
    assert.equal(htmlToText(page(head, paragraphs)).published, "2017-01-14");
  });

  it("reads the publication date from JSON-LD datePublished, also inside @graph", () => {
    const head = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2017-02-03T11:00:00Z"}]}</script>`;
    assert.equal(htmlToText(page(head, paragraphs)).published, "2017-02-03");
  });

  it("reads the publication date from <time datetime>, and ignores broken JSON-LD", () => {
    const head = '<script type="application/ld+json">{ not json</script>';
    const out = htmlToText(page(head, `<time datetime="2017-03-05">5 March</time>${paragraphs}`));
    assert.equal(out.published, "2017-03-05");
  });

  it("ignores dates that are not real days", () => {
    const head = '<meta property="article:published_time" content="2017-13-45">';
    assert.equal(htmlToText(page(head, paragraphs)).published, null);
  });

  it("survives 10,000 nested divs without overflowing the stack", () => {
    const deep = `${"<div>".repeat(10_000)}<p>Rebels shelled Aleppo.</p>${"</div>".repeat(10_000)}`;
    const start = performance.now();
    assert.equal(htmlToText(deep).text, "Rebels shelled Aleppo.");
    assert.ok(performance.now() - start < 5_000);
  });

  it("reads unclosed tags and huge attribute values", () => {
    assert.equal(htmlToText("<div><p>Shelling <b>in <i>Daraa").text, "Shelling in Daraa");
    const huge = `<p title="${"x".repeat(2_000_000)}">Airstrikes hit Idlib.</p>`;
    assert.equal(htmlToText(huge).text, "Airstrikes hit Idlib.");
  });

  it("refuses a page over the size limit with a TruceError instead of parsing it", () => {
    assert.throws(
      () => htmlToText(`<p>${"a".repeat(MAX_HTML_CHARS)}</p>`),
      (e: unknown) => isTruceError(e) && e.code === "TRUCE_E_FILE_TOO_LARGE",
    );
  });

  it("gives empty text, not a crash, for a page with nothing visible", () => {
    assert.equal(htmlToText("<script>alert(1)</script><style>p{}</style>").text, "");
    assert.equal(htmlToText("").text, "");
  });
});
