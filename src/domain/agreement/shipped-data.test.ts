// Cross-checks the shipped data: every actor an agreement names is in the actor dictionary.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { ActorDictionary } from "../actors/dictionary.js";
import { parseAgreement } from "./schema.js";

const data = new URL("../../../data/", import.meta.url);
const dictionary = ActorDictionary.parse(
  parse(readFileSync(new URL("actors/actors.yaml", data), "utf8")),
  "actors.yaml",
);

describe("shipped agreements and the actor dictionary agree", () => {
  for (const file of readdirSync(new URL("agreements/", data)).filter((f) => f.endsWith(".yaml"))) {
    it(`${file} names only actors the dictionary knows`, () => {
      const a = parseAgreement(parse(readFileSync(new URL(`agreements/${file}`, data), "utf8")), file);
      const named = [
        ...a.civilians,
        ...(a.verdicts.voters ?? []),
        ...a.regimes.flatMap((r) => [
          ...r.parties,
          ...r.guarantors,
          ...r.observers,
          ...r.excluded.map((e) => e.actor),
        ]),
      ];
      const unknown = [...new Set(named)].filter((id) => !dictionary.has(id));
      assert.deepEqual(unknown, []);
    });
  }
});
