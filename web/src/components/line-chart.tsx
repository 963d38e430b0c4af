// A line chart over periods (uPlot), with the same figures as a table for readers who do not see the chart.
import type { JSX } from "preact";
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { useI18n } from "../i18n/i18n.js";

export interface ChartSeries {
  readonly label: string;
  readonly values: readonly number[];
  readonly colour: string;
  /** Dashed lines are claims; solid ones what the guarantors verified. */
  readonly dashed?: boolean;
}

/** A period's first day as Unix seconds: `2026-11-02` (a day or a week's Monday) or `2026-11` (a month). */
export function periodStart(period: string): number {
  const day = period.length === 7 ? `${period}-01` : period;
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}

/** Every n-th value (n ≥ 1), from the first. */
function everyNth(values: readonly number[], n: number): number[] {
  const step = Math.max(1, n);
  return values.filter((_, i) => i % step === 0);
}

/** Counts are whole: the value axis steps by whole numbers only. */
const wholeSteps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];

export function LineChart({
  title,
  periods,
  series,
  granularity,
}: {
  title: string;
  periods: readonly string[];
  series: readonly ChartSeries[];
  granularity: "day" | "week" | "month";
}): JSX.Element {
  const { t, number, intl } = useI18n();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (element === null || periods.length === 0) return;
    const data: uPlot.AlignedData = [periods.map(periodStart), ...series.map((s) => [...s.values])];
    const width = (): number => Math.max(280, element.clientWidth);
    const tickFormat = new Intl.DateTimeFormat(intl, {
      timeZone: "UTC",
      ...(granularity === "month" ? { month: "short", year: "numeric" } : { day: "numeric", month: "short" }),
    });
    const plot = new uPlot(
      {
        width: width(),
        height: 260,
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.colour,
            width: 2,
            ...(s.dashed ? { dash: [6, 4] } : {}),
          })),
        ],
        axes: [
          {
            // Ticks on the periods themselves (thinned to fit), so a month is never labelled twice.
            splits: (u: uPlot) =>
              everyNth(data[0] as number[], Math.ceil((data[0].length * 90) / u.bbox.width)),
            values: (_u: uPlot, ticks: number[]) => ticks.map((s) => tickFormat.format(new Date(s * 1000))),
          },
          { incrs: wholeSteps, values: (_u: uPlot, ticks: number[]) => ticks.map((v) => number(v)) },
        ],
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        legend: { show: true },
      },
      data,
      element,
    );
    const observer = new ResizeObserver(() => plot.setSize({ width: width(), height: 260 }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [periods, series, number, intl, granularity]);

  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      {periods.length === 0 ? (
        <p class="empty">{t("dashboard.noData")}</p>
      ) : (
        <>
          <div ref={container} class="chart-canvas" dir="ltr" aria-hidden="true" />
          <details>
            <summary>{t("dashboard.asTable")}</summary>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("dashboard.period")}</th>
                    {series.map((s) => (
                      <th scope="col" key={s.label}>
                        {s.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {periods.map((p, i) => (
                    <tr key={p}>
                      <th scope="row">{p}</th>
                      {series.map((s) => (
                        <td key={s.label}>{number(s.values[i] ?? 0)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
