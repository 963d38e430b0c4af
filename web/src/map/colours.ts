// Colours the map and charts share. Okabe and Ito's palette stays distinct for the common forms of colour
// blindness; every colour also has a label in the legend, so nothing is told by colour alone.
import type { IncidentStatus } from "../api/types.js";

export const statusColours: Readonly<Record<IncidentStatus, string>> = {
  open: "#E69F00",
  awaiting_positions: "#56B4E9",
  decided: "#D55E00",
  published: "#009E73",
};

const partyPalette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D00", "#000000"];

/** Incidents no verdict attributes to a party. */
export const unattributedColour = "#9CA3AF";

/** The colour of each party, by its place in the agreement's list (stable while the agreement is). */
export function partyColours(parties: readonly string[]): ReadonlyMap<string, string> {
  return new Map(parties.map((party, i) => [party, partyPalette[i % partyPalette.length] as string]));
}

/** Five shades for governorates by count, lightest for none. */
export const shades = ["#F3F4F6", "#DEEBF7", "#9ECAE1", "#4292C6", "#08519C"] as const;

const stepOf = (count: number, max: number): number => Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));

/** The shade of a count against the largest count shown: none, then four equal steps up to the largest. */
export function shadeOf(count: number, max: number): string {
  if (count <= 0 || max <= 0) return shades[0];
  return shades[stepOf(count, max)] as string;
}

/** The whole counts each shade stands for (the legend's ranges); shades no count can fall in are left out. */
export function shadeRanges(max: number): { colour: string; low: number; high: number }[] {
  const ranges = [{ colour: shades[0] as string, low: 0, high: 0 }];
  for (let step = 1; step <= 4; step++) {
    const high = Math.floor((step * max) / 4);
    const low = Math.floor(((step - 1) * max) / 4) + 1;
    if (low <= high && stepOf(high, max) === step) ranges.push({ colour: shades[step] as string, low, high });
  }
  return ranges;
}
