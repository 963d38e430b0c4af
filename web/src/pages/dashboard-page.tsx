// `/dashboard`: compliance per party and per governorate over time: what the parties claim beside what the
// guarantors verified, and escalation alerts (a period that spikes against its trailing baseline).
import type { JSX } from "preact";
import { useMemo } from "preact/hooks";
import { partiesOf, useAgreement } from "../api/agreement.js";
import { api } from "../api/client.js";
import type { Stats } from "../api/types.js";
import { zonesOf } from "../api/zones.js";
import { FilterForm, type Filters, filtersKey, filtersOf } from "../components/filters.js";
import { type ChartSeries, LineChart } from "../components/line-chart.js";
import { ErrorMessage, Loading, usePageTitle } from "../components/status.js";
import { useI18n } from "../i18n/i18n.js";
import { governorateName } from "../map/boundaries.js";
import { partyColours, unattributedColour } from "../map/colours.js";
import { hrefWith, navigate, useLocation } from "../router.js";
import { useResource } from "../use-resource.js";

const granularities = ["day", "week", "month"] as const;
type Granularity = (typeof granularities)[number];

/** Governorates get colours of their own, distinct from the parties' palette. */
const areaPalette = ["#1B9E77", "#D95F02", "#7570B3", "#E7298A", "#66A61E", "#E6AB02", "#A6761D", "#666666"];

/** Charts with more lines than this are unreadable; the table below them has every group. */
const MAX_LINES = 8;

export function DashboardPage(): JSX.Element {
  const { t, locale, number, actor } = useI18n();
  const { query } = useLocation();
  const filters = filtersOf(query);
  const granularity: Granularity = granularities.find((g) => g === query.get("by")) ?? "week";
  const agreement = useAgreement();
  const parties = useMemo(() => partiesOf(agreement.data), [agreement.data]);
  const zones = useMemo(() => zonesOf(agreement.data), [agreement.data]);
  const stats = useResource(
    () => api.get<Stats>("/api/stats", { ...filters, granularity }),
    `${filtersKey(filters)}/${granularity}`,
  );
  usePageTitle(t("page.dashboard"));

  const go = (next: Filters, by: Granularity = granularity): void =>
    navigate(hrefWith("/dashboard", { ...next, by: by === "week" ? undefined : by }), { replace: true });

  const colours = useMemo(() => partyColours(parties), [parties]);
  const partyName = (key: string | null): string => (key === null ? t("map.noVerdict") : actor(key));

  const totalSeries = useMemo((): ChartSeries[] => {
    const data = stats.data;
    if (data === null) return [];
    return [
      { label: t("dashboard.allIncidents"), values: data.total.claimed, colour: "#1F4E79", dashed: true },
      { label: t("dashboard.verifiedViolations"), values: data.total.verified, colour: "#9F1239" },
    ];
  }, [stats.data, locale]);

  const partySeries = useMemo((): ChartSeries[] => {
    const data = stats.data;
    if (data === null) return [];
    return data.parties.slice(0, MAX_LINES / 2).flatMap((s) => {
      const colour = colours.get(s.key) ?? unattributedColour;
      return [
        { label: `${partyName(s.key)} — ${t("dashboard.claimed")}`, values: s.claimed, colour, dashed: true },
        { label: `${partyName(s.key)} — ${t("dashboard.verified")}`, values: s.verified, colour },
      ];
    });
  }, [stats.data, colours, locale]);

  const areaSeries = useMemo(
    (): ChartSeries[] =>
      (stats.data?.governorates ?? []).slice(0, MAX_LINES).map((s, i) => ({
        label: governorateName(s.key, locale),
        values: s.claimed,
        colour: areaPalette[i % areaPalette.length] as string,
      })),
    [stats.data, locale],
  );

  const alertName = (subject: string, key: string | null): string =>
    subject === "total"
      ? t("dashboard.allIncidents")
      : subject === "admin1"
        ? governorateName(key, locale)
        : partyName(key);

  return (
    <section class="page">
      <h1>{t("page.dashboard")}</h1>
      <FilterForm
        filters={filters}
        parties={parties}
        zones={zones}
        onApply={(next) => go(next)}
        only={["from", "to", "admin1", "zone", "party", "eventType"]}
      />
      <div class="field field-inline">
        <label for="granularity">{t("dashboard.granularity")}</label>
        <select
          id="granularity"
          value={granularity}
          onChange={(e) => go(filters, e.currentTarget.value as Granularity)}
        >
          {granularities.map((g) => (
            <option key={g} value={g}>
              {t(`dashboard.by.${g}`)}
            </option>
          ))}
        </select>
      </div>
      {stats.error !== null && <ErrorMessage error={stats.error} />}
      {stats.loading && stats.data === null && <Loading />}
      {stats.data !== null && (
        <>
          <section aria-labelledby="alerts-title" class="alerts">
            <h2 id="alerts-title">{t("dashboard.alerts")}</h2>
            {stats.data.alerts.length === 0 ? (
              <p class="empty">{t("dashboard.noAlerts")}</p>
            ) : (
              <ul>
                {stats.data.alerts.map((a) => (
                  <li key={`${a.subject}/${a.key}/${a.measure}/${a.period}`} class="alert">
                    {t(a.measure === "verified" ? "dashboard.alertVerified" : "dashboard.alertClaimed", {
                      who: alertName(a.subject, a.key),
                      period: a.period,
                      count: number(a.count),
                      mean: number(Math.round(a.mean * 10) / 10),
                    })}
                  </li>
                ))}
              </ul>
            )}
            <p class="hint">{t("dashboard.rule", { rule: stats.data.rule.description })}</p>
            {stats.data.undated > 0 && (
              <p class="hint">{t("dashboard.undated", { count: number(stats.data.undated) })}</p>
            )}
          </section>
          <LineChart
            granularity={granularity}
            title={t("dashboard.overTime")}
            periods={stats.data.periods}
            series={totalSeries}
          />
          <h2>{t("dashboard.perParty")}</h2>
          {stats.data.partiesNamed ? (
            <LineChart
              granularity={granularity}
              title={t("dashboard.perPartyChart")}
              periods={stats.data.periods}
              series={partySeries}
            />
          ) : (
            <p class="notice">{t("dashboard.partiesUnnamed")}</p>
          )}
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.party")}</th>
                  <th scope="col">{t("dashboard.claimed")}</th>
                  <th scope="col">{t("dashboard.verified")}</th>
                </tr>
              </thead>
              <tbody>
                {stats.data.parties.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{partyName(row.key)}</th>
                    <td>{number(row.claimedTotal)}</td>
                    <td>{number(row.verifiedTotal)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t("dashboard.perGovernorate")}</h2>
          <LineChart
            granularity={granularity}
            title={t("dashboard.perGovernorateChart")}
            periods={stats.data.periods}
            series={areaSeries}
          />
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("field.admin1")}</th>
                  <th scope="col">{t("map.incidents")}</th>
                  <th scope="col">{t("dashboard.verifiedViolations")}</th>
                </tr>
              </thead>
              <tbody>
                {stats.data.governorates.map((s) => (
                  <tr key={s.key}>
                    <th scope="row">{governorateName(s.key, locale)}</th>
                    <td>{number(s.claimedTotal)}</td>
                    <td>{number(s.verifiedTotal)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
