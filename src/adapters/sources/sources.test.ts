// Document sources: files, feeds (RSS and Atom, hostile XML refused) and URLs served by a local HTTP server.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { SourceItem } from "../../ports/document-source.js";
import { feedSource, looksLikeFeed, parseFeedItems } from "./feed-source.js";
import { fileSource } from "./file-source.js";
import { urlSource } from "./url-source.js";

const never = async () => false;

async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Monitor notes</title>
  <entry>
    <title>Clashes in Hama countryside</title>
    <id>urn:uuid:0b7f3c1e-0001</id>
    <link href="https://example.org/notes/1"/>
    <updated>2017-02-03T08:00:00Z</updated>
    <summary>Rebels and government forces clashed near Suran on Thursday.</summary>
  </entry>
</feed>`;

const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss version="2.0"><channel><title>&lol2;</title><item><title>x</title><description>&lol2;</description></item></channel></rss>`;

const external = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title><item><title>x</title><description>&xxe;</description></item></channel></rss>`;

describe("feeds", () => {
  it("reads the items of an RSS feed with their ids, links, dates and HTML", () => {
    const feed = parseFeedItems(
      `<rss version="2.0"><channel><title>Wire</title><item><title>A</title><link>https://e.org/a</link><guid>g-1</guid><pubDate>Wed, 25 Jan 2017 09:30:00 GMT</pubDate><description>&lt;p&gt;Shelling hit Douma.&lt;/p&gt;</description></item></channel></rss>`,
      "test",
    );
    assert.equal(feed.title, "Wire");
    assert.equal(feed.items.length, 1);
    assert.equal(feed.items[0]?.id, "g-1");
    assert.equal(feed.items[0]?.link, "https://e.org/a");
    assert.equal(feed.items[0]?.published, "2017-01-25");
    assert.match(feed.items[0]?.html ?? "", /Shelling hit Douma/);
  });

  it("reads Atom entries", () => {
    const feed = parseFeedItems(atom, "test");
    assert.equal(feed.items[0]?.id, "urn:uuid:0b7f3c1e-0001");
    assert.equal(feed.items[0]?.link, "https://example.org/notes/1");
    assert.match(feed.items[0]?.html ?? "", /clashed near Suran/);
  });

  it("refuses entity expansion and external entities with a message that says why", () => {
    for (const xml of [laughs, external]) {
      assert.throws(
        () => parseFeedItems(xml, "hostile.xml"),
        (e: Error & { code?: string }) => {
          assert.equal(e.code, "TRUCE_E_FEED_HOSTILE");
          assert.match(e.message, /hostile\.xml.*DTD or entities/);
          return true;
        },
      );
    }
  });

  it("refuses XML that is not a feed", () => {
    assert.throws(
      () => parseFeedItems("<html><body>no</body></html>", "page.xml"),
      /TRUCE_E_FEED_INVALID|not a valid/,
    );
  });

  it("skips the items already read and reports a hostile feed file as a failed item", async () => {
    const dir = mkdtempSync(join(tmpdir(), "truce-feed-"));
    writeFileSync(join(dir, "bad.rss"), laughs);
    const bad = await collect(feedSource(join(dir, "bad.rss"), never).items());
    assert.equal(bad.length, 1);
    assert.equal(bad[0]?.ok, false);
    const all = await collect(feedSource("samples/feeds/truce-sample.rss", never).items());
    assert.equal(all.filter((i) => i.ok).length, 2);
    const unread = await collect(
      feedSource("samples/feeds/truce-sample.rss", async (_feed, id) => id === "truce-sample-0001").items(),
    );
    assert.deepEqual(
      unread.map((i) => (i.ok ? i.document.feedItem?.itemId : null)),
      ["truce-sample-0002"],
    );
  });

  it("tells feeds from pages", () => {
    assert.equal(looksLikeFeed(atom), true);
    assert.equal(looksLikeFeed("<!doctype html><html></html>"), false);
  });
});

describe("files", () => {
  it("keeps each file's text as received and refuses what cannot be read, going on with the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "truce-files-"));
    writeFileSync(
      join(dir, "a.json"),
      JSON.stringify({ title: "T", published: "2017-01-02", outlet: "Wire", text: "Rebels shelled Douma." }),
    );
    writeFileSync(join(dir, "b.json"), "{not json");
    const items = await collect(fileSource([dir, join(dir, "missing.txt")]).items());
    const ok = items.filter((i) => i.ok);
    assert.equal(ok.length, 1);
    const doc = ok[0]?.ok ? ok[0].document : null;
    assert.equal(doc?.source, "Wire");
    assert.equal(doc?.contentType, "application/json");
    assert.match(doc?.body ?? "", /"text":"Rebels shelled Douma."/);
    assert.equal(items.filter((i) => !i.ok).length, 2);
  });
});

describe("URLs", () => {
  let server: Server;
  let base = "";
  before(async () => {
    server = createServer((req, res) => {
      if (req.url === "/page") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(
          "<html><head><title>Douma</title></head><body><article><p>Government forces shelled Douma on Monday, a monitor said.</p></article></body></html>",
        );
      } else if (req.url === "/feed") {
        res.writeHead(200, { "content-type": "application/atom+xml" });
        res.end(atom);
      } else if (req.url === "/huge") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("x".repeat(11 * 1024 * 1024));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it("reads a page as one document", async () => {
    const [item] = await collect(urlSource(`${base}/page`, never).items());
    assert.equal(item?.ok, true);
    if (item?.ok) {
      assert.equal(item.document.channel, "url");
      assert.equal(item.document.contentType, "text/html");
      assert.equal(item.document.title, "Douma");
    }
  });

  it("reads a URL that serves a feed as its items", async () => {
    const items = await collect(urlSource(`${base}/feed`, never).items());
    assert.equal(items.length, 1);
    assert.equal(items[0]?.ok && items[0].document.channel, "feed");
  });

  it("refuses a missing page and a page over the size limit, naming the URL", async () => {
    for (const path of ["/nothing", "/huge"]) {
      const [item] = await collect(urlSource(`${base}${path}`, never).items());
      assert.equal(item?.ok, false);
      if (item && !item.ok) {
        assert.equal(item.error.code, "TRUCE_E_FETCH_FAILED");
        assert.ok(item.error.message.includes(path));
      }
    }
  });
});
