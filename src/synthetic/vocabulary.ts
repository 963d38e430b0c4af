// What synthetic reports are made of: outlets and their leanings, who does what to whom where, and wording.
import type { SubEventType } from "../domain/ontology.js";

/** Which side an outlet leans to: it may blame the other side for what its own side did. */
export type Leaning = "neutral" | "government" | "opposition" | "kurdish";

export interface Outlet {
  readonly name: string;
  readonly kind: "press" | "complaint" | "observation";
  readonly leaning: Leaning;
  /** Wire agencies' stories are re-published by other outlets (near-identical text). */
  readonly wire: boolean;
  /** Relative frequency with which it reports an incident on its own. */
  readonly weight: number;
}

export const outlets: readonly Outlet[] = [
  { name: "Reuters", kind: "press", leaning: "neutral", wire: true, weight: 5 },
  { name: "AFP", kind: "press", leaning: "neutral", wire: true, weight: 5 },
  { name: "Associated Press", kind: "press", leaning: "neutral", wire: true, weight: 4 },
  { name: "Anadolu Agency", kind: "press", leaning: "opposition", wire: true, weight: 2 },
  { name: "SANA", kind: "press", leaning: "government", wire: true, weight: 4 },
  { name: "TASS", kind: "press", leaning: "government", wire: true, weight: 2 },
  { name: "Syrian Observatory for Human Rights", kind: "press", leaning: "neutral", wire: false, weight: 8 },
  { name: "Syrian Network for Human Rights", kind: "press", leaning: "opposition", wire: false, weight: 3 },
  { name: "Enab Baladi", kind: "press", leaning: "opposition", wire: false, weight: 3 },
  { name: "Syria Direct", kind: "press", leaning: "neutral", wire: false, weight: 2 },
  { name: "Step News Agency", kind: "press", leaning: "opposition", wire: false, weight: 3 },
  { name: "Orient News", kind: "press", leaning: "opposition", wire: false, weight: 2 },
  { name: "Al-Masdar News", kind: "press", leaning: "government", wire: false, weight: 3 },
  { name: "Hawar News Agency", kind: "press", leaning: "kurdish", wire: false, weight: 2 },
  { name: "Russian Reconciliation Centre", kind: "complaint", leaning: "government", wire: false, weight: 1 },
  { name: "Turkish Defence Ministry", kind: "complaint", leaning: "opposition", wire: false, weight: 1 },
  { name: "Joint monitoring group", kind: "observation", leaning: "neutral", wire: false, weight: 0.5 },
];

/** Outlets that carry wire copy, lightly edited, under their own name. */
export const republishers: readonly string[] = [
  "Al Jazeera",
  "Al Arabiya",
  "France 24",
  "The National",
  "Asharq Al-Awsat",
  "Daily Sabah",
  "Yeni Safak",
  "RT",
  "Sputnik",
  "Naharnet",
  "Middle East Eye",
  "Arab News",
  "The New Arab",
  "Gulf News",
];

/** Which side each actor is on, for leaning outlets that shift blame. */
export const sideOf: Readonly<Record<string, Leaning>> = {
  "SY-GOV": "government",
  RU: "government",
  IR: "government",
  HEZBOLLAH: "government",
  "SY-OPP": "opposition",
  HTS: "opposition",
  TR: "opposition",
  SDF: "kurdish",
  US: "kurdish",
};

/** Whom a leaning outlet blames when its own side did it. */
export const scapegoat: Readonly<Record<Leaning, readonly string[]>> = {
  government: ["HTS", "SY-OPP"],
  opposition: ["SY-GOV", "RU"],
  kurdish: ["TR", "SY-OPP"],
  neutral: [],
};

/** Regions as admin1 sets, to keep actors where they fought. */
const NW = ["SY-ID", "SY-HL", "SY-HM", "SY-LA"];
const NE = ["SY-HA", "SY-RA", "SY-DY", "SY-HL"];
const SOUTH = ["SY-DR", "SY-SU", "SY-QU", "SY-RD", "SY-DI"];
const CENTRE = ["SY-HI", "SY-HM", "SY-RD", "SY-TA"];
const DESERT = ["SY-DY", "SY-HI", "SY-RA", "SY-SU"];
const ALL = [...new Set([...NW, ...NE, ...SOUTH, ...CENTRE, ...DESERT])];

export interface EventPattern {
  readonly sub: SubEventType;
  readonly perpetrator: string;
  readonly target: string;
  readonly admin1s: readonly string[];
  readonly weight: number;
}

/** Event patterns with Syria-like frequencies: shelling and air strikes dominate, then clashes. */
export const patterns: readonly EventPattern[] = [
  {
    sub: "Shelling/artillery/missile attack",
    perpetrator: "SY-GOV",
    target: "SY-OPP",
    admin1s: [...NW, ...SOUTH],
    weight: 14,
  },
  {
    sub: "Shelling/artillery/missile attack",
    perpetrator: "SY-GOV",
    target: "CIV",
    admin1s: [...NW, ...SOUTH],
    weight: 8,
  },
  {
    sub: "Shelling/artillery/missile attack",
    perpetrator: "SY-OPP",
    target: "SY-GOV",
    admin1s: [...NW, ...SOUTH],
    weight: 6,
  },
  { sub: "Shelling/artillery/missile attack", perpetrator: "HTS", target: "SY-GOV", admin1s: NW, weight: 4 },
  { sub: "Shelling/artillery/missile attack", perpetrator: "TR", target: "SDF", admin1s: NE, weight: 4 },
  { sub: "Shelling/artillery/missile attack", perpetrator: "SDF", target: "SY-OPP", admin1s: NE, weight: 2 },
  { sub: "Air/drone strike", perpetrator: "RU", target: "SY-OPP", admin1s: [...NW, ...CENTRE], weight: 8 },
  { sub: "Air/drone strike", perpetrator: "RU", target: "CIV", admin1s: NW, weight: 4 },
  { sub: "Air/drone strike", perpetrator: "SY-GOV", target: "HTS", admin1s: NW, weight: 5 },
  { sub: "Air/drone strike", perpetrator: "SY-GOV", target: "CIV", admin1s: [...NW, ...SOUTH], weight: 5 },
  { sub: "Air/drone strike", perpetrator: "US", target: "ISIS", admin1s: [...NE, ...DESERT], weight: 4 },
  { sub: "Air/drone strike", perpetrator: "TR", target: "SDF", admin1s: NE, weight: 3 },
  {
    sub: "Air/drone strike",
    perpetrator: "IL",
    target: "HEZBOLLAH",
    admin1s: [...SOUTH, "SY-HI"],
    weight: 1,
  },
  {
    sub: "Armed clash",
    perpetrator: "SY-GOV",
    target: "SY-OPP",
    admin1s: [...NW, ...SOUTH, ...CENTRE],
    weight: 10,
  },
  { sub: "Armed clash", perpetrator: "SY-GOV", target: "HTS", admin1s: NW, weight: 5 },
  { sub: "Armed clash", perpetrator: "SY-GOV", target: "ISIS", admin1s: DESERT, weight: 4 },
  { sub: "Armed clash", perpetrator: "SDF", target: "ISIS", admin1s: NE, weight: 4 },
  { sub: "Armed clash", perpetrator: "SY-OPP", target: "SDF", admin1s: NE, weight: 2 },
  { sub: "Armed clash", perpetrator: "HTS", target: "SY-OPP", admin1s: NW, weight: 2 },
  {
    sub: "Government regains territory",
    perpetrator: "SY-GOV",
    target: "SY-OPP",
    admin1s: [...NW, ...SOUTH],
    weight: 1.5,
  },
  {
    sub: "Non-state actor overtakes territory",
    perpetrator: "HTS",
    target: "SY-GOV",
    admin1s: NW,
    weight: 0.8,
  },
  {
    sub: "Non-state actor overtakes territory",
    perpetrator: "ISIS",
    target: "SY-GOV",
    admin1s: DESERT,
    weight: 0.6,
  },
  { sub: "Remote explosive/landmine/IED", perpetrator: "ISIS", target: "SDF", admin1s: NE, weight: 3 },
  { sub: "Remote explosive/landmine/IED", perpetrator: "ISIS", target: "CIV", admin1s: ALL, weight: 2 },
  { sub: "Suicide bomb", perpetrator: "ISIS", target: "SY-GOV", admin1s: [...DESERT, "SY-DI"], weight: 0.5 },
  { sub: "Attack", perpetrator: "SY-GOV", target: "CIV", admin1s: ALL, weight: 2 },
  { sub: "Attack", perpetrator: "HTS", target: "CIV", admin1s: NW, weight: 1 },
  { sub: "Abduction/forced disappearance", perpetrator: "SY-GOV", target: "CIV", admin1s: ALL, weight: 1 },
  { sub: "Arrests", perpetrator: "SY-GOV", target: "CIV", admin1s: [...SOUTH, ...CENTRE], weight: 1 },
  { sub: "Looting/property destruction", perpetrator: "SY-OPP", target: "CIV", admin1s: NE, weight: 0.5 },
];

/** How outlets name each actor (several wordings, so independent texts differ). */
export const actorWords: Readonly<Record<string, readonly string[]>> = {
  "SY-GOV": [
    "Syrian government forces",
    "regime forces",
    "the Syrian army",
    "pro-Assad forces",
    "Syrian troops",
  ],
  RU: ["Russian warplanes", "Russian jets", "Russian aircraft", "Russian forces"],
  "SY-OPP": ["rebels", "opposition fighters", "armed opposition factions", "Free Syrian Army fighters"],
  HTS: ["Hayat Tahrir al-Sham", "HTS militants", "jihadists of Hayat Tahrir al-Sham", "terrorists"],
  ISIS: ["Islamic State", "ISIS militants", "IS fighters", "Daesh"],
  SDF: ["the Syrian Democratic Forces", "SDF fighters", "Kurdish-led forces", "the SDF"],
  TR: ["Turkish forces", "the Turkish army", "Turkish artillery", "Turkish drones"],
  US: ["US-led coalition aircraft", "coalition warplanes", "American drones"],
  IL: ["Israeli jets", "Israeli aircraft", "Israel"],
  HEZBOLLAH: ["Hezbollah", "Hezbollah fighters", "Iran-backed militias"],
  IR: ["Iranian forces", "Iran-backed militias"],
  CIV: ["civilians", "residents", "families", "displaced people"],
};

/** What was done, per sub-event type, in a few wordings. */
export const verbs: Readonly<Record<string, readonly string[]>> = {
  "Shelling/artillery/missile attack": ["shelled", "pounded with artillery", "fired rockets at", "bombarded"],
  "Air/drone strike": ["carried out air strikes on", "bombed", "struck", "hit with air raids"],
  "Armed clash": ["clashed with fighters near", "fought heavy battles around", "engaged in fighting in"],
  "Government regains territory": ["recaptured", "retook", "regained control of"],
  "Non-state actor overtakes territory": ["seized", "overran", "took control of"],
  "Remote explosive/landmine/IED": [
    "detonated a roadside bomb in",
    "set off an explosive device in",
    "planted a car bomb in",
  ],
  "Suicide bomb": ["sent a suicide bomber into", "carried out a suicide attack in"],
  Attack: ["attacked", "opened fire on people in", "raided"],
  "Abduction/forced disappearance": ["abducted residents of", "detained and disappeared people from"],
  Arrests: ["arrested young men in", "launched an arrest campaign in"],
  "Looting/property destruction": ["looted homes in", "burned houses in"],
  "Chemical weapon": ["used chemical weapons on"],
  Grenade: ["threw a grenade in"],
};

export const weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export const months = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Sentences outlets append that carry no event information (and differ between outlets). */
export const tails: readonly string[] = [
  "The ceasefire brokered by Russia and Turkey has been repeatedly violated.",
  "Residents said the area had been calm for weeks.",
  "It was not possible to independently verify the report.",
  "Civil defence teams were searching the rubble for survivors.",
  "The attack came despite the truce agreed in Astana.",
  "Medical sources said the toll could rise.",
  "There was no immediate comment from the other side.",
  "",
  "",
];

/** Event details reports of one event share (what was hit, with what, when in the day); sources mention some. */
export const sites: readonly string[] = [
  "a bakery",
  "the main market",
  "a school",
  "a hospital",
  "a mosque",
  "a checkpoint",
  "farmland",
  "residential buildings",
  "a displacement camp",
  "a water station",
  "a military post",
  "a fuel depot",
  "the town square",
  "a poultry farm",
  "a power plant",
  "a clinic",
];
export const weapons: readonly string[] = [
  "barrel bombs",
  "mortar shells",
  "Grad rockets",
  "cluster munitions",
  "heavy machine guns",
  "tank fire",
  "guided missiles",
  "artillery rounds",
  "suicide drones",
  "incendiary munitions",
];
export const timesOfDay: readonly string[] = [
  "at dawn",
  "in the morning",
  "at noon",
  "in the afternoon",
  "in the evening",
  "overnight",
];
