// `/queue`: what awaits the signed-in guarantor's position, oldest first. Merging and splitting are on each
// incident's page, beside the reports they act on.
import type { JSX } from "preact";
import { IncidentTable } from "../components/incident-table.js";
import { NotForYou, usePageTitle } from "../components/status.js";
import { useI18n } from "../i18n/i18n.js";
import { useUser } from "../session.js";

export function QueuePage(): JSX.Element {
  const { t, actor } = useI18n();
  const user = useUser();
  usePageTitle(t("page.queue"));
  if (user === null || (user.role !== "guarantor" && user.role !== "admin")) {
    return (
      <section class="page">
        <h1>{t("page.queue")}</h1>
        <NotForYou why={t("queue.forGuarantors")} />
      </section>
    );
  }
  return (
    <section class="page">
      <h1>{t("page.queue")}</h1>
      <p class="hint">
        {user.role === "guarantor" && user.guarantor !== null
          ? t("queue.intro", { guarantor: actor(user.guarantor) })
          : t("queue.introAdmin")}
      </p>
      <IncidentTable path="/api/queue" filters={{}} sort="date" order="asc" emptyText={t("queue.empty")} />
    </section>
  );
}
