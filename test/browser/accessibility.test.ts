// The web application with the keyboard alone, in Arabic (right to left) and on a phone's screen, on the real
// server with the shipped samples.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Locator, Page } from "playwright-core";
import { as, type Harness, screenshot, signIn, skipBrowser, startHarness } from "./harness.js";

/** What the test reads of the page's own window, typed here because the tests compile without the DOM's types. */
interface PageWindow {
  readonly document: {
    readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number };
  };
  getComputedStyle(element: unknown): { readonly outlineStyle: string; readonly outlineWidth: string };
}

const focused = (page: Page): Locator => page.locator(":focus");

/** Presses Tab (or Shift+Tab) until the focused element matches, at most `limit` times; false when it never does. */
async function tabTo(
  page: Page,
  matches: () => Promise<boolean>,
  { limit = 80, key = "Tab" }: { limit?: number; key?: "Tab" | "Shift+Tab" } = {},
): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    if ((await focused(page).count()) > 0 && (await matches())) return true;
  }
  return false;
}

const focusedText = async (page: Page): Promise<string> => ((await focused(page).textContent()) ?? "").trim();

describe("keyboard, right-to-left and small screens", { skip: skipBrowser() }, () => {
  let h: Harness;

  before(async () => {
    h = await startHarness();
  });

  after(async () => {
    await h?.close();
  });

  it("the skip link comes first and moves focus to the content", async () => {
    const page = await (await h.context()).newPage();
    await page.goto(`${h.base}/`);
    await page.getByRole("heading", { name: "Incidents on the map" }).waitFor();
    await page.keyboard.press("Tab");
    assert.equal(await focusedText(page), "Skip to the content");
    await page.keyboard.press("Enter");
    assert.equal(await focused(page).getAttribute("id"), "main");
  });

  it("the navigation, the filters and the map's incidents are reached and used with the keyboard", async () => {
    const page = await (await h.context()).newPage();
    await page.goto(`${h.base}/`);
    await page.locator(".incident-map .leaflet-marker-icon").first().waitFor();
    assert.ok(
      await tabTo(page, async () => (await focusedText(page)) === "Bulletins"),
      "Tab reaches Bulletins",
    );
    // Focus is visible: the project's outline, not the browser's default or none.
    const outline = await focused(page).evaluate((element: unknown) => {
      const style = (globalThis as unknown as PageWindow).getComputedStyle(element);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    assert.equal(outline, "solid 3px");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${h.base}/bulletins`);
    assert.equal(await focused(page).getAttribute("id"), "main", "focus moves to the new page");
    await page.getByRole("heading", { name: "Bulletins", exact: true }).waitFor();

    await page.goto(`${h.base}/`);
    await page.locator(".incident-map .leaflet-marker-icon").first().waitFor();
    assert.ok(
      await tabTo(page, async () => (await focused(page).getAttribute("id")) === "filter-status"),
      "Tab reaches the status filter",
    );
    await page.keyboard.press("ArrowDown");
    assert.ok(
      await tabTo(page, async () => (await focusedText(page)) === "Apply filters"),
      "Tab reaches the filters' button",
    );
    await page.keyboard.press("Enter");
    await page.waitForURL(/status=/);
    await page.goto(`${h.base}/`);
    await page.locator(".incident-map .leaflet-marker-icon").first().waitFor();
    assert.ok(
      await tabTo(
        page,
        async () => (await focused(page).getAttribute("class"))?.includes("point-icon") === true,
      ),
      "Tab reaches an incident on the map",
    );
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/incidents\/[^/]+$/);
    await page.getByRole("heading", { name: "Reports side by side" }).waitFor();
  });

  it("signing in takes the keyboard alone", async () => {
    const page = await (await h.context()).newPage();
    await page.goto(`${h.base}/login`);
    assert.ok(await tabTo(page, async () => (await focused(page).getAttribute("id")) === "login-username"));
    const { username, password } = as("ru");
    await page.keyboard.type(username);
    await page.keyboard.press("Tab");
    await page.keyboard.type(password);
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    // Focus is on the page signed in to; the navigation is back above it.
    assert.ok(
      await tabTo(page, async () => (await focusedText(page)) === "Verification queue", { key: "Shift+Tab" }),
    );
    await page.keyboard.press("Enter");
    await page.waitForURL(`${h.base}/queue`);
    await page.locator(".incident-table tbody tr").first().waitFor();
  });

  it("Arabic mirrors the layout and translates the navigation and titles", async () => {
    const page = await (await h.context()).newPage();
    await page.goto(`${h.base}/`);
    await page.getByLabel("Language").selectOption("ar");
    await page.getByRole("heading", { name: "الحوادث على الخريطة" }).waitFor();
    assert.equal(await page.locator("html").getAttribute("dir"), "rtl");
    assert.equal(await page.locator("html").getAttribute("lang"), "ar");
    await page.getByRole("navigation").getByRole("link", { name: "الخريطة" }).waitFor();
    // Right to left: the brand sits at the right edge, the language switch at the left.
    const width = page.viewportSize()?.width ?? 1280;
    const brand = await page.getByRole("link", { name: "Truce" }).boundingBox();
    const language = await page.locator(".locale-switch").boundingBox();
    assert.ok(brand !== null && brand.x > width / 2, `brand at x=${brand?.x}`);
    assert.ok(language !== null && language.x < width / 2, `language switch at x=${language?.x}`);
    await page.locator(".incident-map .leaflet-marker-icon").first().waitFor();
    await screenshot(page, "map-arabic");
    await page.getByRole("link", { name: "النشرات" }).click();
    await page.getByRole("heading", { name: "النشرات" }).waitFor();
    await screenshot(page, "bulletins-arabic");
    // The choice is remembered on the next visit.
    await page.goto(`${h.base}/dashboard`);
    await page.getByRole("heading", { name: "لوحة الامتثال" }).waitFor();
    assert.equal(await page.locator("html").getAttribute("dir"), "rtl");
    await screenshot(page, "dashboard-arabic");
  });

  it("on a phone the pages fit the screen's width", async () => {
    const context = await h.context({ phone: true });
    const page = await context.newPage();
    const fits = async (): Promise<void> => {
      const { scrollWidth, clientWidth } = await page.evaluate(() => {
        const root = (globalThis as unknown as PageWindow).document.documentElement;
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
      });
      assert.ok(
        scrollWidth <= clientWidth,
        `${page.url()}: ${scrollWidth}px wide on a ${clientWidth}px screen`,
      );
    };
    await page.goto(`${h.base}/`);
    await page.locator(".incident-map .leaflet-marker-icon").first().waitFor();
    await fits();
    await screenshot(page, "map-phone");
    await page.locator(".incident-table a").first().click();
    await page.getByRole("heading", { name: "Audit trail" }).waitFor();
    await fits();
    await screenshot(page, "incident-phone");
    await signIn(page, h.base, as("government"));
    await page.goto(`${h.base}/complaints/new`);
    await page.getByRole("heading", { name: "The agreement's rules" }).waitFor();
    await fits();
    await screenshot(page, "complaint-phone");
  });

  it("no page broke the content security policy or threw", () => {
    assert.deepEqual(h.problems, []);
  });
});
