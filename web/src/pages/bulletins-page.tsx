// `/bulletins`: the daily and weekly bulletins of published incidents, as HTML to read, PDF to print and
// Markdown to quote. The server composes them; this page finds the one wanted.
import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { usePageTitle } from "../components/status.js";
import { isoDay, mondayOf } from "../days.js";
import { useI18n } from "../i18n/i18n.js";

type Period = "daily" | "weekly";
const formats = ["html", "pdf", "md"] as const;

const DAY_MS = 86_400_000;

export function bulletinHref(period: Period, day: string, format: (typeof formats)[number]): string {
  return `/api/bulletins/${period}/${day}?format=${format}`;
}

function Links({ period, day }: { period: Period; day: string }): JSX.Element {
  const { t } = useI18n();
  return (
    <span class="bulletin-links">
      {formats.map((format) => (
        <a
          key={format}
          href={bulletinHref(period, day, format)}
          aria-label={t(`bulletins.link.${format}`, { day })}
        >
          {t(`bulletins.format.${format}`)}
        </a>
      ))}
    </span>
  );
}

export function BulletinsPage(): JSX.Element {
  const { t, day: showDay } = useI18n();
  usePageTitle(t("page.bulletins"));
  const yesterday = isoDay(Date.now() - DAY_MS);
  const [period, setPeriod] = useState<Period>("daily");
  const [day, setDay] = useState(yesterday);
  const chosen = period === "weekly" ? mondayOf(day) : day;
  const recentDays = Array.from({ length: 7 }, (_, i) => isoDay(Date.now() - (i + 1) * DAY_MS));
  const recentWeeks = Array.from({ length: 4 }, (_, i) =>
    mondayOf(isoDay(Date.now() - (i + 1) * 7 * DAY_MS)),
  );

  return (
    <section class="page">
      <h1>{t("page.bulletins")}</h1>
      <p class="hint">{t("bulletins.intro")}</p>
      <form class="form form-inline" onSubmit={(e) => e.preventDefault()} aria-labelledby="bulletin-choose">
        <h2 id="bulletin-choose">{t("bulletins.choose")}</h2>
        <label for="b-period">{t("bulletins.period")}</label>
        <select id="b-period" value={period} onChange={(e) => setPeriod(e.currentTarget.value as Period)}>
          <option value="daily">{t("bulletins.daily")}</option>
          <option value="weekly">{t("bulletins.weekly")}</option>
        </select>
        <label for="b-day">{t("bulletins.day")}</label>
        <input
          id="b-day"
          type="date"
          required
          max={isoDay(Date.now())}
          value={day}
          onInput={(e) => setDay(e.currentTarget.value)}
        />
        <p class="chosen-bulletin">
          {period === "weekly"
            ? t("bulletins.weekOf", { day: showDay(chosen) })
            : t("bulletins.dayOf", { day: showDay(chosen) })}{" "}
          <Links period={period} day={chosen} />
        </p>
      </form>
      <div class="bulletin-lists">
        <section aria-labelledby="daily-title">
          <h2 id="daily-title">{t("bulletins.recentDaily")}</h2>
          <ul class="bulletin-list">
            {recentDays.map((d) => (
              <li key={d}>
                {showDay(d)} <Links period="daily" day={d} />
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="weekly-title">
          <h2 id="weekly-title">{t("bulletins.recentWeekly")}</h2>
          <ul class="bulletin-list">
            {recentWeeks.map((d) => (
              <li key={d}>
                {t("bulletins.weekOf", { day: showDay(d) })} <Links period="weekly" day={d} />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </section>
  );
}
