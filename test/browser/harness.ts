// What the browser tests share: the web application built from the current sources, the real server on a
// temporary SQLite store with the shipped samples and one account per role, and Debian's Chromium driven by
// playwright-core (never a downloaded browser).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { loadAgreement } from "../../src/adapters/data/load-context.js";
import { chromiumArgs } from "../../src/adapters/pdf/chromium-pdf.js";
import { openStore } from "../../src/adapters/store/open-store.js";
import { accountsDeps } from "../../src/application/accounts/accounts-deps.js";
import { createUser } from "../../src/application/accounts/create-user.js";
import { resolveChromiumPath } from "../../src/config.js";
import type { Agreement } from "../../src/domain/agreement/schema.js";
import { createServer, type TruceServer } from "../../src/server/app.js";
import { loadServerConfig } from "../../src/server/config.js";
import { firstRun } from "../../src/server/first-run.js";

export const repository = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const screenshots = join(repository, "artifacts", "screenshots");

/**
 * Why the browser tests cannot run here, or null when they can. Without Chromium they are skipped with this
 * message, except in CI (`CI=true`), where a missing browser is a failure: `.ci/run` installs it.
 */
export function chromiumMissing(): string | null {
  const path = resolveChromiumPath();
  if (existsSync(path)) return null;
  return `Chromium is not installed at ${path}: install Debian's (apt-get install -y chromium fonts-noto-core) or set TRUCE_CHROMIUM to run the browser tests`;
}

export const skipBrowser = (): string | false => {
  const missing = chromiumMissing();
  return missing !== null && process.env.CI !== "true" ? missing : false;
};

export interface Account {
  readonly username: string;
  readonly password: string;
}

export const password = "correct horse battery staple";

/** One account per role and binding the journeys sign in as (the administrator is the first run's). */
export const accounts = {
  ru: { username: "monitor-ru", role: "guarantor", guarantor: "RU" },
  tr: { username: "monitor-tr", role: "guarantor", guarantor: "TR" },
  ir: { username: "monitor-ir", role: "guarantor", guarantor: "IR" },
  opposition: { username: "rep-opposition", role: "party", party: "SY-OPP" },
  government: { username: "rep-government", role: "party", party: "SY-GOV" },
  observer: { username: "envoy-office", role: "observer" },
} as const;

export type AccountName = keyof typeof accounts;

export interface Harness {
  readonly base: string;
  readonly server: TruceServer;
  readonly browser: Browser;
  readonly admin: Account;
  /** A fresh browser profile (its own cookies and storage), its errors recorded. */
  readonly context: (options?: { phone?: boolean }) => Promise<BrowserContext>;
  /** Console errors (a CSP violation is one) and uncaught page errors, across every page opened. */
  readonly problems: string[];
  readonly close: () => Promise<void>;
}

/** The Syria agreement with publication at once: the journey sees a verdict published without waiting a day. */
function agreementPublishingAtOnce(file: string): Agreement {
  const agreement = loadAgreement(file);
  return { ...agreement, publication: { ...agreement.publication, delay: "PT0S" } };
}

export async function startHarness(): Promise<Harness> {
  const missing = chromiumMissing();
  if (missing !== null) throw new Error(`CI=true and ${missing}`);
  const dir = mkdtempSync(join(tmpdir(), "truce-browser-"));
  const webRoot = join(dir, "web");
  await build({
    configFile: join(repository, "web", "vite.config.ts"),
    logLevel: "warn",
    build: { outDir: webRoot, emptyOutDir: true, sourcemap: false },
  });
  const config = loadServerConfig(
    { db: join(dir, "truce.db"), host: "127.0.0.1", port: 0, auditKey: join(dir, "audit.key") },
    {},
  );
  const agreement = agreementPublishingAtOnce(config.agreement);
  const store = await openStore(config.db);
  let server: TruceServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await createServer({ config, store, agreement, webRoot });
    const { admin } = await firstRun(server.context, { samples: true });
    if (admin === null) throw new Error("the first run of an empty store created no administrator");
    const deps = accountsDeps(store, [agreement], { now: () => new Date().toISOString() });
    for (const account of Object.values(accounts)) await createUser(deps, { ...account, password });
    await server.app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = server.app.server.address() as AddressInfo;
    browser = await chromium.launch({
      executablePath: resolveChromiumPath(),
      headless: true,
      args: chromiumArgs,
    });
    mkdirSync(screenshots, { recursive: true });
    const problems: string[] = [];
    const launched = browser;
    const running = server;
    return {
      base: `http://127.0.0.1:${port}`,
      server: running,
      browser: launched,
      admin: { username: admin.username, password: admin.password },
      problems,
      context: async ({ phone = false } = {}) => {
        const context = await launched.newContext(
          phone
            ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
            : { viewport: { width: 1280, height: 900 } },
        );
        context.on("page", (page) => watch(page, problems));
        return context;
      },
      close: async () => {
        await launched.close();
        await running.app.close();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    if (server !== null) await server.app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function watch(page: Page, problems: string[]): void {
  page.on("console", (message) => {
    // A refused request (a wrong password's 401) is an answer the page shows, not a fault of the page.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      problems.push(`${page.url()}: console: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  // A hostile text rendered as markup would open a dialog: none may ever open.
  page.on("dialog", (dialog) => {
    problems.push(`${page.url()}: a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

/** Signs in through the /login page, as a person would, and waits to be sent on. */
export async function signIn(page: Page, base: string, account: Account): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel("Username").fill(account.username);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

export const as = (name: AccountName): Account => ({ username: accounts[name].username, password });

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}
