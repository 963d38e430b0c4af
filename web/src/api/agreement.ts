// The agreement in force, read once per page load: its parties colour the map, its rules guide complaints.

import type { Resource } from "../use-resource.js";
import { useResource } from "../use-resource.js";
import { api } from "./client.js";
import type { Agreement, Regime, Zone } from "./types.js";

let cached: Promise<Agreement> | null = null;

function loadAgreement(): Promise<Agreement> {
  if (cached === null) {
    cached = api.get<Agreement>("/api/agreement");
    // A failed read is not kept: the next page asks again.
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

export function useAgreement(): Resource<Agreement> {
  return useResource(loadAgreement, "agreement");
}

/**
 * The regime in force on a day (the latest that has taken effect and not ended), else the agreement's main one.
 * With a governorate, regimes whose zones are listed by governorate and do not list it are passed over (a zone
 * drawn only as a polygon may hold it: the server's classification decides exactly).
 */
export function regimeOn(agreement: Agreement, day: string, admin1: string | null = null): Regime {
  const covers = (r: Regime): boolean =>
    admin1 === null ||
    r.zones === undefined ||
    r.zones.some((z) => z.admin1 === undefined || z.admin1.includes(admin1));
  const inForce = agreement.regimes.filter(
    (r) => r.effective <= day && (r.end === undefined || r.end >= day) && covers(r),
  );
  return (
    inForce.at(-1) ??
    agreement.regimes.find((r) => r.id === agreement.main) ??
    (agreement.regimes[0] as Regime)
  );
}

/** Every party any regime binds, in the order the agreement names them. */
export function partiesOf(agreement: Agreement | null): string[] {
  if (agreement === null) return [];
  return [...new Set(agreement.regimes.flatMap((r) => r.parties))];
}

/**
 * Who or what an act may have hit, as the agreement's rules weigh it: civilians first, then the parties, then
 * the groups the agreement excludes (an attack on them is no violation).
 */
export function targetsOf(agreement: Agreement | null): string[] {
  if (agreement === null) return [];
  const excluded = agreement.regimes.flatMap((r) => r.excluded.map((e) => e.actor));
  return [...new Set([...agreement.civilians, ...partiesOf(agreement), ...excluded])];
}

/** Every guarantor of any regime, or the configured voters. */
export function guarantorsOf(agreement: Agreement | null): string[] {
  if (agreement === null) return [];
  return [...new Set(agreement.verdicts.voters ?? agreement.regimes.flatMap((r) => r.guarantors))];
}

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
