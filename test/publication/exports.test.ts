// Open data exports: published incidents only, restricted fields handled per reader, each format read back.
import assert from "node:assert/strict";
import { text } from "node:stream/consumers";
import { after, before, describe, it } from "node:test";
import { parseAtomFeed } from "feedsmith";
import { acledColumns } from "../../src/application/publication/exports/acled-csv.js";
import {
  type ExportFormat,
  exportIncidents,
  parseExportFormat,
} from "../../src/application/publication/exports/export-incidents.js";
import { publishDue } from "../../src/application/publication/publish-due.js";
import { anonymous, type Principal } from "../../src/domain/access/principal.js";
import type { Agreement } from "../../src/domain/agreement/schema.js";
import type { IncidentFilter } from "../../src/ports/store.js";
import {
  admin,
  guarantor,
  HOSTILE,
  opposition,
  parseCsv,
  type Seeded,
  seededStore,
  shipped,
  WITNESS,
} from "./fixtures.js";

let seeded: Seeded;
let agreements: Agreement[];
before(async () => {
  seeded = await seededStore();
  agreements = [shipped("syria-2016"), shipped("minsk-2015")];
  await publishDue(seeded.store, agreements[0] as Agreement, "2017-01-06T00:00:00.000Z");
  await publishDue(seeded.store, agreements[1] as Agreement, "2017-01-06T00:00:00.000Z");
});
after(async () => {
  await seeded.dispose();
});

const run = async (
  format: ExportFormat,
  principal: Principal = anonymous,
  filter: IncidentFilter = {},
  options: { agreements?: Agreement[]; pageSize?: number } = {},
) => {
  const result = exportIncidents(seeded.store, format, principal, filter, {
    agreements: options.agreements ?? agreements,
    now: () => "2017-01-07T00:00:00.000Z",
    baseUrl: "https://truce.example/",
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
  });
  return { ...result, text: await text(result.body) };
};

const acledRows = async (principal: Principal = anonymous, filter: IncidentFilter = {}) => {
  const { text: csv } = await run("acled", principal, filter);
  const [header, ...rows] = parseCsv(csv);
  return (rows as string[][]).map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ""])));
};

describe("exportIncidents", () => {
  it("ACLED-style CSV: ACLED's columns, published incidents only, newest first", async () => {
    const { text: csv, mediaType, filename } = await run("acled");
    assert.equal(mediaType, "text/csv; charset=utf-8");
    assert.equal(filename, "truce-incidents-2017-01-07.acled.csv");
    const [header] = parseCsv(csv);
    assert.deepEqual(
      header,
      acledColumns.map(([name]) => name),
    );
    assert.deepEqual(header?.slice(0, 8), [
      "event_id_cnty",
      "event_date",
      "year",
      "time_precision",
      "disorder_type",
      "event_type",
      "sub_event_type",
      "actor1",
    ]);
    const rows = await acledRows();
    const { ids } = seeded;
    assert.deepEqual(
      rows.map((r) => r.event_id_cnty),
      [`SY-${ids.idlib}`, `SY-${ids.aleppo}`, `UA-${ids.avdiivka}`],
      "published ones by date, newest first; never the open, awaiting or merely decided",
    );
    const idlib = rows[0] ?? {};
    assert.equal(idlib.event_date, "2017-01-03");
    assert.equal(idlib.year, "2017");
    assert.equal(idlib.time_precision, "1");
    assert.equal(idlib.disorder_type, "Political violence");
    assert.equal(idlib.event_type, "Explosions/Remote violence");
    assert.equal(idlib.actor1, "Syrian government");
    assert.equal(idlib.inter1, "1");
    assert.equal(idlib.actor2, "civilians");
    assert.equal(idlib.inter2, "7");
    assert.equal(idlib.interaction, "17");
    assert.equal(idlib.civilian_targeting, "Civilian targeting");
    assert.equal(idlib.country, "Syria");
    assert.equal(idlib.admin1, "Idlib Governorate");
    assert.equal(idlib.fatalities, "4");
    assert.equal(idlib.source, "Reuters; complaint of Syrian armed opposition");
    assert.equal(idlib.source_scale, "Press-Party complaint");
    assert.equal(idlib.timestamp, String(Date.parse("2017-01-06T00:00:00.000Z") / 1000));
    assert.match(idlib.notes ?? "", /guarantors attribute the violation to Syrian government/);
  });

  it("restricted coordinates: rounded to 0.1° for the public, exact for those who see restricted fields", async () => {
    const publicRow = (await acledRows(anonymous))[0] ?? {};
    assert.equal(publicRow.latitude, "35.6");
    assert.equal(publicRow.longitude, "36.7");
    const adminRow = (await acledRows(admin))[0] ?? {};
    assert.equal(adminRow.latitude, "35.64321");
    assert.equal(adminRow.longitude, "36.67123");
    const geo = JSON.parse((await run("geojson", anonymous)).text);
    assert.deepEqual(geo.features[0].geometry.coordinates, [36.7, 35.6]);
    assert.equal(geo.features[0].properties.coordinatesRounded, true);
    for (const format of ["acled", "hxl", "geojson", "atom"] as const) {
      const body = (await run(format, anonymous)).text;
      assert.doesNotMatch(body, /35\.64321|36\.67123/, `${format} leaks the exact point`);
    }
  });

  it("a witness's identity is in no export, for any reader", async () => {
    for (const principal of [anonymous, opposition, guarantor, admin]) {
      for (const format of ["acled", "hxl", "geojson", "atom"] as const) {
        assert.doesNotMatch((await run(format, principal)).text, new RegExp(WITNESS.slice(0, 10)));
      }
    }
  });

  it("nameParties: false (Minsk II) leaves the parties unnamed, except to those who judge", async () => {
    const publicRow = (await acledRows(anonymous)).find((r) => r.country === "Ukraine") ?? {};
    assert.equal(publicRow.actor1, "Unidentified armed group (Ukraine)");
    assert.equal(publicRow.actor2, "", "a target that is a party names the other side by elimination");
    assert.equal(publicRow.inter1, "");
    for (const format of ["acled", "hxl", "geojson", "atom"] as const) {
      const body = (await run(format, anonymous, { admin1: ["UA-14"] })).text;
      assert.doesNotMatch(body, /UA-SEP|separatists|UA-GOV/, `${format} names a party`);
    }
    const adminRow = (await acledRows(admin)).find((r) => r.country === "Ukraine") ?? {};
    assert.equal(adminRow.actor1, "Russia-backed separatists in Donetsk and Luhansk");
  });

  it("sources that disagree: no single actor1, the others as associated actors", async () => {
    const aleppo = (await acledRows()).find((r) => r.event_id_cnty === `SY-${seeded.ids.aleppo}`) ?? {};
    assert.equal(aleppo.actor1, "Unidentified armed group (Syria)");
    assert.equal(aleppo.assoc_actor_1, "Syrian government; Russia");
    assert.equal(aleppo.time_precision, "1");
    assert.equal(aleppo.geo_precision, "3");
    assert.equal(aleppo.latitude, "");
    assert.match(aleppo.notes ?? "", /Sources disagree on the perpetrator: Syrian government, Russia/);
  });

  it("hostile text: formulas escaped in CSV, JSON-encoded in GeoJSON, escaped in Atom", async () => {
    const aleppo = (await acledRows()).find((r) => r.event_id_cnty === `SY-${seeded.ids.aleppo}`) ?? {};
    assert.equal(aleppo.location, `'${HOSTILE}`, "a leading = is prefixed so spreadsheets show text");
    const geo = JSON.parse((await run("geojson")).text);
    const feature = geo.features.find((f: { id: string }) => f.id === seeded.ids.aleppo);
    assert.equal(feature.properties.location, HOSTILE);
    const atom = (await run("atom")).text;
    assert.match(atom, /<script>/, "the text is there, as character data");
    assert.doesNotMatch(
      atom.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ""),
      /<script|<b>/,
      "and nowhere as markup",
    );
    const parsed = parseAtomFeed(atom);
    const entry = parsed.entries?.find((e) => e.id === `urn:uuid:${seeded.ids.aleppo}`);
    assert.ok(entry?.title?.value?.includes(HOSTILE), "the title reads back as the text it was");
  });

  it("CSV with HXL tags: a header row, a hashtag row, then the data", async () => {
    const rows = parseCsv((await run("hxl")).text);
    assert.equal(rows[0]?.[0], "Incident");
    assert.equal(rows[1]?.[0], "#event+id");
    assert.ok(
      rows[1]?.every((tag) => /^#[a-z0-9_]+(\+[a-z0-9_]+)*$/.test(tag)),
      "every tag is valid HXL",
    );
    for (const tag of [
      "#date+occurred",
      "#adm1+code",
      "#loc+name",
      "#geo+lat",
      "#geo+lon",
      "#event+type",
      "#org+perpetrator+claimed",
      "#org+perpetrator+verified",
      "#affected+killed",
    ]) {
      assert.ok(rows[1]?.includes(tag), `${tag} is tagged`);
    }
    assert.equal(rows.length, 2 + 3);
    const adm1 = rows[1]?.indexOf("#adm1+code") ?? -1;
    assert.equal(rows[2]?.[adm1], "SY-ID");
    const verified = rows[1]?.indexOf("#org+perpetrator+verified") ?? -1;
    assert.equal(rows[2]?.[verified], "SY-GOV");
  });

  it("GeoJSON: a FeatureCollection of points as [longitude, latitude]; no point, null geometry", async () => {
    const { text: body, mediaType } = await run("geojson", admin);
    assert.equal(mediaType, "application/geo+json");
    const geo = JSON.parse(body);
    assert.equal(geo.type, "FeatureCollection");
    assert.equal(geo.features.length, 3);
    for (const f of geo.features) {
      assert.equal(f.type, "Feature");
      assert.equal(typeof f.id, "string");
      assert.equal(typeof f.properties, "object");
      if (f.geometry !== null) {
        assert.equal(f.geometry.type, "Point");
        const [lon, lat] = f.geometry.coordinates;
        assert.ok(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
      }
    }
    const avdiivka = geo.features.find((f: { id: string }) => f.id === seeded.ids.avdiivka);
    assert.deepEqual(avdiivka.geometry.coordinates, [37.742, 48.139]);
    assert.equal(geo.features.find((f: { id: string }) => f.id === seeded.ids.aleppo).geometry, null);
  });

  it("Atom: one entry per published incident, with its id, dates, link and point", async () => {
    const { text: body, mediaType } = await run("atom");
    assert.equal(mediaType, "application/atom+xml; charset=utf-8");
    const feed = parseAtomFeed(body);
    assert.equal(feed.title?.value, "Truce: published incidents");
    assert.equal(feed.entries?.length, 3);
    const idlib = feed.entries?.find((e) => e.id === `urn:uuid:${seeded.ids.idlib}`);
    assert.equal(
      idlib?.title?.value,
      "Shelling/artillery/missile attack in Maarrat al-Numan, Idlib Governorate, 2017-01-03",
    );
    assert.equal(idlib?.published, "2017-01-06T00:00:00.000Z");
    assert.equal(idlib?.links?.[0]?.href, `https://truce.example/incidents/${seeded.ids.idlib}`);
    assert.deepEqual(idlib?.georss?.point, { lat: 35.6, lng: 36.7 });
  });

  it("a party sees published material only, not the unpublished incident it complained of", async () => {
    const rows = await acledRows(opposition);
    assert.equal(rows.length, 3);
    assert.ok(!rows.some((r) => r.event_id_cnty?.endsWith(seeded.ids.homs)));
  });

  it("an agreement publishing to its guarantors only: nothing for the public, everything for a guarantor", async () => {
    const syria = agreements[0] as Agreement;
    const closed = [{ ...syria, publication: { ...syria.publication, audience: "guarantors" as const } }];
    const forPublic = parseCsv(
      (await run("acled", anonymous, { admin1: ["SY-ID", "SY-HL"] }, { agreements: closed })).text,
    );
    assert.equal(forPublic.length, 1, "the header only");
    const forGuarantor = parseCsv(
      (await run("acled", guarantor, { admin1: ["SY-ID", "SY-HL"] }, { agreements: closed })).text,
    );
    assert.equal(forGuarantor.length, 3);
  });

  it("filters narrow, and a status filter without published matches nothing", async () => {
    assert.equal((await acledRows(anonymous, { admin1: ["SY-ID"] })).length, 1);
    assert.equal((await acledRows(anonymous, { status: ["decided"] })).length, 0);
    assert.equal((await acledRows(anonymous, { from: "2017-01-02" })).length, 2);
  });

  it("pages of one give the same file as one page", async () => {
    for (const format of ["acled", "hxl", "geojson"] as const) {
      assert.equal((await run(format, admin, {}, { pageSize: 1 })).text, (await run(format, admin)).text);
    }
  });

  it("no published incidents: a valid, empty file in every format", async () => {
    const none = { from: "2030-01-01" };
    assert.equal(parseCsv((await run("acled", anonymous, none)).text).length, 1);
    assert.equal(parseCsv((await run("hxl", anonymous, none)).text).length, 2);
    assert.deepEqual(JSON.parse((await run("geojson", anonymous, none)).text), {
      type: "FeatureCollection",
      features: [],
    });
    assert.equal(parseAtomFeed((await run("atom", anonymous, none)).text).entries, undefined);
  });

  it("an unknown format is a usage error naming the ones there are", () => {
    assert.equal(parseExportFormat(" GeoJSON "), "geojson");
    assert.throws(
      () => parseExportFormat("xlsx"),
      /"xlsx" is not an export format: give one of acled, hxl, geojson, atom/,
    );
  });
});
