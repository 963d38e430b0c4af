// A guarantor's linking decisions: two incidents are one event (merge), or some reports are another (split).
// Both are recorded as constraints the machine never undoes.
import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { api } from "../../api/client.js";
import type { Incident, ReportSide } from "../../api/types.js";
import { ErrorMessage } from "../../components/status.js";
import { useI18n } from "../../i18n/i18n.js";
import { Link } from "../../router.js";
import { useSubmit } from "../../use-submit.js";

export function MergeForm({ incidentId, onDone }: { incidentId: string; onDone: () => void }): JSX.Element {
  const { t } = useI18n();
  const [from, setFrom] = useState("");
  const { busy, error, run } = useSubmit();
  const submit = (event: Event): void => {
    event.preventDefault();
    void run(async () => {
      await api.post<unknown>(`/api/incidents/${encodeURIComponent(incidentId)}/merge`, {
        from: from.trim(),
      });
      setFrom("");
      onDone();
    });
  };
  return (
    <form class="form" onSubmit={submit} aria-labelledby="merge-title">
      <h3 id="merge-title">{t("merge.title")}</h3>
      <p class="hint">{t("merge.hint")}</p>
      <label for="merge-from">{t("merge.from")}</label>
      <input
        id="merge-from"
        required
        maxLength={100}
        autocomplete="off"
        value={from}
        onInput={(e) => setFrom(e.currentTarget.value)}
      />
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" disabled={busy}>
        {t("merge.submit")}
      </button>
    </form>
  );
}

export function SplitForm({
  incidentId,
  reports,
  onDone,
}: {
  incidentId: string;
  reports: readonly ReportSide[];
  onDone: () => void;
}): JSX.Element {
  const { t, label } = useI18n();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [created, setCreated] = useState<Incident | null>(null);
  const { busy, error, run } = useSubmit();
  const toggle = (id: string): void => {
    setChosen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const submit = (event: Event): void => {
    event.preventDefault();
    void run(async () => {
      const outcome = await api.post<{ created: Incident }>(
        `/api/incidents/${encodeURIComponent(incidentId)}/split`,
        { reports: [...chosen] },
      );
      setCreated(outcome.created);
      setChosen(new Set());
      onDone();
    });
  };
  // Kept after the split too: an incident left with one report still links to the one just made.
  const done = created !== null && (
    <p class="notice notice-ok" role="status">
      {t("split.done")} <Link href={`/incidents/${encodeURIComponent(created.id)}`}>{created.id}</Link>
    </p>
  );
  if (reports.length < 2) {
    return (
      <div>
        {done}
        <p class="hint">{t("split.needTwo")}</p>
      </div>
    );
  }
  return (
    <form class="form" onSubmit={submit} aria-labelledby="split-title">
      <h3 id="split-title">{t("split.title")}</h3>
      <fieldset>
        <legend>{t("split.choose")}</legend>
        {reports.map((side, i) => (
          <label key={side.report.id} class="choice">
            <input
              type="checkbox"
              checked={chosen.has(side.report.id)}
              onChange={() => toggle(side.report.id)}
            />
            {t("incident.reportN", { n: i + 1 })}: {side.report.source} ({label("kind", side.report.kind)})
          </label>
        ))}
      </fieldset>
      {error !== null && <ErrorMessage error={error} />}
      {done}
      <button type="submit" disabled={busy || chosen.size === 0 || chosen.size === reports.length}>
        {t("split.submit")}
      </button>
    </form>
  );
}
