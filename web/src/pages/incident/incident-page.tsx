// `/incidents/:id`: everything known about one incident, and what the signed-in account may do about it.
import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { partiesOf, useAgreement } from "../../api/agreement.js";
import { api } from "../../api/client.js";
import type { IncidentView, PositionOutcome, Verdict } from "../../api/types.js";
import { ErrorMessage, Loading, usePageTitle } from "../../components/status.js";
import { useI18n } from "../../i18n/i18n.js";
import { governorateName } from "../../map/boundaries.js";
import { useUser } from "../../session.js";
import { useResource } from "../../use-resource.js";
import { AuditTrail } from "./audit-trail.js";
import { MergeForm, SplitForm } from "./merge-split.js";
import { PositionForm } from "./position-form.js";
import { ReplyForm } from "./reply-form.js";
import { ReportsCompared } from "./reports-compared.js";
import { SourceTexts } from "./source-texts.js";

function VerdictFacts({ verdict, partiesNamed }: { verdict: Verdict; partiesNamed: boolean }): JSX.Element {
  const { t, label, instant, actor } = useI18n();
  return (
    <dl class="facts">
      <dt>{t("verdict.outcome")}</dt>
      <dd>
        <span class={`badge badge-verdict-${verdict.outcome}`}>{label("outcome", verdict.outcome)}</span>
      </dd>
      <dt>{t("verdict.party")}</dt>
      <dd>
        {verdict.attributedParty !== null
          ? actor(verdict.attributedParty)
          : partiesNamed || verdict.outcome !== "violation"
            ? t("verdict.noParty")
            : t("incident.notNamed")}
      </dd>
      <dt>{t("verdict.rule")}</dt>
      <dd>{label("rule", verdict.rule)}</dd>
      <dt>{t("verdict.at")}</dt>
      <dd>{instant(verdict.at)}</dd>
      {verdict.replyBy !== null && (
        <>
          <dt>{t("verdict.replyBy")}</dt>
          <dd>{instant(verdict.replyBy)}</dd>
        </>
      )}
    </dl>
  );
}

export function IncidentPage({ id }: { id: string }): JSX.Element {
  const { t, label, locale, number, day, instant, actor } = useI18n();
  const user = useUser();
  const agreement = useAgreement();
  const [version, setVersion] = useState(0);
  // Kept here, not in the form: the form gives way to "your position is recorded" once the view reloads.
  const [recorded, setRecorded] = useState<PositionOutcome | null>(null);
  const view = useResource(
    () => api.get<IncidentView>(`/api/incidents/${encodeURIComponent(id)}`),
    `${id}/${version}/${user?.id ?? ""}`,
  );
  const reload = (): void => setVersion((v) => v + 1);
  const incident = view.data?.incident ?? null;
  usePageTitle(incident === null ? t("page.incident") : `${incident.location} ${incident.date ?? ""}`.trim());

  if (view.error !== null) {
    return (
      <section class="page">
        <h1>{t("page.incident")}</h1>
        <ErrorMessage error={view.error} />
      </section>
    );
  }
  if (view.data === null || incident === null) {
    return (
      <section class="page">
        <h1>{t("page.incident")}</h1>
        <Loading />
      </section>
    );
  }

  const { reports, comparison, positions, verdict, replies, partiesNamed } = view.data;
  const latest = verdict.latest;
  const parties = partiesOf(agreement.data);
  const isGuarantor = user?.role === "guarantor";
  const mayLink = user?.role === "guarantor" || user?.role === "admin";
  const mine = isGuarantor ? positions.find((p) => p.guarantor === user.guarantor) : undefined;
  const undecided = incident.status === "open" || incident.status === "awaiting_positions";
  const accusedHere =
    user?.role === "party" &&
    latest !== null &&
    latest.attributedParty === user.party &&
    !replies.some((r) => r.verdictId === latest.id && r.party === user.party) &&
    (latest.replyBy === null || Date.parse(latest.replyBy) > Date.now());

  return (
    <section class="page page-incident">
      <h1>
        {incident.location}
        {incident.admin1 !== null && `, ${governorateName(incident.admin1, locale)}`}
        {incident.date !== null && <span class="subtitle"> — {day(incident.date)}</span>}
      </h1>
      {!partiesNamed && <p class="notice">{t("incident.partiesUnnamed")}</p>}
      <dl class="facts facts-summary">
        <dt>{t("field.status")}</dt>
        <dd>
          <span class={`badge badge-${incident.status}`}>{label("status", incident.status)}</span>
        </dd>
        <dt>{t("field.grade")}</dt>
        <dd>{label("grade", incident.grade)}</dd>
        <dt>{t("field.classification")}</dt>
        <dd>{label("classification", incident.classification)}</dd>
        <dt>{t("field.eventType")}</dt>
        <dd>
          {label("eventType", incident.eventType)} · {label("subEventType", incident.subEventType)}
        </dd>
        <dt>{t("field.killed")}</dt>
        <dd>
          {incident.killed === null
            ? t("incident.notStated")
            : t("incident.killedRange", {
                low: number(incident.killed.low),
                best: number(incident.killed.best),
                high: number(incident.killed.high),
              })}
        </dd>
        <dt>{t("field.perpetrators")}</dt>
        <dd>
          {incident.perpetrators.length === 0
            ? t(partiesNamed ? "incident.notStated" : "incident.notNamed")
            : incident.perpetrators.map((p) => actor(p)).join(" · ")}
          {incident.perpetrators.length > 1 && <span class="tag tag-disagree">{t("incident.disagree")}</span>}
        </dd>
        {incident.complainants.length > 0 && (
          <>
            <dt>{t("field.complainants")}</dt>
            <dd>{incident.complainants.map((c) => actor(c)).join(" · ")}</dd>
          </>
        )}
        {incident.publishedAt !== null && (
          <>
            <dt>{t("field.published")}</dt>
            <dd>{instant(incident.publishedAt)}</dd>
          </>
        )}
        <dt>{t("field.id")}</dt>
        <dd>
          <code>{incident.id}</code>
        </dd>
      </dl>

      <h2>{t("incident.reports")}</h2>
      <ReportsCompared reports={reports} comparison={comparison} />

      <h2>{t("incident.sources")}</h2>
      <SourceTexts incident={incident} reports={reports} />

      <h2>{t("incident.positions")}</h2>
      {positions.length === 0 ? (
        <p class="empty">{t("incident.noPositions")}</p>
      ) : (
        <div class="table-wrap">
          <table class="positions">
            <thead>
              <tr>
                <th scope="col">{t("position.guarantor")}</th>
                <th scope="col">{t("position.kind")}</th>
                <th scope="col">{t("position.party")}</th>
                <th scope="col">{t("position.rationale")}</th>
                <th scope="col">{t("audit.at")}</th>
              </tr>
            </thead>
            <tbody>
              {positions.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{actor(p.guarantor)}</th>
                  <td>{label("position", p.position)}</td>
                  <td>
                    {p.party !== null
                      ? actor(p.party)
                      : partiesNamed || p.position !== "violation"
                        ? "–"
                        : t("incident.notNamed")}
                  </td>
                  <td class="prose">{p.rationale}</td>
                  <td>{instant(p.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("incident.verdict")}</h2>
      {latest === null ? (
        <p class="empty">{t("incident.noVerdict")}</p>
      ) : (
        <VerdictFacts verdict={latest} partiesNamed={partiesNamed} />
      )}
      {verdict.superseded.length > 0 && (
        <details>
          <summary>{t("incident.superseded", { n: verdict.superseded.length })}</summary>
          {verdict.superseded.map((v) => (
            <VerdictFacts key={v.id} verdict={v} partiesNamed={partiesNamed} />
          ))}
        </details>
      )}

      <h2>{t("incident.replies")}</h2>
      {replies.length === 0 ? (
        <p class="empty">{t("incident.noReplies")}</p>
      ) : (
        replies.map((r) => (
          <blockquote key={r.id} class="reply">
            <p class="prose">{r.text}</p>
            <footer>
              {r.party === "" ? t("incident.notNamed") : actor(r.party)}, {instant(r.at)}
            </footer>
          </blockquote>
        ))
      )}

      {(isGuarantor || mayLink || accusedHere) && <h2>{t("incident.actions")}</h2>}
      {recorded !== null && recorded.position.incidentId === incident.id && (
        <div class="notice notice-ok" role="status">
          <p>{t("position.recorded")}</p>
          <p>{recorded.decision.reason}</p>
          {recorded.decision.missing.length > 0 && (
            <p>{t("position.missing", { who: recorded.decision.missing.map(actor).join(", ") })}</p>
          )}
        </div>
      )}
      {isGuarantor && undecided && mine === undefined && (
        <PositionForm
          incidentId={incident.id}
          guarantor={user.guarantor ?? ""}
          parties={parties}
          onDone={(outcome) => {
            setRecorded(outcome);
            reload();
          }}
        />
      )}
      {isGuarantor && mine !== undefined && (
        <p class="notice">{t("position.already", { position: label("position", mine.position) })}</p>
      )}
      {accusedHere && latest !== null && (
        <ReplyForm incidentId={incident.id} verdict={latest} onDone={reload} />
      )}
      {mayLink && (
        <div class="action-grid">
          <MergeForm incidentId={incident.id} onDone={reload} />
          <SplitForm incidentId={incident.id} reports={reports} onDone={reload} />
        </div>
      )}

      <h2>{t("incident.audit")}</h2>
      <AuditTrail incidentId={incident.id} version={`${version}/${incident.updatedAt}`} />
    </section>
  );
}
