// A guarantor's position on the incident: violation (by which party), no violation, or not enough evidence.
// The guarantor state is the account's own; the server never takes it from the form.
import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { api } from "../../api/client.js";
import type { PositionKind, PositionOutcome } from "../../api/types.js";
import { ErrorMessage } from "../../components/status.js";
import { useI18n } from "../../i18n/i18n.js";
import { useSubmit } from "../../use-submit.js";

const kinds: readonly PositionKind[] = ["violation", "no_violation", "insufficient_evidence"];

export function PositionForm({
  incidentId,
  guarantor,
  parties,
  onDone,
}: {
  incidentId: string;
  guarantor: string;
  parties: readonly string[];
  onDone: (outcome: PositionOutcome) => void;
}): JSX.Element {
  const { t, label, actor } = useI18n();
  const [kind, setKind] = useState<PositionKind>("violation");
  const [party, setParty] = useState("");
  const [rationale, setRationale] = useState("");
  const { busy, error, run } = useSubmit();

  const submit = (event: Event): void => {
    event.preventDefault();
    void run(async () => {
      const result = await api.post<PositionOutcome>(
        `/api/incidents/${encodeURIComponent(incidentId)}/positions`,
        {
          position: kind,
          party: kind === "violation" ? party : null,
          rationale,
        },
      );
      setRationale("");
      onDone(result);
    });
  };

  return (
    <form class="form" onSubmit={submit} aria-labelledby="position-title">
      <h3 id="position-title">{t("position.title", { guarantor: actor(guarantor) })}</h3>
      <fieldset>
        <legend>{t("position.kind")}</legend>
        {kinds.map((k) => (
          <label key={k} class="choice">
            <input type="radio" name="position" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {label("position", k)}
          </label>
        ))}
      </fieldset>
      {kind === "violation" && (
        <>
          <label for="position-party">{t("position.party")}</label>
          <select
            id="position-party"
            required
            value={party}
            onChange={(e) => setParty(e.currentTarget.value)}
          >
            <option value="">{t("common.choose")}</option>
            {parties.map((p) => (
              <option key={p} value={p}>
                {actor(p)}
              </option>
            ))}
          </select>
        </>
      )}
      <label for="position-rationale">{t("position.rationale")}</label>
      <textarea
        id="position-rationale"
        required
        rows={4}
        maxLength={10000}
        value={rationale}
        onInput={(e) => setRationale(e.currentTarget.value)}
      />
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" disabled={busy}>
        {t("position.submit")}
      </button>
    </form>
  );
}
