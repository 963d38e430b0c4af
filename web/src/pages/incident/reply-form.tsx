// The accused party's reply to the verdict, before the agreement's deadline.
import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { api } from "../../api/client.js";
import type { Verdict } from "../../api/types.js";
import { ErrorMessage } from "../../components/status.js";
import { useI18n } from "../../i18n/i18n.js";
import { useSubmit } from "../../use-submit.js";

export function ReplyForm({
  incidentId,
  verdict,
  onDone,
}: {
  incidentId: string;
  verdict: Verdict;
  onDone: () => void;
}): JSX.Element {
  const { t, instant } = useI18n();
  const [text, setText] = useState("");
  const { busy, error, run } = useSubmit();

  const submit = (event: Event): void => {
    event.preventDefault();
    void run(async () => {
      await api.post<unknown>(`/api/incidents/${encodeURIComponent(incidentId)}/replies`, { text });
      setText("");
      onDone();
    });
  };

  return (
    <form class="form" onSubmit={submit} aria-labelledby="reply-title">
      <h3 id="reply-title">{t("reply.title")}</h3>
      {verdict.replyBy !== null && (
        <p class="hint">{t("reply.deadline", { at: instant(verdict.replyBy) })}</p>
      )}
      <label for="reply-text">{t("reply.text")}</label>
      <textarea
        id="reply-text"
        required
        rows={5}
        maxLength={20000}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" disabled={busy}>
        {t("reply.submit")}
      </button>
    </form>
  );
}
