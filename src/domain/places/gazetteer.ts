// The gazetteer: place entries validated and indexed by normalised name, for lookup and text scanning.
import { z } from "zod";
import { normalisePlaceName } from "./transliterate.js";

export const placeKinds = [
  "country",
  "governorate",
  "district",
  "town",
  "village",
  "neighbourhood",
  "area",
  "region",
  "facility",
  "frontline",
] as const;

export type PlaceKind = (typeof placeKinds)[number];

const countryCode = z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code such as SY");
const admin1Code = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, "an ISO 3166-2 code such as SY-ID");

const placeEntrySchema = z
  .object({
    name: z.string().trim().min(1),
    alt: z.array(z.string().trim().min(1)).default([]),
    kind: z.enum(placeKinds),
    country: countryCode,
    admin1: admin1Code.nullable(),
    admin1s: z.array(admin1Code).min(2).optional(),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    prominence: z.number().int().min(0).max(9).optional(),
    /** The admin1 that surrounds a city which is an admin1 of its own ("near Damascus" lies in Rif Dimashq). */
    environs: admin1Code.optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.kind !== "country" && e.admin1 === null && e.admin1s === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["admin1"],
        message: "admin1 may be null only for a country, or for a region that lists its admin1s",
      });
    }
    if (e.kind === "country" && e.admin1 !== null) {
      ctx.addIssue({ code: "custom", path: ["admin1"], message: "a country entry has admin1 null" });
    }
    if (e.admin1 !== null && e.admin1s !== undefined) {
      ctx.addIssue({ code: "custom", path: ["admin1s"], message: "give admin1 or admin1s, not both" });
    }
    if (e.admin1 !== null && !e.admin1.startsWith(`${e.country}-`)) {
      ctx.addIssue({
        code: "custom",
        path: ["admin1"],
        message: `admin1 ${e.admin1} is not in country ${e.country}`,
      });
    }
  });

/** One gazetteer entry as stored in data/places/XX.json. */
export type PlaceEntry = z.infer<typeof placeEntrySchema>;

/** An entry as the gazetteer serves it: a stable id, its lookup key, and defaults filled in. */
export interface Place {
  /** Stable across loads while the data is unchanged: country/admin1/kind/key. */
  readonly id: string;
  readonly name: string;
  readonly alt: readonly string[];
  readonly kind: PlaceKind;
  readonly country: string;
  readonly admin1: string | null;
  /** The admin1 codes the place lies in: [admin1] for most, several for a region, [] for a country. */
  readonly admin1s: readonly string[];
  readonly lat: number;
  readonly lon: number;
  /** Higher for the better-known of several places that share a name; 1 unless the data says otherwise. */
  readonly prominence: number;
  /** normalisePlaceName(name). */
  readonly key: string;
  /** The admin1 around the place, where that differs from its own ("near Damascus" → SY-RD). */
  readonly environs: string | null;
}

/** Thrown when gazetteer data does not have the expected shape; the message names the bad entry. */
export class GazetteerDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GazetteerDataError";
  }
}

/**
 * Checks raw JSON (an array of entries) against the entry schema. Throws GazetteerDataError naming
 * the first bad entry by index and name, with every problem found in it.
 */
export function validatePlaceEntries(raw: unknown, source = "gazetteer data"): PlaceEntry[] {
  if (!Array.isArray(raw)) {
    throw new GazetteerDataError(`${source}: expected an array of place entries, got ${describe(raw)}`);
  }
  const entries: PlaceEntry[] = [];
  raw.forEach((item: unknown, index) => {
    const parsed = placeEntrySchema.safeParse(item);
    if (!parsed.success) {
      const problems = parsed.error.issues
        .map((issue) => `${issue.path.length ? issue.path.join(".") : "(entry)"}: ${issue.message}`)
        .join("; ");
      throw new GazetteerDataError(
        `${source}: entry #${index} (${entryLabel(item)}) is invalid: ${problems}`,
      );
    }
    entries.push(parsed.data);
  });
  return entries;
}

function entryLabel(item: unknown): string {
  if (item !== null && typeof item === "object" && "name" in item && typeof item.name === "string") {
    return JSON.stringify(item.name);
  }
  return "no name";
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * Order among candidates of one name when prominence ties: the administrative unit a bare name most
 * often means in reporting ("Idlib" → the governorate's capital town and the governorate share the
 * admin1 anyway), then settlements before the features around them.
 */
const kindRank: Readonly<Record<PlaceKind, number>> = {
  country: 0,
  governorate: 1,
  town: 2,
  region: 3,
  district: 4,
  area: 5,
  village: 6,
  neighbourhood: 7,
  facility: 8,
  frontline: 9,
};

const comparePlaces = (a: Place, b: Place): number =>
  b.prominence - a.prominence ||
  kindRank[a.kind] - kindRank[b.kind] ||
  a.name.localeCompare(b.name) ||
  a.id.localeCompare(b.id);

/** Places indexed by every normalised name and alternative, by admin1 and by country. */
export class Gazetteer {
  readonly #byKey = new Map<string, Place[]>();
  readonly #byAdmin1 = new Map<string, Place[]>();
  readonly #admin1Units = new Map<string, Place>();
  readonly #countries = new Map<string, Place>();
  readonly #all: Place[] = [];

  constructor(entries: readonly PlaceEntry[]) {
    const ids = new Set<string>();
    for (const entry of entries) {
      const place = toPlace(entry, ids);
      this.#all.push(place);
      const keys = new Set([place.key, ...place.alt.map(normalisePlaceName)]);
      keys.delete("");
      for (const key of keys) push(this.#byKey, key, place);
      for (const code of place.admin1s) push(this.#byAdmin1, code, place);
      if (place.kind === "country" && !this.#countries.has(place.country)) {
        this.#countries.set(place.country, place);
      }
      if (place.kind === "governorate" && place.admin1 !== null && !this.#admin1Units.has(place.admin1)) {
        this.#admin1Units.set(place.admin1, place);
      }
    }
    for (const list of this.#byKey.values()) list.sort(comparePlaces);
    for (const list of this.#byAdmin1.values()) list.sort(comparePlaces);
  }

  /** Every place the name may mean, best first (prominence, then kind); [] when none. */
  lookup(name: string): readonly Place[] {
    return this.#byKey.get(normalisePlaceName(name)) ?? [];
  }

  /** The places that lie in an admin1 unit (including multi-admin1 regions that touch it). */
  byAdmin1(code: string): readonly Place[] {
    return this.#byAdmin1.get(code) ?? [];
  }

  /** The English name of an admin1 unit ("SY-ID" → "Idlib Governorate"), or null if unknown. */
  admin1Name(code: string): string | null {
    return this.#admin1Units.get(code)?.name ?? null;
  }

  /** The admin1 unit's own entry (its governorate/oblast/state), or null if unknown. */
  admin1(code: string): Place | null {
    return this.#admin1Units.get(code) ?? null;
  }

  /** The country entry for an ISO 3166-1 alpha-2 code, or null if unknown. */
  country(code: string): Place | null {
    return this.#countries.get(code) ?? null;
  }

  /** Every normalised name with its candidates (best first), for building a text scanner's index. */
  *names(): IterableIterator<[string, readonly Place[]]> {
    for (const [key, places] of this.#byKey) yield [key, places];
  }

  /** Every place, in data order. */
  places(): readonly Place[] {
    return this.#all;
  }

  get size(): number {
    return this.#all.length;
  }
}

function toPlace(entry: PlaceEntry, ids: Set<string>): Place {
  const key = normalisePlaceName(entry.name);
  const base = `${entry.country}/${entry.admin1 ?? "-"}/${entry.kind}/${key}`;
  // Two villages of one name in one province are real (Vodiane near Donetsk and near Mariupol).
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}#${n}`;
  ids.add(id);
  const admin1s = entry.admin1 !== null ? [entry.admin1] : [...(entry.admin1s ?? [])];
  return {
    id,
    name: entry.name,
    alt: entry.alt,
    kind: entry.kind,
    country: entry.country,
    admin1: entry.admin1,
    admin1s,
    lat: entry.lat,
    lon: entry.lon,
    prominence: entry.prominence ?? 1,
    key,
    environs: entry.environs ?? null,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/**
 * Builds a gazetteer from the parsed JSON of several data files (one array per file); `sources`
 * (e.g. the file names) label the error if an entry is bad.
 */
export function parseGazetteer(jsonArrays: readonly unknown[], sources?: readonly string[]): Gazetteer {
  const entries = jsonArrays.flatMap((raw, i) =>
    validatePlaceEntries(raw, sources?.[i] ?? `gazetteer file #${i + 1}`),
  );
  return new Gazetteer(entries);
}
