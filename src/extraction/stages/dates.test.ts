// Date mentions: war-reporting phrases resolved against publication, and number fragments that must not become dates.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type DateMention, findDates, type ReferenceDate } from "./dates.js";

// A Wednesday.
const WED: ReferenceDate = { date: "2018-10-17", precision: 1 };

function only(text: string, ref: ReferenceDate | null = WED): DateMention {
  const found = findDates(text, ref);
  assert.equal(found.length, 1, `expected one date in ${JSON.stringify(text)}, got ${JSON.stringify(found)}`);
  const [m] = found;
  assert.ok(m);
  return m;
}

function day(text: string, date: string, ref: ReferenceDate | null = WED): DateMention {
  const m = only(text, ref);
  assert.equal(m.date, date, `${JSON.stringify(text)} → ${m.date}`);
  return m;
}

describe("findDates: weekdays never resolve into the future", () => {
  it("'on Monday' is the Monday before a Wednesday reference", () => {
    const m = day("Rebels shelled the village on Monday, a monitor said.", "2018-10-15");
    assert.equal(m.kind, "weekday");
    assert.equal(m.precision, 1);
    assert.equal(m.past, true);
    assert.equal(m.end, null);
  });
  it("the reference's own weekday is the reference day", () => {
    day("The convoy was hit on Wednesday.", "2018-10-17");
  });
  it("'Thursday morning' goes back six days, not forward one", () => {
    const m = day("Jets struck a bakery Thursday morning.", "2018-10-11");
    assert.equal(m.text, "Thursday morning");
  });
  it("'Saturday night' and 'overnight Friday' keep their day", () => {
    day("Clashes erupted Saturday night near the airport.", "2018-10-13");
    const m = day("A drone was downed overnight Friday.", "2018-10-12");
    assert.equal(m.text, "overnight Friday");
  });
  it("'last Wednesday' said on a Wednesday is a week earlier", () => {
    day("The bridge was mined last Wednesday.", "2018-10-10");
  });
  it("'since Monday' is a since-mention running to the reference", () => {
    const m = day("Since Monday the town has been under fire.", "2018-10-15");
    assert.equal(m.kind, "since");
    assert.equal(m.end, "2018-10-17");
  });
  it("weekday with an explicit date is one calendar mention", () => {
    const m = day("Fighting resumed on Monday, Oct. 15, east of the city.", "2018-10-15");
    assert.equal(m.kind, "day");
  });
});

describe("findDates: nights, yesterday and today", () => {
  it("'last night' and bare 'overnight' are the day before the reference", () => {
    const a = day("Mortars landed in the square last night.", "2018-10-16");
    assert.equal(a.kind, "part_of_day");
    day("Government artillery pounded the hills overnight.", "2018-10-16");
    day("The night before, a checkpoint was attacked.", "2018-10-16");
  });
  it("yesterday, the day before yesterday, today, this morning", () => {
    assert.equal(day("A medic was shot yesterday afternoon.", "2018-10-16").kind, "relative");
    day("Two mines exploded the day before yesterday.", "2018-10-15");
    day("Observers confirmed the strike earlier today.", "2018-10-17");
    assert.equal(day("Sirens sounded this morning in the port.", "2018-10-17").kind, "part_of_day");
  });
  it("'tomorrow' is after the reference and not past", () => {
    const m = day("Talks resume tomorrow.", "2018-10-18");
    assert.equal(m.past, false);
  });
});

describe("findDates: weeks, bulletins and months", () => {
  it("'over the weekend' is the Saturday before, precision 2, ending Sunday", () => {
    const m = day("Over the weekend militias stormed two hamlets.", "2018-10-13");
    assert.deepEqual([m.end, m.precision, m.kind], ["2018-10-14", 2, "week"]);
    day("Shells hit the market at the weekend.", "2018-10-13");
  });
  it("'last week' is the previous Monday-to-Sunday week", () => {
    const m = day("The bombardment last week displaced families.", "2018-10-08");
    assert.deepEqual([m.end, m.precision], ["2018-10-14", 2]);
  });
  it("'this week' runs from Monday to the reference; 'the past week' the seven days before", () => {
    assert.equal(day("Violations rose this week.", "2018-10-15").end, "2018-10-17");
    const m = day("Over the past week the front was quiet.", "2018-10-10");
    assert.equal(m.precision, 2);
  });
  it("'next week' is the following week and not past", () => {
    const m = day("Talks resume next week in Astana.", "2018-10-22");
    assert.deepEqual([m.end, m.past], ["2018-10-28", false]);
  });
  it("'in the past 24 hours' is the day before the reference at precision 1", () => {
    for (const text of [
      "In the past 24 hours, 9 ceasefire violations were recorded.",
      "Over the past 24 hours the monitors logged shelling.",
      "During the last 24 hours there were two attacks.",
    ]) {
      const m = day(text, "2018-10-16");
      assert.equal(m.precision, 1);
    }
  });
  it("'the past two days' is precision 2, not a known day", () => {
    const m = day("Fighting over the past two days killed dozens.", "2018-10-15");
    assert.equal(m.precision, 2);
  });
  it("'three days ago' counts back in days", () => {
    day("The hospital was hit three days ago.", "2018-10-14");
  });
  it("'earlier this month' and 'last month' are precision 3", () => {
    const a = day("Earlier this month a truce collapsed.", "2018-10-01");
    assert.deepEqual([a.precision, a.kind], [3, "month"]);
    const b = day("Last month the corridor was closed.", "2018-09-01");
    assert.deepEqual([b.end, b.precision], ["2018-09-30", 3]);
  });
});

describe("findDates: calendar dates", () => {
  it("reads the common news formats", () => {
    day("The attack took place on Oct. 3.", "2018-10-03");
    day("It happened on 3 October in the south.", "2018-10-03");
    day("It happened on October 3rd in the south.", "2018-10-03");
    day("The truce was signed on June 4, 2016, in Geneva.", "2016-06-04");
    day("A report dated 9 March 2015 lists the sites.", "2015-03-09");
  });
  it("a yearless date after the reference falls in the previous year", () => {
    const m = day("Observers arrived on Nov. 20.", "2017-11-20");
    assert.equal(m.past, true);
    day("The convoy left on 28 December.", "2017-12-28");
  });
  it("a yearless date late in the year rolls back across New Year", () => {
    day("The shelling of Dec. 28 was condemned.", "2018-12-28", { date: "2019-01-05", precision: 1 });
  });
  it("'between X and Y' is one range", () => {
    const m = day("Between September 26 and October 8 the road was cut.", "2018-09-26");
    assert.deepEqual([m.kind, m.end, m.precision], ["range", "2018-10-08", 3]);
    assert.equal(m.text, "Between September 26 and October 8");
  });
  it("'from X to Y' and '5-6 October' are ranges", () => {
    assert.equal(day("from Oct. 1 to Oct. 4 rockets fell", "2018-10-01").end, "2018-10-04");
    const m = day("Clashes on 5-6 October left the area cut off.", "2018-10-05");
    assert.deepEqual([m.end, m.precision], ["2018-10-06", 2]);
  });
  it("a month with a year is precision 3", () => {
    const m = day("The siege began in April 2016.", "2016-04-01");
    assert.deepEqual([m.kind, m.end, m.precision], ["month", "2016-04-30", 3]);
  });
  it("a month without a year needs a preposition and a capital", () => {
    day("In September the offensive stalled.", "2018-09-01");
    assert.deepEqual(findDates("The march on the capital may 5 times be delayed.", WED), []);
  });
});

describe("findDates: since and years", () => {
  it("'since 2014' is a since-mention dated to that year", () => {
    const m = day("The group has held the valley since 2014.", "2014-01-01");
    assert.deepEqual([m.kind, m.past, m.end], ["since", true, "2018-10-17"]);
  });
  it("'since September 2015' starts that month", () => {
    const m = day("Russian jets have bombed the province since September 2015.", "2015-09-01");
    assert.equal(m.kind, "since");
    assert.equal(m.text, "since September 2015");
  });
  it("a year alone is kind year, Jan 1 to Dec 31", () => {
    const m = day("The town was retaken in 2016.", "2016-01-01");
    assert.deepEqual([m.kind, m.end, m.precision, m.past], ["year", "2016-12-31", 3, true]);
  });
});

describe("findDates: figures that are not dates", () => {
  for (const text of [
    "Some 3,000 to 4,000 fighters remain.",
    "More than 1,000 families fled.",
    "The ceasefire was broken 120 times.",
    "Monitors will stay 24 hours.",
    "They fired 82mm mortars and 120mm shells.",
    "A total of 2,152 rounds were counted.",
    "The patrol came under fire at 0745 hours.",
    "Brigade 17 and battalion 5 moved.",
    "Resolution 2254 was cited.",
  ]) {
    it(`finds nothing in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(findDates(text, WED), []);
    });
  }
});

describe("findDates: references", () => {
  it("without a reference, relative dates are unresolved and full dates still resolve", () => {
    const found = findDates("On Monday, and on 2 May 2017, and Dec. 30.", null);
    assert.deepEqual(
      found.map((d) => [d.kind, d.date, d.past]),
      [
        ["weekday", null, false],
        ["day", "2017-05-02", false],
        ["day", null, false],
      ],
    );
  });
  it("a month-precision reference places near phrases in that month", () => {
    const ref: ReferenceDate = { date: "2018-10-15", precision: 3 };
    const m = day("Shelling killed two on Monday.", "2018-10-01", ref);
    assert.deepEqual([m.end, m.precision], ["2018-10-31", 3]);
  });
  it("a month-precision reference keeps yearless dates inside that month in its year", () => {
    day("It happened on Oct. 28.", "2018-10-28", { date: "2018-10-01", precision: 3 });
  });
  it("'last month' with a month-precision reference is the month before", () => {
    day("Last month a convoy was hit.", "2018-09-01", { date: "2018-10-15", precision: 3 });
  });
  it("a malformed reference is treated as none", () => {
    assert.equal(only("yesterday", { date: "2018-02-31", precision: 1 }).date, null);
  });
});

describe("findDates: spans", () => {
  it("span and text point into the input", () => {
    const text = "Clashes on Sunday. Then, on Oct. 2, a truce.";
    const found = findDates(text, WED);
    assert.equal(found.length, 2);
    for (const d of found) assert.equal(text.slice(d.span.start, d.span.end), d.text);
    assert.deepEqual(
      found.map((d) => d.date),
      ["2018-10-14", "2018-10-02"],
    );
  });
  it("handles a long article without losing mentions across paragraphs", () => {
    const para = "Shelling hit the outskirts on Tuesday. Officials met on Oct. 9 to discuss it.\n";
    const found = findDates(para.repeat(30), WED);
    assert.equal(found.length, 60);
  });
});
