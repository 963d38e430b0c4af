// Tests for readArticleFile: each accepted format, and each refusal with the code and a message that helps.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { TruceErrorCode } from "../../errors.js";
import { isTruceError } from "../../errors.js";
import { firstInvalidUtf8, readArticleFile } from "./read-article.js";

let dir = "";
const file = (name: string, content: string | Buffer): string => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};
const article = (fields: Record<string, unknown>): string =>
  JSON.stringify({
    url: "https://example.org/a",
    title: "Shelling in Douma",
    published: "2017-01-10",
    outlet: "Example",
    language: "en",
    text: "Government forces shelled Douma on Monday.",
    ...fields,
  });

const rejects = async (p: string, code: TruceErrorCode, ...mentions: RegExp[]): Promise<void> => {
  await assert.rejects(readArticleFile(p), (e: unknown) => {
    assert.ok(isTruceError(e), `expected a TruceError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.ok(e.message.includes(p), `message should name the file: ${e.message}`);
    for (const m of mentions) assert.match(e.message, m);
    return true;
  });
};

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "truce-read-"));
});
after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("readArticleFile: accepted inputs", () => {
  it("reads a JSON article, keeping unknown fields out of the way", async () => {
    const p = file("017.json", article({ extra: { anything: true } }));
    assert.deepEqual(await readArticleFile(p), {
      doc: "017",
      path: p,
      url: "https://example.org/a",
      title: "Shelling in Douma",
      published: "2017-01-10",
      outlet: "Example",
      language: "en",
      text: "Government forces shelled Douma on Monday.",
      format: "json",
    });
  });

  it("normalises published: null, month only, and ISO timestamps", async () => {
    const cases: [unknown, string | null][] = [
      [null, null],
      ["2018-10", "2018-10"],
      ["2017-01-24T18:05:00+03:00", "2017-01-24"],
      ["2017-01-24T23:30:00Z", "2017-01-24"],
    ];
    for (const [published, expected] of cases) {
      const a = await readArticleFile(file("p.json", article({ published })));
      assert.equal(a.published, expected, String(published));
    }
    const missing = await readArticleFile(file("m.json", JSON.stringify({ text: "Rebels shelled Aleppo." })));
    assert.deepEqual(
      [missing.url, missing.title, missing.published, missing.outlet],
      [null, null, null, null],
    );
  });

  it("reads .txt and .md as plain text, unchanged", async () => {
    const text = "Rebels shelled Aleppo on Monday.\n\nTwo people were wounded.\n";
    for (const name of ["note.txt", "note.md"]) {
      const a = await readArticleFile(file(name, text));
      assert.equal(a.format, "text");
      assert.equal(a.text, text);
      assert.equal(a.doc, "note");
      assert.equal(a.title, null, "a first line that is a sentence is not a title");
    }
  });

  it("takes a headline on the first line of a text file as its title", async () => {
    const text = "# Rebels shell Aleppo\n\nRebels shelled Aleppo on Monday.\n";
    const a = await readArticleFile(file("headline.md", text));
    assert.equal(a.title, "Rebels shell Aleppo");
    assert.equal(a.text, text);
  });

  it("reads .html through htmlToText, with the date from its meta tags", async () => {
    const html = `<html><head><title>Strikes on Idlib</title><meta property="article:published_time" content="2017-02-11T08:00:00Z"></head>
      <body><p>Russian warplanes struck Idlib on Saturday.</p><script>LEAK()</script></body></html>`;
    const a = await readArticleFile(file("idlib.html", html));
    assert.equal(a.format, "html");
    assert.equal(a.published, "2017-02-11");
    assert.equal(a.title, "Strikes on Idlib");
    assert.match(a.text, /Russian warplanes struck Idlib on Saturday\./);
    assert.doesNotMatch(a.text, /LEAK/);
  });

  it("sniffs the format when the extension says nothing", async () => {
    assert.equal((await readArticleFile(file("a.dat", article({})))).format, "json");
    assert.equal(
      (await readArticleFile(file("b", "<!DOCTYPE html><p>Shelling in Hama.</p>"))).format,
      "html",
    );
    assert.equal((await readArticleFile(file("c.log", "Shelling in Hama."))).format, "text");
  });

  it("strips a UTF-8 byte order mark", async () => {
    const p = file("bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(article({}))]));
    assert.equal((await readArticleFile(p)).title, "Shelling in Douma");
  });
});

describe("readArticleFile: refusals", () => {
  it("missing file", async () => {
    await rejects(path.join(dir, "nope.json"), "TRUCE_E_FILE_NOT_FOUND", /no such file/);
  });

  it("a folder where a file was expected", async () => {
    const sub = path.join(dir, "folder.json");
    fs.mkdirSync(sub);
    await rejects(sub, "TRUCE_E_FILE_UNREADABLE", /folder, not a file/);
  });

  it("unreadable file (permissions)", {
    skip: process.getuid?.() === 0 ? "root reads everything" : false,
  }, async () => {
    const p = file("secret.json", article({}));
    fs.chmodSync(p, 0o000);
    await rejects(p, "TRUCE_E_FILE_UNREADABLE", /permission denied/);
  });

  it("empty and whitespace-only files", async () => {
    await rejects(file("empty.txt", ""), "TRUCE_E_FILE_EMPTY", /0 bytes/);
    await rejects(file("blank.json", " \n\t\n"), "TRUCE_E_FILE_EMPTY", /whitespace/);
  });

  it("a 20 MB file is refused from its size, without being read", async () => {
    const p = path.join(dir, "huge.txt");
    fs.writeFileSync(p, "");
    fs.truncateSync(p, 20 * 1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    await rejects(p, "TRUCE_E_FILE_TOO_LARGE", /20\.0 MiB/, /10\.0 MiB limit/);
    assert.ok(process.memoryUsage().arrayBuffers - before < 10 * 1024 * 1024, "the file must not be loaded");
  });

  it("honours a smaller maxBytes", async () => {
    const p = file("small.txt", "Rebels shelled Aleppo on Monday.");
    await assert.rejects(readArticleFile(p, { maxBytes: 10 }), { code: "TRUCE_E_FILE_TOO_LARGE" });
    assert.equal((await readArticleFile(p, { maxBytes: 100 })).format, "text");
  });

  it("binary: a PNG header, NUL bytes, control characters", async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    await rejects(file("image.json", png), "TRUCE_E_FILE_BINARY", /PNG image/);
    await rejects(
      file("nul.txt", Buffer.from("Rebels\0shelled")),
      "TRUCE_E_FILE_BINARY",
      /NUL byte at offset 6/,
    );
    await rejects(file("ctl.txt", Buffer.alloc(100, 0x01)), "TRUCE_E_FILE_BINARY", /control characters/);
  });

  it("invalid UTF-8 names the byte and its offset", async () => {
    const bytes = Buffer.concat([
      Buffer.from("Aleppo\nHama "),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(" Idlib"),
    ]);
    await rejects(
      file("latin.txt", bytes),
      "TRUCE_E_FILE_ENCODING",
      /byte 0xC3 at offset 12 \(line 2\)/,
      /UTF-8/,
    );
    await rejects(file("utf16.txt", Buffer.from("\ufeffHama", "utf16le")), "TRUCE_E_FILE_ENCODING", /UTF-16/);
  });

  it("JSON that does not parse gives line and column", async () => {
    await rejects(
      file("bad1.json", '{\n  "title": "x"\n  "text": "y"\n}'),
      "TRUCE_E_ARTICLE_INVALID",
      /line 3, column 3/,
    );
    await rejects(
      file("bad2.json", '{"text": "y"'),
      "TRUCE_E_ARTICLE_INVALID",
      /not valid JSON at line 1, column 13/,
    );
  });

  it("JSON that is not an article says which field is wrong", async () => {
    await rejects(
      file("notext.json", JSON.stringify({ title: "x" })),
      "TRUCE_E_ARTICLE_INVALID",
      /"text" is missing/,
    );
    await rejects(
      file("numdate.json", article({ published: 20170110 })),
      "TRUCE_E_ARTICLE_INVALID",
      /"published" should be a string or null but is a number/,
    );
    await rejects(file("array.json", "[]"), "TRUCE_E_ARTICLE_INVALID", /array, not an article object/);
    await rejects(
      file("baddate.json", article({ published: "10 Jan 2017" })),
      "TRUCE_E_ARTICLE_INVALID",
      /"published"/,
    );
  });

  it("an article whose text is empty", async () => {
    await rejects(
      file("notext2.json", article({ text: "  \n " })),
      "TRUCE_E_ARTICLE_NO_TEXT",
      /"text" is empty/,
    );
    await rejects(
      file("blank.html", "<html><body><script>x()</script></body></html>"),
      "TRUCE_E_ARTICLE_NO_TEXT",
    );
  });
});

describe("firstInvalidUtf8", () => {
  it("finds overlong forms, surrogates and truncated sequences", () => {
    assert.equal(firstInvalidUtf8(Buffer.from("héllo")), 6);
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf])), 1);
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80])), 2);
    assert.equal(firstInvalidUtf8(Buffer.from([0xe2, 0x82])), 0);
  });
});
