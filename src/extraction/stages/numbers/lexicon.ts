// Word lists for casualty phrases: who a noun counts, which nouns are tallies, which carry the harm themselves.

import type { CasualtyKind, CasualtyWho } from "../numbers.js";

export const PERSON: Record<string, CasualtyWho> = {};
const addWho = (who: CasualtyWho, words: string) => {
  for (const w of words.split(" ")) PERSON[w] = who;
};
addWho(
  "children",
  "child children kid kids boy boys girl girls infant infants baby babies minor minors toddler toddlers schoolchildren",
);
addWho(
  "civilians",
  "civilian civilians resident residents villager villagers woman women farmer farmers shepherd shepherds student students worker workers passer-by passers-by pedestrian pedestrians",
);
addWho(
  "fighters",
  "fighter fighters militant militants rebel rebels insurgent insurgents jihadist jihadists terrorist terrorists gunman gunmen militiaman militiamen combatant combatants mercenary mercenaries extremist extremists member members",
);
addWho(
  "soldiers",
  "soldier soldiers troop troops serviceman servicemen servicemember servicemembers personnel officer officers policeman policemen guard guards marine marines paratrooper paratroopers conscript conscripts pilot pilots",
);
addWho("people", "people person persons individual individuals man men others victims");
addWho(
  "other",
  "journalist journalists medic medics doctor doctors nurse nurses paramedic paramedics rescuer rescuers volunteer volunteers",
);

// Things a number counts that are not people: bulletins count violations, shells and factions.
export const COUNTED =
  "violation violations breach breaches case cases attack attacks incident incidents shell shells round rounds rocket rockets missile missiles mortar mortars bomb bombs strike strikes airstrike airstrikes raid raids drone drones sortie sorties faction factions group groups brigade brigades village villages town towns settlement settlements position positions vehicle vehicles tank tanks times";
export const COUNT_NOUNS = new Set(COUNTED.split(" "));

// Nouns that carry the casualty kind themselves: "30 dead", "five deaths", "12 casualties".
export const HARM_NOUN: Record<string, CasualtyKind> = {
  dead: "killed",
  deaths: "killed",
  death: "killed",
  fatalities: "killed",
  bodies: "killed",
  martyrs: "killed",
  killed: "killed",
  // "Casualties" mixes the dead and the wounded, so it must never fill a death toll.
  casualties: "injured",
  injuries: "injured",
  injured: "injured",
  wounded: "injured",
  hurt: "injured",
};

export const STOP = new Set(
  "the a an of in on at to and or but with by for from as that which who were was is are be been being have has had will would also reportedly all both".split(
    " ",
  ),
);

export const VAGUE_LOW: Record<string, number> = {
  dozens: 24,
  scores: 40,
  hundreds: 200,
  thousands: 2000,
  tens: 20,
  several: 3,
  few: 2,
  handful: 2,
};

export const isNoun = (w: string): boolean =>
  PERSON[w] !== undefined || COUNT_NOUNS.has(w) || HARM_NOUN[w] !== undefined;
