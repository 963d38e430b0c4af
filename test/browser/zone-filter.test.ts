// The zone filter in a browser on the real server with the shipped samples: the filters offer the agreement's
// zones by name, a zone chosen with the keyboard goes into the address, and the map and the list then hold only
// the incidents in the governorates the zone names; the dashboard asks for its figures with the same zone.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Locator, Page } from "playwright-core";
import type { Agreement } from "../../src/domain/agreement/schema.js";
import type { Incident } from "../../src/domain/records/incident.js";
import { type Harness, screenshot, skipBrowser, startHarness } from "./harness.js";

/** The Idlib de-escalation area, named in several regimes of the Syria agreement under the same id. */
const ZONE = "idlib";

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  assert.equal(response.status, 200, `${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** Every incident the public may list, page after page, without a filter. */
async function everyIncident(base: string): Promise<Incident[]> {
  const all: Incident[] = [];
  let after: string | null = null;
  do {
    const query: string = after === null ? "" : `&after=${after}`;
    const page: { items: Incident[]; next: string | null } = await getJson(
      `${base}/api/incidents?limit=1000${query}`,
    );
    all.push(...page.items);
    after = page.next;
  } while (after !== null);
  return all;
}

/** The incidents the page's list links to, after pressing "Show more" until it has them all. */
async function listedIds(page: Page): Promise<string[]> {
  await page.locator(".incident-table tbody tr").first().waitFor();
  const more = page.getByRole("button", { name: "Show more" });
  while ((await more.count()) > 0) {
    const rows = await page.locator(".incident-table tbody tr").count();
    await more.click();
    await page.waitForFunction(
      (before: number) =>
        (
          globalThis as unknown as { document: { querySelectorAll: (s: string) => { length: number } } }
        ).document.querySelectorAll(".incident-table tbody tr").length > before,
      rows,
    );
  }
  const hrefs = await page
    .locator(".incident-table tbody a")
    .evaluateAll((links) =>
      links.map((a) => (a as unknown as { getAttribute: (n: string) => string }).getAttribute("href")),
    );
  return hrefs.map((href) => decodeURIComponent(href.replace("/incidents/", "")));
}

const focused = (page: Page): Locator => page.locator(":focus");

/** Presses Tab until the focused element has this id, at most `limit` times. */
async function tabToId(page: Page, id: string, limit = 80): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if ((await focused(page).count()) > 0 && (await focused(page).getAttribute("id")) === id) return true;
  }
  return false;
}

describe("the zone filter", { skip: skipBrowser() }, () => {
  let h: Harness;
  /** The governorates the zone stands for, read from the agreement as the public gets it. */
  let units: string[] = [];
  /** Every zone of every regime, in the agreement's order, repeats included. */
  let zones: { id: string; name: string; admin1?: string[] | undefined }[] = [];
  let incidents: Incident[] = [];

  before(async () => {
    h = await startHarness();
    const agreement = await getJson<Agreement>(`${h.base}/api/agreement`);
    zones = agreement.regimes.flatMap((r) => r.zones ?? []);
    units = [...new Set(zones.flatMap((z) => (z.id === ZONE ? (z.admin1 ?? []) : [])))];
    incidents = await everyIncident(h.base);
  });

  after(async () => {
    await h?.close();
  });

  it("the samples have incidents inside the zone and outside it", () => {
    assert.ok(units.length > 0, `the agreement names the governorates of ${ZONE}`);
    const inside = incidents.filter((i) => i.admin1 !== null && units.includes(i.admin1));
    assert.ok(inside.length > 0, "some incident is in the zone");
    assert.ok(inside.length < incidents.length, "some incident is outside it");
  });

  it("offers each zone once, by name, with Any first", async () => {
    const page = await (await h.context()).newPage();
    await page.goto(`${h.base}/`);
    const select = page.getByLabel("Zone", { exact: true });
    await select.locator("option", { hasText: "Idlib de-escalation area" }).waitFor({ state: "attached" });
    const options = await select.locator("option").evaluateAll((all) =>
      all.map((o) => {
        const option = o as unknown as { value: string; textContent: string };
        return `${option.value}=${option.textContent}`;
      }),
    );
    // Each id once, named as the agreement first names it (idlib is in three regimes).
    const mentions = zones.filter((z) => z.id === ZONE).length;
    assert.ok(mentions > 1, `the agreement names ${ZONE} in ${mentions} regimes`);
    const once = new Map<string, string>();
    for (const z of zones) if (!once.has(z.id)) once.set(z.id, z.name);
    assert.deepEqual(options, ["=Any", ...[...once].map(([id, name]) => `${id}=${name}`)]);
    assert.ok(options.includes("idlib=Idlib de-escalation area"));
    assert.equal(await select.inputValue(), "", "no zone until one is chosen");
  });

  it("a zone chosen with the keyboard is in the address, and the map and the list hold only its incidents", async () => {
    const page = await (await h.context()).newPage();
    await page.goto(`${h.base}/`);
    await page.locator(".incident-map .leaflet-marker-icon").first().waitFor();
    const unfiltered = await getJson<{ points: { id: string }[] }>(`${h.base}/api/map?limit=5000`);
    const inZone = new Set(
      incidents.filter((i) => i.admin1 !== null && units.includes(i.admin1)).map((i) => i.id),
    );

    assert.ok(await tabToId(page, "filter-zone"), "Tab reaches the zone filter");
    await page
      .getByLabel("Zone", { exact: true })
      .locator("option[value=idlib]")
      .waitFor({ state: "attached" });
    await page.keyboard.press("ArrowDown");
    assert.equal(await focused(page).inputValue(), ZONE, "the first zone after Any is chosen");
    const mapAnswer = page.waitForResponse(
      (r) => new URL(r.url()).pathname === "/api/map" && new URL(r.url()).searchParams.get("zone") === ZONE,
    );
    let found = false;
    for (let i = 0; i < 20 && !found; i++) {
      await page.keyboard.press("Tab");
      found = ((await focused(page).textContent()) ?? "").trim() === "Apply filters";
    }
    assert.ok(found, "Tab reaches the filters' button");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("zone") === ZONE);

    // The map: every point it was given is in the zone, and it has every point of the zone.
    const map = (await (await mapAnswer).json()) as {
      points: { id: string }[];
      admin1: { admin1: string | null; count: number }[];
    };
    const expectedPoints = unfiltered.points.filter((p) => inZone.has(p.id)).map((p) => p.id);
    assert.ok(expectedPoints.length > 0 && expectedPoints.length < unfiltered.points.length);
    assert.deepEqual(map.points.map((p) => p.id).sort(), [...expectedPoints].sort());
    await page.getByText(`${expectedPoints.length} incidents on the map.`).waitFor();
    // The governorates shaded and counted are the zone's.
    for (const g of map.admin1)
      assert.ok(g.admin1 !== null && units.includes(g.admin1), `${g.admin1} is counted`);
    assert.equal(await page.locator(".governorate-counts tbody tr").count(), map.admin1.length);

    // The list: exactly the incidents in the zone's governorates.
    const listed = await listedIds(page);
    assert.deepEqual([...listed].sort(), [...inZone].sort());
    await screenshot(page, "map-zone");

    // The address alone restores the choice: a shared link shows the same view.
    await page.goto(`${h.base}/?zone=${ZONE}`);
    await page.getByText(`${expectedPoints.length} incidents on the map.`).waitFor();
    assert.equal(await page.getByLabel("Zone", { exact: true }).inputValue(), ZONE);
  });

  it("the dashboard asks for its figures in the zone, and Arabic names the filter", async () => {
    const page = await (await h.context()).newPage();
    const stats = page.waitForRequest(
      (r) =>
        new URL(r.url()).pathname === "/api/stats" &&
        new URL(r.url()).searchParams.get("zone") === "southwest",
    );
    await page.goto(`${h.base}/dashboard?zone=southwest`);
    await stats;
    await page.getByRole("heading", { name: "Escalation alerts" }).waitFor();
    const select = page.getByLabel("Zone", { exact: true });
    await select.locator("option[value=southwest]").waitFor({ state: "attached" });
    assert.equal(await select.inputValue(), "southwest");
    await page.getByLabel("Language").selectOption("ar");
    await page.getByLabel("المنطقة", { exact: true }).waitFor();
    assert.equal(await page.getByLabel("المنطقة", { exact: true }).inputValue(), "southwest");
  });

  it("no page broke the content security policy or threw", () => {
    assert.deepEqual(h.problems, []);
  });
});
