// A guarantor's linking decisions on the incident page, in a browser on the real server: another incident merged
// into this one brings its reports along; reports split off become a new incident; each decision shows in the
// audit trail, checked in the browser against the signed checkpoint. That a later ingest never undoes either is
// the application tests' (test/application/): here, what the page shows.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import type { Incident } from "../../src/domain/records/incident.js";
import { as, type Harness, screenshot, signIn, skipBrowser, startHarness } from "./harness.js";

/** The reports' columns of the side-by-side table: one per report the page shows. */
const reportColumns = (page: Page) => page.locator("table.compare thead th .report-number");

/** Waits until the page shows exactly `n` reports (the page reloads its data after a decision). */
async function waitForReports(page: Page, n: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  let shown = await reportColumns(page).count();
  while (shown !== n) {
    if (Date.now() > deadline) assert.fail(`the page shows ${shown} reports, not ${n}`);
    await page.waitForTimeout(100);
    shown = await reportColumns(page).count();
  }
}

/** The notice a split leaves on the page, with the link to the incident it made. */
const splitNotice = (page: Page) =>
  page.getByRole("status").filter({ hasText: "The chosen reports are now a new incident:" });

/** The audit trail's row of a decision, once the browser has checked its proof against the signed root. */
async function verifiedEntry(page: Page, decision: string): Promise<void> {
  const row = page.locator("table.audit tbody tr").filter({ hasText: decision });
  await row.first().waitFor();
  await row.first().locator(".proof-verified").waitFor();
}

describe("merge and split on the incident page", { skip: skipBrowser() }, () => {
  let h: Harness;
  let page: Page;
  /** Two incidents of the samples no one has judged: merge refuses to retire one that has positions. */
  let into: Incident;
  let from: Incident;
  let createdId = "";

  before(async () => {
    h = await startHarness();
    const open = await h.server.context.store.incidents.list({
      status: ["open"],
      sort: "date",
      order: "asc",
      limit: 100,
    });
    const [first, second] = open.items;
    assert.ok(first !== undefined && second !== undefined, "the samples leave at least two open incidents");
    [into, from] = [first, second];
    page = await (await h.context()).newPage();
    await signIn(page, h.base, as("ru"));
  });

  after(async () => {
    await h?.close();
  });

  it("merging another incident in: its reports join this one, the other is gone", async () => {
    await page.goto(`${h.base}/incidents/${encodeURIComponent(into.id)}`);
    await page.getByRole("heading", { name: "Reports side by side" }).waitFor();
    await waitForReports(page, into.reportIds.length);
    await page.getByLabel("Id of the incident to merge in").fill(from.id);
    await page.getByRole("button", { name: "Merge", exact: true }).click();
    await waitForReports(page, into.reportIds.length + from.reportIds.length);
    assert.equal(
      await page.getByLabel("Id of the incident to merge in").inputValue(),
      "",
      "the form is reset",
    );
    await verifiedEntry(page, "Incidents merged");
    await screenshot(page, "incident-merged");

    // The absorbed incident is retired: its page says so rather than showing stale reports.
    const retired = await page.context().newPage();
    await retired.goto(`${h.base}/incidents/${encodeURIComponent(from.id)}`);
    await retired.getByRole("alert").waitFor();
    assert.match((await retired.getByRole("alert").textContent()) ?? "", /no incident/i);
    await retired.close();
  });

  it("merging an id no incident has is refused on the form, and changes nothing", async () => {
    const before = await reportColumns(page).count();
    await page.getByLabel("Id of the incident to merge in").fill("no-such-incident");
    await page.getByRole("button", { name: "Merge", exact: true }).click();
    await page.locator("form[aria-labelledby='merge-title'] [role='alert']").waitFor();
    assert.equal(await reportColumns(page).count(), before);
  });

  it("splitting the merged-in reports off: a new incident, this one as it was", async () => {
    const total = into.reportIds.length + from.reportIds.length;
    const split = page.locator("form[aria-labelledby='split-title']");
    // The form names reports by their place on the page: find where the merged-in ones are (the session's API).
    const shown = await page.request.get(`${h.base}/api/incidents/${encodeURIComponent(into.id)}`);
    const view = (await shown.json()) as { reports: { report: { id: string } }[] };
    assert.equal(view.reports.length, total);
    const places = view.reports.flatMap((side, i) =>
      from.reportIds.includes(side.report.id) ? [i + 1] : [],
    );
    assert.equal(places.length, from.reportIds.length);
    for (const n of places) await split.getByRole("checkbox", { name: new RegExp(`^Report ${n}:`) }).check();
    await split.getByRole("button", { name: "Split" }).click();
    await splitNotice(page).waitFor();
    createdId = ((await splitNotice(page).getByRole("link").textContent()) ?? "").trim();
    assert.ok(createdId !== "" && createdId !== into.id, "a new incident's id is shown");
    await waitForReports(page, into.reportIds.length);
    await verifiedEntry(page, "Incident split");
    await verifiedEntry(page, "Incidents merged");
    await screenshot(page, "incident-split");

    const stored = await h.server.context.store.incidents.get(into.id);
    assert.deepEqual([...(stored?.reportIds ?? [])].sort(), [...into.reportIds].sort());
  });

  it("the new incident holds the reports split off, with the audit entries of their documents", async () => {
    assert.ok(createdId !== "", "the split made an incident");
    // Left with one report, the incident offers no split any more, but still links to the one just made.
    if (into.reportIds.length < 2)
      await page.getByText("An incident with one report cannot be split.").waitFor();
    await splitNotice(page).getByRole("link", { name: createdId }).click();
    await page.waitForURL(`**/incidents/${encodeURIComponent(createdId)}`);
    await waitForReports(page, from.reportIds.length);
    const created = await h.server.context.store.incidents.get(createdId);
    assert.deepEqual([...(created?.reportIds ?? [])].sort(), [...from.reportIds].sort());
    // The split is recorded under the incident it was made on (shown above); here, what its reports rest on.
    await verifiedEntry(page, "Document accepted");
    await screenshot(page, "incident-split-new");
  });

  it("no page broke the content security policy or threw", () => {
    assert.deepEqual(h.problems, []);
  });
});
