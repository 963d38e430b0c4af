// Tests of the actor dictionary: normalisation, the shipped file, entries for the scanner, generic phrases, validation.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { TruceError } from "../../errors.js";
import { ActorDictionary, type ActorEntry, normaliseActorPhrase } from "./dictionary.js";

const file = new URL("../../../data/actors/actors.yaml", import.meta.url);
const raw = (): Record<string, unknown> => parse(readFileSync(file, "utf8")) as Record<string, unknown>;
const dictionary = ActorDictionary.parse(raw(), "actors.yaml");
const entries = [...dictionary.entries()];

/** The actor ids a phrase (as written in a text) stands for, outside generic readings. */
const lookup = (phrase: string): string[] => {
  const ids = entries
    .filter((e) => e.how !== "generic")
    .filter((e) =>
      e.caseSensitive
        ? e.phrase === normaliseActorPhrase(phrase, { keepCase: true })
        : e.phrase === normaliseActorPhrase(phrase),
    )
    .map((e) => e.actorId);
  return [...new Set(ids)];
};

const canonicalIds = [
  "SY-GOV",
  "SY-OPP",
  "HTS",
  "ISIS",
  "SDF",
  "HEZBOLLAH",
  "RU",
  "TR",
  "IR",
  "US",
  "IL",
  "UN",
  "UA-GOV",
  "UA-SEP",
  "YE-HOUTHI",
  "YE-COAL",
  "LY-LNA",
  "LY-GNA",
  "AM",
  "AZ",
  "IN",
  "PK",
  "SS-GOV",
  "SS-OPP",
  "CIV",
  "OTHER",
];

describe("normaliseActorPhrase", () => {
  it("strips diacritics, including letters without a combining mark", () => {
    assert.equal(normaliseActorPhrase("Mevlüt Çavuşoğlu"), "mevlut cavusoglu");
    assert.equal(normaliseActorPhrase("Binali Yıldırım"), "binali yildirim");
    assert.equal(normaliseActorPhrase("Ghassan Salamé"), "ghassan salame");
  });

  it("unifies apostrophes and hyphens and collapses white space", () => {
    assert.equal(normaliseActorPhrase("Hay\u2019at  Tahrir al\u2011Sham"), "hay'at tahrir al-sham");
    assert.equal(normaliseActorPhrase("Da\u02BCesh"), "da'esh");
    assert.equal(normaliseActorPhrase(" pro\u2013government\nforces "), "pro-government forces");
  });

  it("keeps the case when asked (abbreviations)", () => {
    assert.equal(normaliseActorPhrase("IS", { keepCase: true }), "IS");
    assert.equal(normaliseActorPhrase("IS"), "is");
  });
});

describe("the shipped dictionary", () => {
  it("has every canonical id of the annotation guide, reported as itself", () => {
    for (const id of canonicalIds) {
      assert.ok(dictionary.has(id), id);
      assert.equal(dictionary.canonicalOf(id), id);
    }
  });

  it("reports every other actor as one of the canonical ids", () => {
    for (const id of dictionary.ids()) {
      assert.ok(canonicalIds.includes(dictionary.canonicalOf(id) ?? ""), id);
    }
    assert.equal(dictionary.canonicalOf("OSCE-SMM"), "OTHER");
    assert.equal(dictionary.canonicalOf("JO"), "OTHER");
    assert.equal(dictionary.canonicalOf("NOPE"), undefined);
  });

  it("knows what each actor is", () => {
    assert.equal(dictionary.byId("RU")?.kind, "state");
    assert.equal(dictionary.byId("OSCE-SMM")?.kind, "monitor");
    assert.equal(dictionary.byId("SOHR")?.kind, "source");
    assert.equal(dictionary.byId("CIV")?.kind, "civilians");
    assert.equal(dictionary.byId("nope"), undefined);
  });

  const expectations: [string, string][] = [
    ["Daesh", "ISIS"],
    ["ISIL", "ISIS"],
    ["Islamic State group", "ISIS"],
    ["Jabhat Fateh al-Sham", "HTS"],
    ["Nusra Front", "HTS"],
    ["Dzhabhat an-Nusra", "HTS"],
    ["Hay’at Tahrir al-Sham", "HTS"],
    ["Tahrir al-Sham", "HTS"],
    ["Ahrar al-Sham", "SY-OPP"],
    ["Jaish al-Islam", "SY-OPP"],
    ["Faylaq al-Rahman", "SY-OPP"],
    ["Nour al-Din al-Zenki", "SY-OPP"],
    ["Jaish al-Nasr", "SY-OPP"],
    ["Jaish al-Izza", "SY-OPP"],
    ["Free Syrian Army", "SY-OPP"],
    ["FSA", "SY-OPP"],
    ["Southern Front", "SY-OPP"],
    ["Syrian Arab Army", "SY-GOV"],
    ["SAA", "SY-GOV"],
    ["Tiger Forces", "SY-GOV"],
    ["NDF", "SY-GOV"],
    ["Republican Guard", "SY-GOV"],
    ["4th Division", "SY-GOV"],
    ["YPG", "SDF"],
    ["PYD", "SDF"],
    ["Moscow", "RU"],
    ["the Kremlin", "RU"],
    ["Sergei Lavrov", "RU"],
    ["Sergey Lavrov", "RU"],
    ["Shoigu", "RU"],
    ["Ankara", "TR"],
    ["Çavuşoğlu", "TR"],
    ["Cavusoglu", "TR"],
    ["Erdogan", "TR"],
    ["Tehran", "IR"],
    ["Zarif", "IR"],
    ["Khamenei", "IR"],
    ["Damascus", "SY-GOV"],
    ["Assad", "SY-GOV"],
    ["Jaafari", "SY-GOV"],
    ["Muallem", "SY-GOV"],
    ["Washington", "US"],
    ["Kerry", "US"],
    ["Tillerson", "US"],
    ["Staffan de Mistura", "UN"],
    ["de Mistura", "UN"],
    ["Ban Ki-moon", "UN"],
    ["Guterres", "UN"],
    ["Pedersen", "UN"],
    ["Kyiv", "UA-GOV"],
    ["Kiev", "UA-GOV"],
    ["Poroshenko", "UA-GOV"],
    ["Zelensky", "UA-GOV"],
    ["DPR", "UA-SEP"],
    ["Baku", "AZ"],
    ["Aliyev", "AZ"],
    ["Azeri", "AZ"],
    ["Yerevan", "AM"],
    ["Pashinyan", "AM"],
    ["New Delhi", "IN"],
    ["Islamabad", "PK"],
    ["Juba", "SS-GOV"],
    ["Kiir", "SS-GOV"],
    ["Machar", "SS-OPP"],
    ["SPLA-IO", "SS-OPP"],
    ["SPLA", "SS-GOV"],
    ["Sanaa", "YE-HOUTHI"],
    ["Ansar Allah", "YE-HOUTHI"],
    ["Saudi-led coalition", "YE-COAL"],
    ["Haftar", "LY-LNA"],
    ["Sarraj", "LY-GNA"],
    ["Russian", "RU"],
    ["Israeli", "IL"],
    ["Hezbollah", "HEZBOLLAH"],
    ["OSCE SMM", "OSCE-SMM"],
    ["CTSAMVM", "CTSAMVM"],
    ["Jordan", "JO"],
    ["SOHR", "SOHR"],
    ["civilians", "CIV"],
  ];
  for (const [phrase, id] of expectations) {
    it(`"${phrase}" stands for ${id} and nothing else`, () => {
      assert.deepEqual(lookup(phrase), [id]);
    });
  }

  it("matches abbreviations only in their own case", () => {
    assert.deepEqual(lookup("IS"), ["ISIS"]);
    assert.deepEqual(lookup("is"), []);
    assert.deepEqual(lookup("US"), ["US"]);
    assert.deepEqual(lookup("us"), []);
  });

  it("says how each phrase names its actor", () => {
    const find = (phrase: string, actorId: string): ActorEntry | undefined =>
      entries.find((e) => e.phrase === phrase && e.actorId === actorId && e.how !== "generic");
    assert.equal(find("russia", "RU")?.how, "name");
    assert.equal(find("daesh", "ISIS")?.how, "alias");
    assert.equal(find("russian", "RU")?.how, "adjective");
    assert.equal(find("moscow", "RU")?.how, "metonym");
    assert.equal(find("lavrov", "RU")?.how, "person");
    assert.equal(find("ISIS", "ISIS")?.caseSensitive, true);
    assert.equal(find("daesh", "ISIS")?.kind, "armed_group");
  });

  it("yields every phrase normalised, so the scanner can index them as they are", () => {
    for (const e of entries) {
      assert.equal(normaliseActorPhrase(e.phrase, { keepCase: e.caseSensitive }), e.phrase);
    }
  });

  it("yields generic phrases once per country", () => {
    const rebels = entries.filter((e) => e.how === "generic" && e.phrase === "rebels");
    assert.deepEqual(rebels.map((e) => [e.country, e.actorId]).sort(), [
      ["SS", "SS-OPP"],
      ["SY", "SY-OPP"],
      ["UA", "UA-SEP"],
      ["YE", "YE-HOUTHI"],
    ]);
  });
});

describe("resolveGeneric", () => {
  it("resolves a phrase by the country the text is about", () => {
    assert.equal(dictionary.resolveGeneric("rebels", "SY"), "SY-OPP");
    assert.equal(dictionary.resolveGeneric("Rebels", "UA"), "UA-SEP");
    assert.equal(dictionary.resolveGeneric("rebels", "YE"), "YE-HOUTHI");
    assert.equal(dictionary.resolveGeneric("rebels", "SS"), "SS-OPP");
    assert.equal(dictionary.resolveGeneric("separatists", "UA"), "UA-SEP");
    assert.equal(dictionary.resolveGeneric("terrorist groups", "SY"), "SY-OPP");
    assert.equal(dictionary.resolveGeneric("regime", "SY"), "SY-GOV");
    assert.equal(dictionary.resolveGeneric("warplanes", "SY"), "SY-GOV");
    assert.equal(dictionary.resolveGeneric("warplanes", "YE"), "YE-COAL");
    assert.equal(dictionary.resolveGeneric("coalition", "SY"), "US");
    assert.equal(dictionary.resolveGeneric("coalition", "YE"), "YE-COAL");
    assert.equal(dictionary.resolveGeneric("pro\u2011government forces", "SS"), "SS-GOV");
  });

  it("returns null outside the listed countries, for a null country and for unknown phrases", () => {
    assert.equal(dictionary.resolveGeneric("rebels", "FR"), null);
    assert.equal(dictionary.resolveGeneric("rebels", null), null);
    assert.equal(dictionary.resolveGeneric("wizards", "SY"), null);
  });

  it("lists the named actors that take precedence over a generic phrase", () => {
    assert.deepEqual(dictionary.genericYieldsTo("terrorists"), ["HTS", "ISIS"]);
    assert.deepEqual(dictionary.genericYieldsTo("regime"), []);
  });

  it("uses the default when a phrase has one", () => {
    const d = ActorDictionary.parse(
      {
        actors: [
          { id: "A", name: "A", kind: "state" },
          { id: "B", name: "B", kind: "armed_group" },
        ],
        generic: [{ phrase: "bandits", byCountry: { SY: "A" }, default: "B" }],
      },
      "inline",
    );
    assert.equal(d.resolveGeneric("bandits", "SY"), "A");
    assert.equal(d.resolveGeneric("bandits", "UA"), "B");
    assert.equal(d.resolveGeneric("bandits", null), "B");
  });
});

describe("ActorDictionary.parse validation", () => {
  const problem = (
    mutate: (file: { actors: Record<string, unknown>[]; generic: Record<string, unknown>[] }) => void,
  ) => {
    const data = raw() as { actors: Record<string, unknown>[]; generic: Record<string, unknown>[] };
    mutate(data);
    try {
      ActorDictionary.parse(data, "actors.yaml");
    } catch (error) {
      assert.ok(error instanceof TruceError);
      assert.equal(error.code, "TRUCE_E_DATA_INVALID");
      return error.message;
    }
    assert.fail("expected the dictionary to be rejected");
  };

  it("rejects a duplicate id", () => {
    assert.match(
      problem((f) => {
        f.actors.push({ id: "RU", name: "Russia again", kind: "state" });
      }),
      /actor dictionary actors\.yaml is not valid: actors\[\d+\]\.id: duplicate actor id RU/,
    );
  });

  it("rejects a phrase that already stands for another actor, after normalisation", () => {
    assert.match(
      problem((f) => {
        f.actors.push({ id: "XX", name: "X", kind: "state", aliases: ["DAESH"] });
      }),
      /actors\[\d+\]\.aliases: "DAESH" already stands for ISIS/,
    );
  });

  it("rejects references to unknown actors", () => {
    assert.match(
      problem((f) => {
        f.generic.push({ phrase: "goblins", byCountry: { SY: "GOBLINS" } });
      }),
      /generic\[\d+\]\.byCountry\.SY: no actor with id GOBLINS/,
    );
    assert.match(
      problem((f) => {
        f.actors.push({ id: "XX", name: "X", kind: "state", canonical: "NOPE" });
      }),
      /canonical: no actor with id NOPE/,
    );
  });

  it("rejects an unknown kind and an unknown field", () => {
    assert.match(
      problem((f) => {
        f.actors.push({ id: "XX", name: "X", kind: "wizard" });
      }),
      /actors\[\d+\]\.kind/,
    );
    assert.match(
      problem((f) => {
        f.actors.push({ id: "XX", name: "X", kind: "state", alias: ["x"] });
      }),
      /Unrecognized key: "alias"/,
    );
  });
});
