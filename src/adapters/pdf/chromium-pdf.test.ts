// Prints with the real Chromium: a PDF comes back with its pages; a missing Chromium is a clear, typed error.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";
import { DEFAULT_CHROMIUM, loadConfig, resolveChromiumPath } from "../../config.js";
import { isTruceError } from "../../errors.js";
import { renderBulletinPdf } from "./chromium-pdf.js";

const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
  .page { page-break-after: always; } body { font-family: sans-serif; }
</style></head><body><div class="page"><h1>Bulletin</h1><p dir="auto">حلب — Aleppo</p></div><div>Second page</div></body></html>`;

describe("renderBulletinPdf", () => {
  it("prints HTML with Chromium: a PDF of two pages", {
    skip:
      !process.env.CI &&
      !existsSync(resolveChromiumPath()) &&
      "no Chromium installed (CI installs it and never skips)",
  }, async () => {
    const pdf = Buffer.from(await renderBulletinPdf(html));
    assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
    assert.ok(pdf.length > 1000, `a real document (${pdf.length} bytes)`);
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    assert.equal(pages.length, 2);
  });

  it("no Chromium where it is looked for: TRUCE_E_PDF_UNAVAILABLE naming the package", async () => {
    await assert.rejects(
      renderBulletinPdf(html, { executablePath: "/nonexistent/chromium" }),
      (error: unknown) =>
        isTruceError(error) &&
        error.code === "TRUCE_E_PDF_UNAVAILABLE" &&
        error.exitCode === 69 &&
        /apt-get install chromium/.test(error.message) &&
        /TRUCE_CHROMIUM/.test(error.message),
    );
  });

  it("TRUCE_CHROMIUM (read by src/config.ts) chooses the binary; empty means Debian's", () => {
    const path = (env: NodeJS.ProcessEnv) => resolveChromiumPath(loadConfig(env));
    assert.equal(path({ TRUCE_CHROMIUM: "/opt/chromium/chrome" }), "/opt/chromium/chrome");
    assert.equal(path({ TRUCE_CHROMIUM: " /opt/chromium/chrome " }), "/opt/chromium/chrome");
    assert.equal(path({ TRUCE_CHROMIUM: " " }), "/usr/bin/chromium");
    assert.equal(path({}), "/usr/bin/chromium");
    assert.equal(DEFAULT_CHROMIUM, "/usr/bin/chromium");
  });
});
