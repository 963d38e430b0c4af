// The documents an incident was read from, each with the words its reports were read from highlighted.
import type { JSX } from "preact";
import { useMemo } from "preact/hooks";
import { api } from "../../api/client.js";
import type { DocumentText, Incident, ReportSide } from "../../api/types.js";
import { HighlightedText } from "../../components/highlighted-text.js";
import { ErrorMessage, Loading } from "../../components/status.js";
import { useI18n } from "../../i18n/i18n.js";
import { safeHref } from "../../safe-links.js";
import { useResource } from "../../use-resource.js";

function SourceText({ documentId, incident }: { documentId: string; incident: Incident }): JSX.Element {
  const { t, instant, day } = useI18n();
  const document = useResource(
    () =>
      api.get<DocumentText>(`/api/documents/${encodeURIComponent(documentId)}`, { incident: incident.id }),
    `${documentId}/${incident.id}/${incident.updatedAt}`,
  );
  const spans = useMemo(
    () =>
      (document.data?.reports ?? []).filter((r) => incident.reportIds.includes(r.id)).flatMap((r) => r.spans),
    [document.data, incident.reportIds],
  );
  if (document.error !== null) return <ErrorMessage error={document.error} />;
  if (document.data === null) return <Loading />;
  const d = document.data;
  const href = safeHref(d.origin);
  return (
    <article class="source">
      <h3>{d.title ?? (d.source || t("incident.notNamed"))}</h3>
      <dl class="facts facts-inline">
        <dt>{t("field.source")}</dt>
        <dd>{d.source || t("incident.notNamed")}</dd>
        <dt>{t("field.channel")}</dt>
        <dd>{d.channel}</dd>
        {d.published !== null && (
          <>
            <dt>{t("field.published")}</dt>
            <dd>{day(d.published.slice(0, 10))}</dd>
          </>
        )}
        <dt>{t("field.received")}</dt>
        <dd>{instant(d.receivedAt)}</dd>
        {d.origin !== null && (
          <>
            <dt>{t("field.origin")}</dt>
            <dd>
              {href !== null ? (
                <a href={href} rel="noopener noreferrer nofollow" target="_blank">
                  {d.origin}
                </a>
              ) : (
                d.origin
              )}
            </dd>
          </>
        )}
      </dl>
      {d.text !== null ? (
        <HighlightedText text={d.text} spans={spans} />
      ) : (
        <p class="notice">{t("incident.textProblem", { why: d.textProblem ?? "" })}</p>
      )}
    </article>
  );
}

export function SourceTexts({
  incident,
  reports,
}: {
  incident: Incident;
  reports: readonly ReportSide[];
}): JSX.Element {
  const documentIds = [...new Set(reports.map((r) => r.report.documentId))];
  return (
    <>
      {documentIds.map((id) => (
        <SourceText key={id} documentId={id} incident={incident} />
      ))}
    </>
  );
}
