// Unit tests of `truce incidents` option parsing: good values become a store query, bad ones a usage error.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isTruceError } from "../../errors.js";
import { parseIncidentListOptions, type RawIncidentListOptions } from "./incident-filters.js";

const refuses = (raw: RawIncidentListOptions, says: RegExp, knownParties?: ReadonlySet<string>) =>
  assert.throws(
    () => parseIncidentListOptions(raw, knownParties ? { knownParties } : {}),
    (error: unknown) =>
      isTruceError(error) &&
      error.code === "TRUCE_E_USAGE" &&
      error.exitCode === 64 &&
      says.test(error.message),
  );

describe("parseIncidentListOptions", () => {
  it("no options: newest first by date, 50 a page, as a table", () => {
    assert.deepEqual(parseIncidentListOptions({}), {
      query: { sort: "date", order: "desc", limit: 50 },
      format: "table",
    });
  });

  it("every option, normalised", () => {
    const { query, format } = parseIncidentListOptions({
      from: "2017-01-01",
      to: "2017-01-31",
      admin1: "sy-id, SY-HM",
      party: "sy-gov,RU",
      type: "explosions/remote violence,Battles",
      status: "open,awaiting-positions",
      grade: "Single-Source,corroborated",
      classification: "violation",
      sort: "updated",
      order: "ASC",
      limit: "10",
      after: "WyJhIiwiYiJd",
      format: "json",
    });
    assert.equal(format, "json");
    assert.deepEqual(query, {
      from: "2017-01-01",
      to: "2017-01-31",
      admin1: ["SY-ID", "SY-HM"],
      party: ["SY-GOV", "RU"],
      eventType: ["Explosions/Remote violence", "Battles"],
      status: ["open", "awaiting_positions"],
      grade: ["single_source", "corroborated"],
      classification: ["violation"],
      sort: "updatedAt",
      order: "asc",
      limit: 10,
      after: "WyJhIiwiYiJd",
    });
  });

  it("repeated values count once", () => {
    assert.deepEqual(parseIncidentListOptions({ admin1: "SY-ID,SY-ID" }).query.admin1, ["SY-ID"]);
  });

  it("refuses each bad value with a message naming it", () => {
    refuses({ from: "17-01-2017" }, /--from "17-01-2017" is not a day/);
    refuses({ to: "2017-02-29" }, /--to "2017-02-29" is not a day/);
    refuses({ from: "2017-02-01", to: "2017-01-01" }, /is after --to/);
    refuses({ admin1: "Idlib" }, /--admin1 "Idlib" is not an ISO 3166-2 code/);
    refuses({ admin1: "SY-ID," }, /--admin1 "SY-ID," has an empty item/);
    refuses({ party: "Syrian army" }, /--party "Syrian army" is not an actor id/);
    refuses({ party: "SY-GVO" }, /not an actor in the actor dictionary/, new Set(["SY-GOV"]));
    refuses(
      { type: "Shelling/artillery/missile attack" },
      /--type "Shelling\/artillery\/missile attack" is not an event type/,
    );
    refuses(
      { status: "closed" },
      /--status "closed" is not one of: open, awaiting_positions, decided, published/,
    );
    refuses({ grade: "likely" }, /--grade "likely" is not one of/);
    refuses({ classification: "breach" }, /--classification "breach"/);
    refuses({ sort: "killed" }, /--sort "killed" is not one of: date, updated/);
    refuses({ order: "up" }, /--order "up"/);
    refuses({ limit: "0" }, /--limit "0" must be a whole number from 1 to 1000/);
    refuses({ limit: "1001" }, /--limit "1001"/);
    refuses({ limit: "2.5" }, /--limit "2.5"/);
    refuses({ after: "a b" }, /--after "a b" is not a page cursor/);
    refuses({ format: "csv" }, /--format "csv" is not one of: table, json/);
  });

  it("a known party passes the dictionary check", () => {
    assert.deepEqual(
      parseIncidentListOptions({ party: "sy-gov" }, { knownParties: new Set(["SY-GOV"]) }).query.party,
      ["SY-GOV"],
    );
  });
});
