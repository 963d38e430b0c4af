// The actor dictionary: canonical actors with their names, aliases, adjectives, metonyms, people and context-bound generic phrases.

import { z } from "zod";
import { TruceError } from "../../errors.js";

const apostrophes = /[\u2018\u2019\u201B\u02BB\u02BC\u02BE\u02BF\u0060\u00B4\u2032]/g;
const hyphens = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const marks = /\p{M}/gu;
/** Letters that carry no combining mark to strip but have a plain Latin twin. */
const plainLetters: Record<string, string> = {
  ı: "i",
  İ: "I",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ł: "l",
  Ł: "L",
};

/**
 * The form phrases are compared in: diacritics stripped (Çavuşoğlu → cavusoglu), apostrophes and hyphens
 * unified to ' and -, white space collapsed, lower case unless `keepCase` (abbreviations such as IS or US
 * are matched case-sensitively, so they keep their case).
 */
export function normaliseActorPhrase(phrase: string, options: { keepCase?: boolean } = {}): string {
  const plain = phrase
    .replace(/[ıİøØđĐłŁ]/g, (c) => plainLetters[c] ?? c)
    .normalize("NFKD")
    .replace(marks, "")
    .replace(apostrophes, "'")
    .replace(hyphens, "-")
    .replace(/\s+/g, " ")
    .trim();
  return options.keepCase === true ? plain : plain.toLowerCase();
}

export const actorKinds = [
  "state",
  "government_forces",
  "armed_group",
  "organisation",
  "monitor",
  "civilians",
  /** A news source or monitoring group quoted for facts, never an actor of an incident (e.g. SOHR). */
  "source",
  "other",
] as const;
export type ActorKind = (typeof actorKinds)[number];

const id = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, { error: "expected an actor id such as SY-GOV" });
const country = z.string().regex(/^[A-Z]{2}$/, { error: "expected an ISO 3166-1 alpha-2 country code" });
const phrase = z.string().trim().min(1, { error: "must not be empty" });

const personSchema = z.strictObject({
  name: phrase,
  /** Other spellings and the surname alone where it is unambiguous. */
  variants: z.array(phrase).default([]),
  role: phrase.optional(),
});

const actorSchema = z.strictObject({
  id,
  name: phrase,
  kind: z.enum(actorKinds),
  /** The country whose actor this is, when it has one. */
  country: country.optional(),
  /** The id of the evaluation's canonical table this actor is reported as (default: its own id). */
  canonical: id.optional(),
  aliases: z.array(phrase).default([]),
  /** Matched case-sensitively: IS, US, SAA, NAS. */
  abbreviations: z.array(phrase).default([]),
  /** "Russian" in "Russian jets". */
  adjectives: z.array(phrase).default([]),
  /** A place or building standing for the actor: Moscow, the Kremlin. The scanner decides actor vs place. */
  metonyms: z.array(phrase).default([]),
  people: z.array(personSchema).default([]),
  notes: phrase.optional(),
});

/** A common noun phrase whose actor depends on the country the text is about. */
const genericSchema = z.strictObject({
  phrase,
  byCountry: z.record(country, id),
  /** The actor anywhere else; omit to leave the phrase unresolved outside the listed countries. */
  default: id.optional(),
  /** Named actors that take precedence when the text names one of them nearby. */
  yieldsTo: z.array(id).default([]),
  notes: phrase.optional(),
});

export const actorFileSchema = z
  .strictObject({
    actors: z.array(actorSchema).min(1),
    generic: z.array(genericSchema).default([]),
  })
  .superRefine((file, ctx) => {
    const ids = new Map<string, number>();
    for (const [i, actor] of file.actors.entries()) {
      if (ids.has(actor.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["actors", i, "id"],
          message: `duplicate actor id ${actor.id}`,
        });
      }
      ids.set(actor.id, i);
    }
    const mustExist = (ref: string, path: (string | number)[]): void => {
      if (!ids.has(ref)) ctx.addIssue({ code: "custom", path, message: `no actor with id ${ref}` });
    };
    const owner = new Map<string, string>();
    for (const [i, actor] of file.actors.entries()) {
      if (actor.canonical !== undefined) {
        mustExist(actor.canonical, ["actors", i, "canonical"]);
        const target = file.actors.find((a) => a.id === actor.canonical);
        if (target?.canonical !== undefined && target.canonical !== target.id) {
          ctx.addIssue({
            code: "custom",
            path: ["actors", i, "canonical"],
            message: `${actor.canonical} is itself reported as ${target.canonical}; point to the final id`,
          });
        }
      }
      for (const { phrase: p, caseSensitive, field } of phrasesOf(actor)) {
        const key = `${caseSensitive ? "=" : "~"}${normaliseActorPhrase(p, { keepCase: caseSensitive })}`;
        const other = owner.get(key);
        if (other !== undefined && other !== actor.id) {
          ctx.addIssue({
            code: "custom",
            path: ["actors", i, field],
            message: `"${p}" already stands for ${other}`,
          });
        }
        owner.set(key, actor.id);
      }
    }
    const generics = new Set<string>();
    for (const [i, g] of file.generic.entries()) {
      const key = normaliseActorPhrase(g.phrase);
      if (generics.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["generic", i, "phrase"],
          message: `duplicate generic "${g.phrase}"`,
        });
      }
      generics.add(key);
      for (const [c, ref] of Object.entries(g.byCountry)) mustExist(ref, ["generic", i, "byCountry", c]);
      if (g.default !== undefined) mustExist(g.default, ["generic", i, "default"]);
      for (const [j, ref] of g.yieldsTo.entries()) mustExist(ref, ["generic", i, "yieldsTo", j]);
    }
  });

export type ActorFile = z.infer<typeof actorFileSchema>;
export type Actor = ActorFile["actors"][number];
export type GenericPhrase = ActorFile["generic"][number];

export type ActorEntryHow = "name" | "alias" | "adjective" | "metonym" | "person" | "generic";

/** One phrase for a text scanner to index. */
export interface ActorEntry {
  /** Normalised with `normaliseActorPhrase` (case kept when `caseSensitive`). */
  phrase: string;
  actorId: string;
  how: ActorEntryHow;
  /** For generic phrases: the country the text must be about for this reading. */
  country?: string;
  /** Abbreviations match only with the same letter case (IS, not "is"). */
  caseSensitive: boolean;
  kind: ActorKind;
}

interface RawPhrase {
  phrase: string;
  how: Exclude<ActorEntryHow, "generic">;
  caseSensitive: boolean;
  field: string;
}

function* phrasesOf(actor: Actor): Generator<RawPhrase> {
  yield { phrase: actor.name, how: "name", caseSensitive: false, field: "name" };
  for (const p of actor.aliases) yield { phrase: p, how: "alias", caseSensitive: false, field: "aliases" };
  for (const p of actor.abbreviations)
    yield { phrase: p, how: "alias", caseSensitive: true, field: "abbreviations" };
  for (const p of actor.adjectives)
    yield { phrase: p, how: "adjective", caseSensitive: false, field: "adjectives" };
  for (const p of actor.metonyms)
    yield { phrase: p, how: "metonym", caseSensitive: false, field: "metonyms" };
  for (const person of actor.people) {
    for (const p of [person.name, ...person.variants]) {
      yield { phrase: p, how: "person", caseSensitive: false, field: "people" };
    }
  }
}

/** The checked dictionary, with look-ups for the text scanner and the classifier. */
export class ActorDictionary {
  readonly #actors: ReadonlyMap<string, Actor>;
  readonly #generic: ReadonlyMap<string, GenericPhrase>;

  constructor(file: ActorFile) {
    this.#actors = new Map(file.actors.map((a) => [a.id, a]));
    this.#generic = new Map(file.generic.map((g) => [normaliseActorPhrase(g.phrase), g]));
  }

  /** Validates a parsed actors file (YAML/JSON); `source` is named in the error. */
  static parse(raw: unknown, source: string): ActorDictionary {
    const result = actorFileSchema.safeParse(raw);
    if (!result.success) {
      const problems = result.error.issues
        .slice(0, 8)
        .map((i) => `${formatPath(i.path)}: ${i.message}`)
        .join("; ");
      throw new TruceError("TRUCE_E_DATA_INVALID", `actor dictionary ${source} is not valid: ${problems}`, {
        subject: source,
      });
    }
    return new ActorDictionary(result.data);
  }

  byId(actorId: string): Actor | undefined {
    return this.#actors.get(actorId);
  }

  has(actorId: string): boolean {
    return this.#actors.has(actorId);
  }

  ids(): string[] {
    return [...this.#actors.keys()];
  }

  /** The id of the canonical table an actor is reported as (OSCE-SMM → OTHER); undefined for an unknown id. */
  canonicalOf(actorId: string): string | undefined {
    const actor = this.#actors.get(actorId);
    return actor === undefined ? undefined : (actor.canonical ?? actor.id);
  }

  /** Every phrase the scanner should look for, with the actor it stands for and how. */
  *entries(): Generator<ActorEntry> {
    for (const actor of this.#actors.values()) {
      for (const p of phrasesOf(actor)) {
        yield {
          phrase: normaliseActorPhrase(p.phrase, { keepCase: p.caseSensitive }),
          actorId: actor.id,
          how: p.how,
          caseSensitive: p.caseSensitive,
          kind: actor.kind,
        };
      }
    }
    for (const [key, g] of this.#generic) {
      for (const [c, actorId] of Object.entries(g.byCountry)) {
        yield {
          phrase: key,
          actorId,
          how: "generic",
          country: c,
          caseSensitive: false,
          kind: this.#kindOf(actorId),
        };
      }
      if (g.default !== undefined) {
        yield {
          phrase: key,
          actorId: g.default,
          how: "generic",
          caseSensitive: false,
          kind: this.#kindOf(g.default),
        };
      }
    }
  }

  /** The actor a generic phrase ("rebels") stands for in a text about `country`; null when it does not resolve. */
  resolveGeneric(genericPhrase: string, country: string | null): string | null {
    const g = this.#generic.get(normaliseActorPhrase(genericPhrase));
    if (g === undefined) return null;
    return (country === null ? undefined : g.byCountry[country]) ?? g.default ?? null;
  }

  /** Named actors that override a generic phrase when named near it ("terrorists" near "Nusra" → HTS). */
  genericYieldsTo(genericPhrase: string): readonly string[] {
    return this.#generic.get(normaliseActorPhrase(genericPhrase))?.yieldsTo ?? [];
  }

  #kindOf(actorId: string): ActorKind {
    return this.#actors.get(actorId)?.kind ?? "other";
  }
}

const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (out, key) =>
      typeof key === "number" ? `${out}[${key}]` : out === "" ? String(key) : `${out}.${String(key)}`,
    "",
  ) || "(top level)";
