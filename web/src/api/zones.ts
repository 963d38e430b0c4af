// The zones the incident filters offer, read from the agreement. Apart from the agreement's loader so that it
// needs nothing of the browser (the tests run it under Node).
import type { Agreement, Zone } from "./types.js";

/** A zone the incident filters offer: its id (the API's `zone=`) and the name the agreement gives it. */
export type ZoneChoice = Pick<Zone, "id" | "name">;

/**
 * The zones of every regime, each id once (a zone carried over from one regime to the next keeps its id), with the
 * name of its first mention. A zone drawn only as a polygon is left out: the API filters zones by the
 * governorates they name, and refuses one that names none.
 */
export function zonesOf(agreement: Agreement | null): ZoneChoice[] {
  if (agreement === null) return [];
  const all = agreement.regimes.flatMap((r) => r.zones ?? []);
  const named = new Map<string, ZoneChoice>();
  for (const zone of all) if (!named.has(zone.id)) named.set(zone.id, { id: zone.id, name: zone.name });
  const filterable = new Set(all.filter((zone) => zone.admin1 !== undefined).map((zone) => zone.id));
  return [...named.values()].filter((zone) => filterable.has(zone.id));
}
