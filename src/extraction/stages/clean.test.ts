// Tests for the clean stage: boilerplate blanked, offsets and reported events untouched.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { cleanText } from "./clean.js";

const removedLines = (input: string): string[] => {
  const { removed } = cleanText(input);
  return removed.map((s) => input.slice(s.start, s.end).trim());
};
const keptLines = (input: string): string[] =>
  cleanText(input)
    .text.split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");

const EVENT =
  "Government forces shelled Douma in Eastern Ghouta on Tuesday, killing four civilians, a monitor said.";

describe("cleanText", () => {
  it("keeps length and newlines, blanking removed regions with spaces", () => {
    const input = "Load More\r\nIn Other News\n\nRebels shelled a district of Aleppo.\nAdvertisement\n";
    const out = cleanText(input);
    assert.equal(out.text.length, input.length);
    for (let i = 0; i < input.length; i++) {
      const c = input[i];
      if (c === "\n" || c === "\r") assert.equal(out.text[i], c);
      else assert.ok(out.text[i] === c || out.text[i] === " ");
    }
    assert.equal(out.text.indexOf("Rebels shelled"), input.indexOf("Rebels shelled"));
    assert.deepEqual(removedLines(input), ["Load More", "In Other News", "Advertisement"]);
  });

  it("removes classes of site chrome, whatever the site's wording", () => {
    const chrome = [
      "Play Live Radio",
      "Next Up: The Morning Edition",
      "Related: Talks in Astana stall",
      "READ MORE: The sky is falling",
      "Read more",
      "Share this article",
      "Share on Facebook",
      "Facebook Twitter WhatsApp Email",
      "Sign up for our newsletter",
      "Subscribe to our daily briefing",
      "Click here to read the full report",
      "Follow us on Twitter",
      "© 2017 Example Media Group",
      "Copyright 2017 Example News. All rights reserved.",
      "All rights reserved",
      "Photo: Anadolu Agency",
      "FILE PHOTO: Fighters stand near Aleppo",
      "This website uses cookies to improve your experience. By continuing you accept our policy.",
      "Home | World | Middle East |",
      "World » Middle East » Syria",
      "Shop now",
      "By Jane Doe",
      "BY JOHN SMITH, Reuters",
      "3 min read",
      "Post a Comment",
      "Topics",
      "1. Skip to content",
      "(Reporting by Jane Doe; Editing by John Smith)",
    ];
    const input = [...chrome, EVENT].join("\n");
    assert.deepEqual(removedLines(input), chrome);
    assert.deepEqual(keptLines(input), [EVENT]);
  });

  it("never removes sentences that report events, even when they start like chrome", () => {
    const events = [
      EVENT,
      "By Monday, rebels had shelled the Hamdaniya district of Aleppo, state media said.",
      "Shop owners in Idlib said Russian airstrikes destroyed the market on Sunday.",
      "Related fighting in Hama killed 12 soldiers, the army said.",
      "Topics discussed included the shelling of Wadi Barada on Friday.",
      "Photos published by activists showed the destroyed hospital in Douma.",
      "Subscribers to the ceasefire accused the army of firing on Daraa.",
    ];
    const input = events.join("\n\n");
    assert.deepEqual(cleanText(input).removed, []);
    assert.equal(cleanText(input).text, input);
  });

  it("keeps the first of duplicated paragraphs and drops the later copies", () => {
    const title = "Ceasefire holds in northwest Syria after violation overnight";
    const input = `${title}\n\n${title}\n\nBEIRUT (Reuters) - ${EVENT}\n\nBEIRUT (Reuters) - ${EVENT}`;
    const out = cleanText(input);
    assert.equal(out.text.indexOf(title), 0);
    assert.equal(out.text.split(title).length, 2);
    assert.equal(out.text.split(EVENT).length, 2);
    assert.equal(out.removed.length, 2);
  });

  it("drops short lines repeated many times but keeps short lines that recur once", () => {
    const input = `Most Popular Now\n${EVENT}\nMost Popular Now\nDamascus\nMost Popular Now\nDamascus`;
    assert.deepEqual(keptLines(input), [EVENT, "Damascus", "Damascus"]);
  });

  it("blanks photo credits inside a caption but keeps the caption's words", () => {
    const input =
      "Smoke rises over Idlib after an airstrike (AFP Photo/Omar Haj Kadour)\nA fighter in Daraa (Alaa Al-Faqir/Reuters)\nDeraa, June 22. REUTERS/Alaa Al-Faqir\nSoldiers sit by a fire in Aleppo ©George Ourfalian (AFP/File)\nBEIRUT (Reuters) - Rebels shelled Aleppo.";
    assert.deepEqual(keptLines(input), [
      "Smoke rises over Idlib after an airstrike",
      "A fighter in Daraa",
      "Deraa, June 22.",
      "Soldiers sit by a fire in Aleppo",
      "BEIRUT (Reuters) - Rebels shelled Aleppo.",
    ]);
  });

  it("removes a list of links to other stories after its heading, up to the next sentence", () => {
    const input = [
      EVENT,
      "",
      "You might also like",
      "",
      "Turkey says talks in Astana will go ahead",
      "Russian envoy meets opposition in Ankara…",
      "",
      "Rebels shelled the Hamdaniya district of Aleppo on Wednesday, killing two people, state media said.",
    ].join("\n");
    assert.deepEqual(keptLines(input), [
      EVENT,
      "Rebels shelled the Hamdaniya district of Aleppo on Wednesday, killing two people, state media said.",
    ]);
  });

  it("keeps the headline after a breadcrumb trail", () => {
    const input = "Home / News / Rebels shell government-held district of Aleppo\nBody.";
    assert.deepEqual(keptLines(input), ["Rebels shell government-held district of Aleppo", "Body."]);
  });

  it("returns removed spans in order, disjoint and within the text", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(
              "Load More",
              "Advertisement",
              EVENT,
              "© 2017 X",
              "Share",
              "",
              "Photo: X (AFP/File)",
            ),
            fc.string(),
          ),
          { maxLength: 30 },
        ),
        (parts) => {
          const input = parts.join("\n");
          const { text, removed } = cleanText(input);
          assert.equal(text.length, input.length);
          let last = 0;
          for (const s of removed) {
            assert.ok(s.start >= last && s.end > s.start && s.end <= input.length);
            last = s.end;
          }
        },
      ),
    );
  });

  it("is fast enough for the pipeline's 500 articles a second", () => {
    const article = Array.from({ length: 60 }, (_, i) =>
      i % 7 === 0 ? "Advertisement" : `${EVENT} (${i})`,
    ).join("\n\n");
    const start = performance.now();
    for (let i = 0; i < 500; i++) cleanText(article);
    assert.ok(performance.now() - start < 500, "500 long articles should clean in well under a second");
  });
});
