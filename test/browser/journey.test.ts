// The mechanism through a browser, end to end on the real server: a party files a complaint on the form, each
// guarantor finds it in its queue and records its position, the agreement's unanimity rule gives a verdict, the
// verdict shows on the incident page and on the map, the incident is in the day's bulletin, and the accused
// party replies. Every role signs in; every page is kept as a screenshot in artifacts/screenshots/.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { as, type Harness, screenshot, signIn, skipBrowser, startHarness } from "./harness.js";

/**
 * A day under the Astana de-escalation regime, whose guarantors are Russia, Turkey and Iran (from September 2018
 * Idlib's are Russia and Turkey only), and on which none of the shipped samples is dated: the map and the
 * bulletin of that day hold this incident only.
 */
const DAY = "2017-06-14";
/** Ariha, in Idlib governorate. */
const POINT = { lat: "35.8128", lon: "36.6097" };
/** A hostile text in a form field: it must come back as text, never run. */
const HOSTILE = `<img src=x onerror="alert('xss')">`;
const NARRATIVE = `Aircraft struck the vegetable market in Ariha at noon; four civilians were killed. ${HOSTILE}`;
/** 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

async function fileComplaint(page: Page): Promise<string> {
  await page.getByRole("link", { name: "File a complaint" }).click();
  await page.getByRole("heading", { name: "File a complaint" }).waitFor();
  // The map picker sets the point and names its governorate; the typed fields then place it exactly.
  const picker = page.getByRole("region", { name: "Map: click to set where it happened" });
  await picker.click({ position: { x: 200, y: 120 } });
  assert.notEqual(await page.getByLabel("Latitude").inputValue(), "", "a click on the map sets the latitude");
  await page.getByLabel("Latitude").fill(POINT.lat);
  await page.getByLabel("Longitude").fill(POINT.lon);
  await page.getByText("The point is in Idlib.").waitFor();
  await page.getByLabel("Date", { exact: true }).fill(DAY);
  await page.getByLabel("How precise the date is").selectOption("1");
  await page.getByLabel("Event type").selectOption("Air/drone strike");
  await page.getByLabel("Party held responsible").selectOption("SY-GOV");
  await page.getByLabel("Who or what was hit").selectOption("CIV");
  await page.getByLabel("Killed").fill("4");
  await page.getByLabel("Account of what happened").fill(NARRATIVE);
  await page.getByLabel("Witness (restricted)").fill("A stall keeper, name withheld");
  // A file whose bytes are no accepted type is refused before upload, and can be taken off the list.
  await page.getByLabel("Add files").setInputFiles({
    name: "photo.png",
    mimeType: "image/png",
    buffer: Buffer.from("MZ\u0090\u0000 not an image"),
  });
  await page.getByText("not a PNG, JPEG, PDF or plain text file").waitFor();
  assert.equal(await page.getByRole("button", { name: "File the complaint" }).isDisabled(), true);
  await page.getByRole("button", { name: "Remove photo.png" }).click();
  await page
    .getByLabel("Add files")
    .setInputFiles({ name: "crater.png", mimeType: "image/png", buffer: PNG });
  await page.getByText(/crater\.png \(1 KiB, image\/png\)/).waitFor();
  await screenshot(page, "complaint-form");
  await page.getByRole("button", { name: "File the complaint" }).click();
  await page.getByText("Your complaint is filed.").waitFor();
  await page.getByRole("link", { name: "See the incident it was linked to" }).click();
  await page.waitForURL(/\/incidents\/[^/]+$/);
  return decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1) as string);
}

/** Opens the incident from the guarantor's queue (paging on when it is further down) and records a position. */
async function recordPosition(page: Page, incidentId: string, shot: string | null): Promise<void> {
  await page.getByRole("link", { name: "Verification queue" }).click();
  await page.getByRole("heading", { name: "Verification queue" }).waitFor();
  const link = page.locator(`a[href="/incidents/${encodeURIComponent(incidentId)}"]`);
  await page.locator(".incident-table").waitFor();
  while ((await link.count()) === 0) {
    const more = page.getByRole("button", { name: "Show more" });
    assert.equal(await more.count(), 1, "the incident is in the guarantor's queue");
    await more.click();
    await page.waitForTimeout(200);
  }
  if (shot !== null) await screenshot(page, shot);
  await link.click();
  await page.getByRole("heading", { name: "Reports side by side" }).waitFor();
  await page.getByRole("radio", { name: "Violation", exact: true }).check();
  await page.getByLabel("Party held responsible").selectOption("SY-GOV");
  await page
    .getByLabel("Rationale")
    .fill("The market strike is reported with its toll; aircraft of the government are named.");
  await page.getByRole("button", { name: "Record position" }).click();
  await page.getByText("Your position is recorded.").waitFor();
}

describe("the mechanism in a browser", { skip: skipBrowser() }, () => {
  let h: Harness;
  let incidentId = "";

  before(async () => {
    h = await startHarness();
  });

  after(async () => {
    await h?.close();
  });

  it("the public sees published incidents on the map, and signs in nowhere it may not", async () => {
    const page = await (await h.context()).newPage();
    await page.goto(`${h.base}/`);
    await page.getByRole("heading", { name: "Incidents on the map" }).waitFor();
    await page.locator(".incident-map .leaflet-marker-icon").first().waitFor();
    await page.locator(".incident-table tbody tr").first().waitFor();
    assert.equal(
      await page.locator(".incident-map path.leaflet-interactive").count(),
      15,
      "the governorates are drawn",
    );
    await screenshot(page, "map-public");
    await page.goto(`${h.base}/queue`);
    await page.getByText("The verification queue is for guarantors' monitors.").waitFor();
    await page.goto(`${h.base}/login`);
    await screenshot(page, "login");
    await page.getByLabel("Username").fill("nobody");
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").waitFor();
    assert.equal(new URL(page.url()).pathname, "/login");
  });

  it("a party files a complaint with the map picker and an attachment", async () => {
    const page = await (await h.context()).newPage();
    await signIn(page, h.base, as("opposition"));
    incidentId = await fileComplaint(page);
    await page.getByRole("heading", { name: "Reports side by side" }).waitFor();
    // The party's own complaint is readable to it before publication, its text shown as text.
    await page.getByText(NARRATIVE).waitFor();
    assert.equal(await page.locator(".source-text img").count(), 0, "no markup from the narrative");
    assert.equal(await page.getByText("A stall keeper").count(), 0, "a party never sees the witness");
    await screenshot(page, "incident-complaint");
  });

  it("each guarantor finds it in its queue and records a position; unanimity gives the verdict", async () => {
    assert.ok(incidentId !== "", "the complaint was filed");
    const names = ["ru", "tr", "ir"] as const;
    for (const [i, name] of names.entries()) {
      const page = await (await h.context()).newPage();
      await signIn(page, h.base, as(name));
      await recordPosition(page, incidentId, i === 0 ? "queue" : null);
      if (i < names.length - 1) {
        await page.getByRole("heading", { name: "Verdict" }).waitFor();
        await page.getByText("No verdict yet.").waitFor();
      } else {
        await page.reload();
        const verdict = page.locator(".facts").filter({ hasText: "Decision rule" });
        await verdict.getByText("Violation").waitFor();
        await verdict.getByText("Syrian government").waitFor();
        await verdict.getByText("Unanimity").waitFor();
        await page.locator(".badge-published").first().waitFor();
        await page.locator(".proof-verified").first().waitFor();
        assert.equal(await page.locator(".positions tbody tr").count(), 3);
        await screenshot(page, "incident-verdict");
      }
      await page.context().close();
    }
  });

  it("the verdict is on the public map, coloured by the party held responsible", async () => {
    const page = await (await h.context()).newPage();
    await page.goto(`${h.base}/?from=${DAY}&to=${DAY}&colour=party`);
    const point = page.locator(".incident-map .point-icon");
    await point.first().waitFor();
    assert.equal(await point.count(), 1, "one incident that day");
    assert.match((await point.getAttribute("title")) ?? "", /Syrian government/);
    const colour = await point
      .locator(".point-dot")
      .evaluate((dot: { style: { backgroundColor: string } }) => dot.style.backgroundColor);
    assert.equal(colour, "rgb(0, 114, 178)", "SY-GOV's colour, the first party's");
    await screenshot(page, "map-verdict");
    // The keyboard reaches the point and opens the incident.
    await point.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/incidents/${incidentId}`);
    await page.getByRole("heading", { name: "Verdict" }).waitFor();
  });

  it("the incident is in the day's bulletin", async () => {
    const page = await (await h.context()).newPage();
    await page.goto(`${h.base}/bulletins`);
    await page.getByLabel("Day").fill(DAY);
    await page.getByText(/Bulletin of 14 Jun 2017/).waitFor();
    await screenshot(page, "bulletins");
    const html = page.getByRole("link", { name: `Bulletin of ${DAY} as HTML` });
    await html.click();
    await page.waitForURL(`**/api/bulletins/daily/${DAY}?format=html`);
    const text = ((await page.locator("body").textContent()) ?? "").replace(/\s+/g, " ");
    assert.match(text, /Ariha/);
    assert.match(text, /Syrian government/);
    await screenshot(page, "bulletin-daily");
  });

  it("the accused party replies to the verdict", async () => {
    const page = await (await h.context()).newPage();
    await signIn(page, h.base, as("government"));
    await page.goto(`${h.base}/incidents/${encodeURIComponent(incidentId)}`);
    await page.getByRole("heading", { name: "Reply to the verdict" }).waitFor();
    await page.getByLabel("Your reply").fill("Our aircraft did not fly over Ariha that day.");
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.locator(".reply").getByText("Our aircraft did not fly over Ariha that day.").waitFor();
    assert.equal(await page.getByRole("button", { name: "Send reply" }).count(), 0, "one reply per verdict");
    await screenshot(page, "incident-reply");
  });

  it("an observer reads the compliance dashboard; an administrator the whole queue", async () => {
    const observer = await (await h.context()).newPage();
    await signIn(observer, h.base, as("observer"));
    await observer.getByRole("link", { name: "Compliance" }).click();
    await observer.getByRole("heading", { name: "Escalation alerts" }).waitFor();
    await observer.getByLabel("Count by").selectOption("month");
    await observer.locator(".chart .uplot").first().waitFor();
    await observer
      .getByRole("row", { name: /Syrian government/ })
      .first()
      .waitFor();
    await screenshot(observer, "dashboard");
    assert.equal(await observer.getByRole("link", { name: "Verification queue" }).count(), 0);

    const admin = await (await h.context()).newPage();
    await signIn(admin, h.base, h.admin);
    await admin.getByRole("link", { name: "Verification queue" }).click();
    await admin.getByLabel("Whose queue").selectOption("TR");
    await admin.getByText("Incidents awaiting the position of Turkey, oldest first.").waitFor();
    await admin.locator(".incident-table tbody tr").first().waitFor();
    await screenshot(admin, "queue-admin");
  });

  it("no page broke the content security policy or threw", () => {
    assert.deepEqual(h.problems, []);
  });
});
