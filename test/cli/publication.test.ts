// `truce publish`, `truce export` and `truce bulletin`, run in process against a store in every publication state.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parseCsv, type Seeded, seededStore, WITNESS } from "../publication/fixtures.js";
import { truce } from "../support/in-process-cli.js";

let seeded: Seeded;
let db: string;
let key: string;

before(async () => {
  seeded = await seededStore();
  db = seeded.db;
  key = join(seeded.dir, "audit.key");
  // The commands open the database themselves.
  await seeded.store.close();
});
after(() => {
  rmSync(seeded.dir, { recursive: true, force: true });
});

describe("truce publish", () => {
  it("publishes what is due under each agreement, signs the log, and publishes nothing twice", async () => {
    const first = await truce("publish", "--db", db, "--audit-key", key);
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      /^syria-2016 \(publishes verified after P1D\): 3 published of 3 unpublished examined$/m,
    );
    assert.match(
      first.stdout,
      /^minsk-2015 \(publishes verified after PT0S\): 1 published of 1 unpublished examined$/m,
    );
    assert.match(first.stdout, new RegExp(`published ${seeded.ids.idlib}`));
    assert.doesNotMatch(first.stdout, new RegExp(seeded.ids.homs));
    assert.match(first.stdout, /audit log: 4 entries, checkpoint signed by key/);

    const again = await truce("publish", "--db", db, "--audit-key", key);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /syria-2016 .*: 0 published of 0 unpublished examined/);
    assert.doesNotMatch(again.stdout, /audit log/);

    const verify = await truce("verify", "--db", db, "--audit-key", key);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
  });
});

describe("truce export", () => {
  it("ACLED-style CSV on standard output: the published incidents, as the public sees them", async () => {
    const run = await truce("export", "--db", db, "--format", "acled");
    assert.equal(run.code, 0, run.stderr);
    const rows = parseCsv(run.stdout);
    assert.equal(rows[0]?.[0], "event_id_cnty");
    assert.equal(rows.length, 1 + 4, "Idlib, Aleppo, Deir ez-Zor and Avdiivka; never Homs");
    const lat = rows[0]?.indexOf("latitude") ?? -1;
    assert.ok(
      rows.some((r) => r[lat] === "35.6"),
      "the restricted point, rounded",
    );
    assert.doesNotMatch(run.stdout, /35\.64321/);
    assert.ok(!run.stdout.includes(WITNESS));
  });

  it("--restricted: exact coordinates, as an operator sees them", async () => {
    const run = await truce("export", "--db", db, "--format", "acled", "--restricted", "--admin1", "SY-ID");
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /35\.64321/);
    assert.equal(parseCsv(run.stdout).length, 2);
  });

  it("--out writes the file whole and says so; GeoJSON, HXL and Atom too", async () => {
    const out = join(seeded.dir, "incidents.geojson");
    const run = await truce("export", "--db", db, "--format", "geojson", "--out", out);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /wrote application\/geo\+json to .*incidents\.geojson/);
    const geo = JSON.parse(readFileSync(out, "utf8"));
    assert.equal(geo.type, "FeatureCollection");
    assert.equal(geo.features.length, 4);
    assert.deepEqual(
      readdirSync(seeded.dir).filter((f) => f.includes(".partial-")),
      [],
      "no temporary file left",
    );
    const hxl = await truce("export", "--db", db, "--format", "hxl", "--from", "2017-01-03");
    assert.equal(parseCsv(hxl.stdout)[1]?.[0], "#event+id");
    assert.equal(parseCsv(hxl.stdout).length, 2 + 2);
    const atom = await truce("export", "--db", db, "--format", "atom");
    assert.match(
      atom.stdout,
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
  });

  it("bad input: a usage error naming it, before anything is opened or written", async () => {
    const format = await truce("export", "--db", db, "--format", "xlsx");
    assert.equal(format.code, 64);
    assert.match(format.stderr, /"xlsx" is not an export format: give one of acled, hxl, geojson, atom/);
    const day = await truce("export", "--db", db, "--format", "acled", "--from", "yesterday");
    assert.equal(day.code, 64);
    assert.match(day.stderr, /--from "yesterday" is not a day/);
    const missing = await truce("export", "--db", join(seeded.dir, "nope.db"), "--format", "acled");
    assert.equal(missing.code, 69);
    assert.ok(!existsSync(join(seeded.dir, "nope.db")));
    const noFormat = await truce("export", "--db", db);
    assert.equal(noFormat.code, 64);
  });
});

describe("truce bulletin", () => {
  it("a weekly bulletin in Markdown on standard output", async () => {
    const run = await truce(
      "bulletin",
      "--db",
      db,
      "--date",
      "2017-01-04",
      "--period",
      "weekly",
      "--format",
      "md",
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^# Ceasefire regime in the Syrian Arab Republic/);
    assert.match(run.stdout, /Weekly bulletin, 2017-01-02 to 2017-01-08/);
    assert.match(run.stdout, /\| Syrian government \| 2 \| 1 \|/);
    assert.match(run.stdout, /Produced at audit checkpoint: tree size \*\*4\*\*/);
  });

  it("a daily bulletin in HTML, to a file", async () => {
    const out = join(seeded.dir, "bulletin.html");
    const run = await truce("bulletin", "--db", db, "--date", "2017-01-03", "--out", out);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /wrote the daily bulletin \(html\) to/);
    const html = readFileSync(out, "utf8");
    assert.match(html, /Daily bulletin, 2017-01-03/);
    assert.match(html, /<svg /);
    assert.match(html, /Maarrat al-Numan/);
  });

  it("a PDF printed by Chromium", async () => {
    const out = join(seeded.dir, "bulletin.pdf");
    const run = await truce(
      "bulletin",
      "--db",
      db,
      "--date",
      "2017-01-04",
      "--period",
      "weekly",
      "--format",
      "pdf",
      "--out",
      out,
    );
    assert.equal(run.code, 0, run.stderr);
    const pdf = readFileSync(out);
    assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
    assert.ok((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length >= 1);
  });

  it("Minsk II from its agreement file: parties unnamed, the map left out", async () => {
    const run = await truce(
      "bulletin",
      "--db",
      db,
      "--date",
      "2017-01-01",
      "--format",
      "md",
      "--agreement",
      "data/agreements/minsk-2015.yaml",
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /does not name the parties/);
    assert.match(run.stdout, /No boundaries are shipped for Ukraine \(UA\): the map is left out\./);
    assert.doesNotMatch(run.stdout, /separatists/);
  });

  it("bad input: a usage error naming it", async () => {
    const date = await truce("bulletin", "--db", db, "--date", "2017-13-01");
    assert.equal(date.code, 64);
    assert.match(date.stderr, /"2017-13-01" is not a day/);
    const period = await truce("bulletin", "--db", db, "--date", "2017-01-01", "--period", "monthly");
    assert.equal(period.code, 64);
    assert.match(period.stderr, /--period "monthly" is not one of: daily, weekly/);
    const format = await truce("bulletin", "--db", db, "--date", "2017-01-01", "--format", "docx");
    assert.match(format.stderr, /--format "docx" is not one of: html, md, pdf/);
    const noDate = await truce("bulletin", "--db", db);
    assert.equal(noDate.code, 64);
  });
});
