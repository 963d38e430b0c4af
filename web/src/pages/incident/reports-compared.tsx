// Every report side by side: one column per source, one row per fact, and the rows where sources state
// different values marked (in words as well as colour): disagreements are shown, never voted away.
import type { JSX } from "preact";
import type { FieldComparison, ReportSide } from "../../api/types.js";
import { useI18n } from "../../i18n/i18n.js";

export function ReportsCompared({
  reports,
  comparison,
}: {
  reports: readonly ReportSide[];
  comparison: readonly FieldComparison[];
}): JSX.Element {
  const { t, label, day, actor } = useI18n();
  return (
    <div class="table-wrap">
      <table class="compare">
        <caption>{t("incident.compareCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("incident.fact")}</th>
            {reports.map((side, i) => (
              <th scope="col" key={side.report.id}>
                <span class="report-number">{t("incident.reportN", { n: i + 1 })}</span>
                <span class="report-source">{side.report.source || t("incident.notNamed")}</span>
                <span class="report-kind">{label("kind", side.report.kind)}</span>
                {side.document?.published != null && (
                  <span class="report-published">{day(side.document.published.slice(0, 10))}</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.map((row) => (
            <tr key={row.field} class={row.disagree ? "disagree" : undefined}>
              <th scope="row">
                {label("compared", row.field)}
                {row.disagree && <span class="tag tag-disagree">{t("incident.disagree")}</span>}
              </th>
              {row.values.map((value, i) => {
                const side = reports[i];
                const shown =
                  value === null
                    ? null
                    : row.field === "type"
                      ? label("eventType", value)
                      : row.field === "subType"
                        ? label("subEventType", value)
                        : row.field === "perpetrator" || row.field === "target"
                          ? actor(value)
                          : value;
                return (
                  <td
                    key={side?.report.id ?? i}
                    class={row.disagree && value !== null ? "cell-disagree" : undefined}
                  >
                    {shown ?? <span class="muted">{t("incident.notStated")}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
