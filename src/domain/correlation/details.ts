// The details a report gives of its event besides the coded facts: what was hit, with what, at what time of day.
import { tokens } from "./similarity.js";

/**
 * Each kind is a set of classes; a class is the words sources use for one thing. Two reports of one event
 * that both name what was hit mostly name the same thing; two events at one town a day apart mostly do not.
 * Classes are coarse on purpose: a "hospital" to one outlet is a "clinic" to the next.
 */
const SITES: readonly (readonly string[])[] = [
  ["bakery", "bakeries", "bread oven", "flour mill"],
  ["market", "markets", "marketplace", "souk", "bazaar", "shops"],
  ["school", "schools", "kindergarten", "university"],
  ["hospital", "hospitals", "clinic", "clinics", "health centre", "health center", "medical point"],
  ["mosque", "mosques", "church", "churches"],
  ["checkpoint", "checkpoints", "roadblock"],
  ["farmland", "fields", "orchards", "olive groves", "crops"],
  ["residential buildings", "residential building", "residential area", "homes", "houses", "apartment block"],
  ["displacement camp", "displaced camp", "idp camp", "refugee camp", "camp for displaced", "tents"],
  ["water station", "water pumping station", "water plant", "water network"],
  ["military post", "military position", "military base", "army post", "outpost", "barracks", "headquarters"],
  ["fuel depot", "fuel station", "gas station", "petrol station", "fuel tanker", "oil well", "refinery"],
  ["town square", "main square", "central square", "public square"],
  ["poultry farm", "chicken farm", "livestock farm", "cattle farm"],
  ["power plant", "power station", "electricity station", "power grid"],
  ["bridge", "bridges"],
  ["vehicle", "car", "bus", "convoy", "truck"],
  ["civil defence centre", "civil defense center", "white helmets centre"],
];

/**
 * Means. Wording of the act itself ("pounded with artillery", "fired rockets") names means too, which is
 * right: it is what the source says was used.
 */
const MEANS: readonly (readonly string[])[] = [
  ["barrel bomb", "barrel bombs", "explosive barrels"],
  ["mortar", "mortars", "mortar shells", "mortar rounds"],
  ["grad", "rocket launchers", "multiple rocket launchers", "rockets", "rocket"],
  ["cluster munitions", "cluster bombs", "cluster bomb", "submunitions"],
  ["machine guns", "machine gun", "machine-gun", "sniper", "snipers", "small arms"],
  ["tank fire", "tank", "tanks", "tank shells"],
  [
    "guided missile",
    "guided missiles",
    "anti-tank missile",
    "anti-tank missiles",
    "atgm",
    "missiles",
    "missile",
  ],
  ["artillery", "artillery rounds", "artillery shells", "howitzer", "howitzers"],
  ["drone", "drones", "suicide drones", "kamikaze drones", "uav"],
  ["incendiary", "incendiary munitions", "white phosphorus", "napalm", "thermite"],
  ["car bomb", "vehicle-borne", "roadside bomb", "explosive device", "landmine", "landmines", "mine"],
  ["chlorine", "sarin", "toxic gas", "chemical weapons"],
];

/** Times of day in order round the clock: neighbours are easily confused, others are not. */
const TIMES: readonly (readonly string[])[] = [
  ["dawn", "daybreak", "first light", "sunrise"],
  ["morning", "mid-morning"],
  ["noon", "midday"],
  ["afternoon"],
  ["evening", "dusk", "sunset"],
  ["overnight", "at night", "midnight", "late night", "night"],
];

/** The details a text gives: one bit per class named, per kind (0 when the kind is not mentioned). */
export interface Details {
  readonly sites: number;
  readonly means: number;
  readonly times: number;
}

type Kind = "sites" | "means" | "times";

/** Phrases as words (split as texts are), grouped by their first word: a text is read in one pass. */
const byFirstWord = new Map<string, { words: readonly string[]; kind: Kind; bit: number }[]>();
for (const [kind, classes] of [
  ["sites", SITES],
  ["means", MEANS],
  ["times", TIMES],
] as const) {
  classes.forEach((phrases, i) => {
    for (const phrase of phrases) {
      const words = tokens(phrase);
      const first = words[0] as string;
      const list = byFirstWord.get(first) ?? [];
      list.push({ words, kind, bit: 1 << i });
      // Longest first, so that "suicide drones" is one mention, not "drones" after it.
      list.sort((a, b) => b.words.length - a.words.length);
      byFirstWord.set(first, list);
    }
  });
}

/** The classes of site, means and time of day a text names, from its words (see `tokens`). */
export function detailsOf(words: readonly string[]): Details {
  let sites = 0;
  let means = 0;
  let times = 0;
  for (let i = 0; i < words.length; i++) {
    const phrases = byFirstWord.get(words[i] as string);
    if (phrases === undefined) continue;
    for (const p of phrases) {
      let k = 1;
      while (k < p.words.length && words[i + k] === p.words[k]) k++;
      if (k < p.words.length) continue;
      if (p.kind === "sites") sites |= p.bit;
      else if (p.kind === "means") means |= p.bit;
      else times |= p.bit;
      i += k - 1;
      break;
    }
  }
  return { sites, means, times };
}

const ALL_TIMES = (1 << TIMES.length) - 1;

/** The times of day next to any of these (round the clock), the times themselves included. */
export function timesAround(times: number): number {
  const last = TIMES.length - 1;
  const left = ((times >>> 1) | ((times & 1) << last)) & ALL_TIMES;
  const right = ((times << 1) | (times >>> last)) & ALL_TIMES;
  return times | left | right;
}
