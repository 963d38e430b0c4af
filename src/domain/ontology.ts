// The event ontology Truce shares with ACLED, so that exports line up with the field's standard dataset.

export const eventTypes = {
  Battles: ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  "Explosions/Remote violence": [
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
  ],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  "Strategic developments": [
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
  ],
} as const;

export type EventType = keyof typeof eventTypes;
export type SubEventType = (typeof eventTypes)[EventType][number];

export const allEventTypes = Object.keys(eventTypes) as EventType[];

export function eventTypeOf(subEventType: SubEventType): EventType {
  for (const type of allEventTypes) {
    if ((eventTypes[type] as readonly string[]).includes(subEventType)) return type;
  }
  throw new RangeError(`unknown sub-event type ${subEventType}`);
}

/** ACLED time precision: 1 the day is known, 2 within a week, 3 within a month. */
export type TimePrecision = 1 | 2 | 3;
/** ACLED geo precision: 1 the exact town, 2 near a town or part of a region, 3 the province. */
export type GeoPrecision = 1 | 2 | 3;

export type Classification = "violation" | "excluded" | "not_applicable" | "undetermined";
