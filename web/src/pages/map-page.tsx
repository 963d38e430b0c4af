// `/`: the map of incidents with the filters, a legend, the counts by governorate and the list the map draws
// (the list is also how a keyboard or screen-reader user reaches each incident).
import type { JSX } from "preact";
import { useMemo } from "preact/hooks";
import { partiesOf, useAgreement } from "../api/agreement.js";
import { api } from "../api/client.js";
import type { MapData } from "../api/types.js";
import { zonesOf } from "../api/zones.js";
import { FilterForm, type Filters, filtersKey, filtersOf } from "../components/filters.js";
import { IncidentTable } from "../components/incident-table.js";
import { ErrorMessage, usePageTitle } from "../components/status.js";
import { useI18n } from "../i18n/i18n.js";
import { governorateName } from "../map/boundaries.js";
import { partyColours, shadeOf, shadeRanges, statusColours, unattributedColour } from "../map/colours.js";
import { type ColourBy, IncidentMap } from "../map/incident-map.js";
import { hrefWith, navigate, useLocation } from "../router.js";
import { useResource } from "../use-resource.js";

/** The most points the map asks for; beyond that it says how many it left out. */
export const MAP_LIMIT = 5000;

function Legend({
  colourBy,
  parties,
  max,
}: {
  colourBy: ColourBy;
  parties: readonly string[];
  /** The largest count of a governorate. */
  max: number;
}): JSX.Element {
  const { t, label, actor, number } = useI18n();
  const colours = partyColours(parties);
  const entries =
    colourBy === "status"
      ? Object.entries(statusColours).map(([status, colour]) => ({
          key: status,
          colour,
          text: label("status", status),
        }))
      : [
          ...parties.map((p) => ({ key: p, colour: colours.get(p) as string, text: actor(p) })),
          { key: "none", colour: unattributedColour, text: t("map.noVerdict") },
        ];
  return (
    <div class="legend">
      <h2 class="legend-title">{colourBy === "status" ? t("map.legendStatus") : t("map.legendParty")}</h2>
      <ul class="legend-list">
        {entries.map((e) => (
          <li key={e.key}>
            <span class="swatch swatch-round" style={{ background: e.colour }} aria-hidden="true" />
            {e.text}
          </li>
        ))}
      </ul>
      <h2 class="legend-title">{t("map.legendShade")}</h2>
      <ul class="legend-list">
        {shadeRanges(max).map((r) => (
          <li key={r.colour}>
            <span class="swatch" style={{ background: r.colour }} aria-hidden="true" />
            {r.high === 0
              ? t("map.shadeNone")
              : r.low === r.high
                ? number(r.high)
                : t("map.shadeRange", { low: number(r.low), high: number(r.high) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function MapPage(): JSX.Element {
  const { t, locale, number } = useI18n();
  const { query } = useLocation();
  const filters = filtersOf(query);
  const key = filtersKey(filters);
  const colourBy: ColourBy = query.get("colour") === "party" ? "party" : "status";
  const agreement = useAgreement();
  const parties = useMemo(() => partiesOf(agreement.data), [agreement.data]);
  const zones = useMemo(() => zonesOf(agreement.data), [agreement.data]);
  const map = useResource(() => api.get<MapData>("/api/map", { ...filters, limit: MAP_LIMIT }), key);
  usePageTitle(t("page.map"));

  const go = (next: Filters, colour: ColourBy = colourBy): void => {
    navigate(hrefWith("/", { ...next, colour: colour === "party" ? "party" : undefined }), { replace: true });
  };

  const counts = useMemo(
    () => new Map((map.data?.admin1 ?? []).map((g) => [g.admin1 ?? "", g.count])),
    [map.data],
  );
  const max = Math.max(0, ...counts.values());
  const points = map.data?.points ?? [];

  return (
    <section class="page page-map">
      <h1>{t("page.map")}</h1>
      <FilterForm filters={filters} parties={parties} zones={zones} onApply={(next) => go(next)} />
      <fieldset class="toggle">
        <legend>{t("map.colourBy")}</legend>
        {(["status", "party"] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="colour"
              value={option}
              checked={colourBy === option}
              onChange={() => go(filters, option)}
            />
            {option === "status" ? t("map.byStatus") : t("map.byParty")}
          </label>
        ))}
      </fieldset>
      {map.error !== null && <ErrorMessage error={map.error} />}
      <div class="map-layout">
        <IncidentMap
          points={points}
          counts={counts}
          colourBy={colourBy}
          parties={parties}
          onOpen={(id) => navigate(`/incidents/${encodeURIComponent(id)}`)}
          onGovernorate={(code) => go({ ...filters, admin1: code })}
        />
        <Legend colourBy={colourBy} parties={parties} max={max} />
      </div>
      <p class="map-summary" role="status">
        {map.loading
          ? t("common.loading")
          : map.data?.truncated
            ? t("map.truncated", { shown: number(points.length) })
            : t("map.summary", { shown: number(points.length) })}
      </p>
      <details class="governorate-counts">
        <summary>{t("map.countsByGovernorate")}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("field.admin1")}</th>
              <th scope="col">{t("map.incidents")}</th>
            </tr>
          </thead>
          <tbody>
            {[...counts.entries()]
              .sort(([, a], [, b]) => b - a)
              .map(([code, count]) => (
                <tr key={code}>
                  <th scope="row">
                    <span class="swatch" style={{ background: shadeOf(count, max) }} aria-hidden="true" />
                    {code === "" ? t("common.unknown") : governorateName(code, locale)}
                  </th>
                  <td>{number(count)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
      <h2>{t("map.listTitle")}</h2>
      {agreement.error !== null && <ErrorMessage error={agreement.error} />}
      <IncidentTable filters={filters} sort="date" order="desc" emptyText={t("map.none")} />
      <p class="hint">{t("map.keyboardHint")}</p>
    </section>
  );
}
