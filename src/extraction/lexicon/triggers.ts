// The words that report a violent event, by the ACLED sub-event type they signal.
import type { SubEventType } from "../../domain/ontology.js";

export interface Trigger {
  /** Lemmas or lower-cased words, a phrase as several words. */
  readonly words: readonly string[];
  readonly subEventType: SubEventType;
  /** Weapons and means ("mortars", "barrel bombs") name how an act was done; acts ("shelled") are predicates. */
  readonly role: "act" | "means";
  /** A weak trigger ("attack", "fire") only counts beside a place or an actor in the same clause. */
  readonly weak?: boolean;
}

const air: SubEventType = "Air/drone strike";
const shelling: SubEventType = "Shelling/artillery/missile attack";
const clash: SubEventType = "Armed clash";

export const triggers: readonly Trigger[] = [
  {
    words: ["airstrike", "air strike", "air-strike", "air raid", "airstrikes", "air strikes", "air raids"],
    subEventType: air,
    role: "act",
  },
  { words: ["raid", "raids"], subEventType: air, role: "act", weak: true },
  {
    words: ["bomb", "bombed", "bombing", "bombings", "bombard", "bombardment", "pound", "pounded"],
    subEventType: air,
    role: "act",
    weak: true,
  },
  {
    words: [
      "barrel bomb",
      "barrel bombs",
      "warplane",
      "warplanes",
      "jet",
      "jets",
      "aircraft",
      "helicopter",
      "helicopters",
      "gunship",
      "drone strike",
      "drone strikes",
      "sortie",
      "sorties",
    ],
    subEventType: air,
    role: "means",
  },
  { words: ["shell", "shelled", "shelling", "shellfire", "shells"], subEventType: shelling, role: "act" },
  {
    words: [
      "mortar",
      "mortars",
      "rocket",
      "rockets",
      "artillery",
      "missile",
      "missiles",
      "howitzer",
      "grad",
      "mlrs",
      "machine gun",
      "machine guns",
      "machinegun",
      "machineguns",
      "machine-gun",
      "grenade launcher",
      "grenade launchers",
      "tank fire",
      "sniper",
      "snipers",
      "explosion",
      "explosions",
      "gas canisters",
      "projectile",
      "projectiles",
    ],
    subEventType: shelling,
    role: "means",
  },
  {
    words: [
      "opened fire",
      "open fire",
      "fired",
      "fire",
      "firing",
      "targeted",
      "target",
      "hit",
      "struck",
      "strike",
      "strikes",
    ],
    subEventType: shelling,
    role: "act",
    weak: true,
  },
  {
    words: [
      "clash",
      "clashes",
      "clashed",
      "fighting",
      "fought",
      "battle",
      "battles",
      "firefight",
      "gunfight",
      "skirmish",
      "skirmishes",
      "ambush",
      "ambushed",
      "assault",
      "offensive",
      "attack",
      "attacked",
      "attacks",
      "storm",
      "stormed",
      "infiltrate",
      "infiltration",
      "incursion",
    ],
    subEventType: clash,
    role: "act",
  },
  {
    words: [
      "seize",
      "seized",
      "capture",
      "captured",
      "recapture",
      "recaptured",
      "retake",
      "retook",
      "retaken",
      "gain control",
      "gained control",
      "took control",
      "advance",
      "advanced",
    ],
    subEventType: "Government regains territory",
    role: "act",
  },
  {
    words: ["shot down", "intercept", "intercepted", "downed"],
    subEventType: "Disrupted weapons use",
    role: "act",
  },
  {
    words: [
      "car bomb",
      "roadside bomb",
      "ied",
      "landmine",
      "land mine",
      "explosive device",
      "booby trap",
      "booby-trapped",
    ],
    subEventType: "Remote explosive/landmine/IED",
    role: "act",
  },
  {
    words: ["suicide bomber", "suicide bombing", "suicide attack", "suicide car bomb"],
    subEventType: "Suicide bomb",
    role: "act",
  },
  {
    words: ["chemical attack", "chlorine", "sarin", "gas attack", "toxic gas", "chemical weapons attack"],
    subEventType: "Chemical weapon",
    role: "act",
  },
  {
    words: ["abduct", "abducted", "kidnap", "kidnapped", "abduction"],
    subEventType: "Abduction/forced disappearance",
    role: "act",
  },
];

/** Words that report ceasefire breaches without naming the act: bulletins of counts per province. */
export const breachWords: ReadonlySet<string> = new Set([
  "violation",
  "violations",
  "violate",
  "violated",
  "violating",
  "breach",
  "breaches",
  "breached",
  "breaching",
  "infringement",
  "infringements",
]);

/** A death reported without its means: the event type comes from context. */
export const killingWords: ReadonlySet<string> = new Set([
  "kill",
  "killed",
  "killing",
  "die",
  "died",
  "dead",
  "death",
]);
