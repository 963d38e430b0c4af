// The agreement in force, read once per page load: its parties colour the map, its rules guide complaints.

import type { Resource } from "../use-resource.js";
import { useResource } from "../use-resource.js";
import { api } from "./client.js";
import type { Agreement, Regime } from "./types.js";

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
