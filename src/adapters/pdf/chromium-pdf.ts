// Prints a bulletin's HTML to PDF with the system's Chromium (Debian's package), driven by playwright-core.
import { accessSync, constants } from "node:fs";
import type { Browser } from "playwright-core";
import { resolveChromiumPath } from "../../config.js";
import { TruceError } from "../../errors.js";

/**
 * The flags Truce launches Chromium with, for printing and in the browser tests alike. No sandbox: it needs user
 * namespaces that containers and CI runners often lack, and the pages are Truce's own. The rest keeps a headless
 * browser from reaching out or updating.
 */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface PdfOptions {
  /** The Chromium binary; default TRUCE_CHROMIUM, else Debian's (see src/config.ts). */
  readonly executablePath?: string;
  /** How long printing may take in all (ms); default 60 s. */
  readonly timeoutMs?: number;
}

/** The HTML printed on A4 with its backgrounds (the map's shading), as PDF bytes. */
export async function renderBulletinPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const executablePath = options.executablePath ?? resolveChromiumPath();
  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    throw new TruceError(
      "TRUCE_E_PDF_UNAVAILABLE",
      `there is no Chromium at ${executablePath} to print the PDF with: install Debian's \`chromium\` package (apt-get install chromium fonts-noto-core) or set TRUCE_CHROMIUM to a Chromium binary`,
      { subject: executablePath },
    );
  }
  const timeout = options.timeoutMs ?? 60_000;
  let browser: Browser | undefined;
  try {
    // Loaded on the first PDF only: playwright-core costs each server process about 90 MB and 0.4 s at start.
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true, timeout });
    const page = await browser.newPage({ javaScriptEnabled: false });
    // Nothing outside the document is fetched: the bulletin is self-contained, and anything else is refused.
    await page.route("**/*", (route) =>
      route.request().url().startsWith("data:") ? route.continue() : route.abort(),
    );
    await page.setContent(html, { waitUntil: "load", timeout });
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      margin: { top: "15mm", bottom: "15mm", left: "12mm", right: "12mm" },
    });
    return new Uint8Array(pdf);
  } catch (cause) {
    throw new TruceError(
      "TRUCE_E_PDF_FAILED",
      `Chromium (${executablePath}) could not print the bulletin: ${cause instanceof Error ? cause.message.split("\n")[0] : String(cause)}`,
      { subject: executablePath, cause },
    );
  } finally {
    await browser?.close();
  }
}
