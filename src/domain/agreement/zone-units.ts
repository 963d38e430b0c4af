// The first-level units a zone filter stands for: lists and maps filter incidents by place code, so a zone is
// asked for by the units it names (its polygon, where one is drawn, decides a single incident's regime, not a
// list: a point-in-polygon filter would need spatial SQL the stores do not have).
import { TruceError } from "../../errors.js";
import type { Agreement } from "./schema.js";

/**
 * The admin1 codes of the zones named by `ids` in any regime of the agreement (a zone carried over from one
 * regime to the next keeps its id), in the order the agreement gives them. Throws TRUCE_E_INVALID_INPUT for an
 * id no regime has, or a zone drawn only as a polygon.
 */
export function zoneUnits(agreement: Agreement, ids: readonly string[]): string[] {
  const zones = agreement.regimes.flatMap((r) => r.zones ?? []);
  const units: string[] = [];
  for (const id of ids) {
    const named = zones.filter((z) => z.id === id);
    if (named.length === 0) {
      const known = [...new Set(zones.map((z) => z.id))];
      throw new TruceError(
        "TRUCE_E_INVALID_INPUT",
        `zone: ${agreement.id} has no zone "${id}"${known.length > 0 ? `; its zones are ${known.join(", ")}` : " (it defines none)"}`,
        { subject: "zone" },
      );
    }
    const codes = named.flatMap((z) => z.admin1 ?? []);
    if (codes.length === 0) {
      throw new TruceError(
        "TRUCE_E_INVALID_INPUT",
        `zone: "${id}" of ${agreement.id} is drawn only as a polygon and names no governorates to filter by; filter the map by bbox instead`,
        { subject: "zone" },
      );
    }
    for (const code of codes) if (!units.includes(code)) units.push(code);
  }
  return units;
}
