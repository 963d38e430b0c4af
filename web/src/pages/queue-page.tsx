// `/queue`: what awaits the signed-in guarantor's position, oldest first (an administrator chooses whose queue
// to read). Merging and splitting are on each incident's page, beside the reports they act on.
import type { JSX } from "preact";
import { guarantorsOf, useAgreement } from "../api/agreement.js";
import { IncidentTable } from "../components/incident-table.js";
import { NotForYou, usePageTitle } from "../components/status.js";
import { useI18n } from "../i18n/i18n.js";
import { hrefWith, navigate, useLocation } from "../router.js";
import { useUser } from "../session.js";

export function QueuePage(): JSX.Element {
  const { t, actor } = useI18n();
  const user = useUser();
  const agreement = useAgreement();
  const { query } = useLocation();
  usePageTitle(t("page.queue"));
  if (user === null || (user.role !== "guarantor" && user.role !== "admin")) {
    return (
      <section class="page">
        <h1>{t("page.queue")}</h1>
        <NotForYou why={t("queue.forGuarantors")} />
      </section>
    );
  }
  if (user.role === "guarantor") {
    return (
      <section class="page">
        <h1>{t("page.queue")}</h1>
        <p class="hint">{t("queue.intro", { guarantor: actor(user.guarantor ?? "") })}</p>
        <IncidentTable path="/api/queue" filters={{}} sort="date" order="asc" emptyText={t("queue.empty")} />
      </section>
    );
  }
  const guarantors = guarantorsOf(agreement.data);
  const chosen = query.get("guarantor") ?? guarantors[0] ?? null;
  return (
    <section class="page">
      <h1>{t("page.queue")}</h1>
      <div class="field field-inline">
        <label for="queue-guarantor">{t("queue.whose")}</label>
        <select
          id="queue-guarantor"
          value={chosen ?? ""}
          onChange={(e) =>
            navigate(hrefWith("/queue", { guarantor: e.currentTarget.value }), { replace: true })
          }
        >
          {guarantors.map((g) => (
            <option key={g} value={g}>
              {actor(g)}
            </option>
          ))}
        </select>
      </div>
      {chosen !== null && (
        <>
          <p class="hint">{t("queue.intro", { guarantor: actor(chosen) })}</p>
          <IncidentTable
            path={`/api/queue?guarantor=${encodeURIComponent(chosen)}`}
            filters={{}}
            sort="date"
            order="asc"
            emptyText={t("queue.emptyFor", { guarantor: actor(chosen) })}
          />
        </>
      )}
    </section>
  );
}
