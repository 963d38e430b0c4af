// The incident's audit trail: every recorded decision about it, each checked in this browser against the
// latest signed checkpoint (the entry hashes to its leaf, the path leads to the signed root).
import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/client.js";
import type { IncidentAudit } from "../../api/types.js";
import { checkInclusion, type ProofCheck } from "../../audit/verify-proof.js";
import { ErrorMessage, Loading } from "../../components/status.js";
import { useI18n } from "../../i18n/i18n.js";
import { useResource } from "../../use-resource.js";

type Outcome = ProofCheck | "pending" | "uncovered";

export function AuditTrail({ incidentId, version }: { incidentId: string; version: string }): JSX.Element {
  const { t, label, instant, number } = useI18n();
  const audit = useResource(
    () => api.get<IncidentAudit>(`/api/incidents/${encodeURIComponent(incidentId)}/audit`),
    `${incidentId}/${version}`,
  );
  const [checks, setChecks] = useState<ReadonlyMap<number, Outcome>>(new Map());

  useEffect(() => {
    const data = audit.data;
    if (data === null) return;
    let live = true;
    const signed = data.checkpoint;
    setChecks(new Map(data.entries.map((e) => [e.entry.seq, e.proof === null ? "uncovered" : "pending"])));
    void Promise.all(
      data.entries.map(async (e): Promise<[number, Outcome]> => {
        if (e.proof === null || signed === null) return [e.entry.seq, "uncovered"];
        return [e.entry.seq, await checkInclusion(e.proof, signed)];
      }),
    ).then((results) => {
      if (live) setChecks(new Map(results));
    });
    return () => {
      live = false;
    };
  }, [audit.data]);

  if (audit.error !== null) return <ErrorMessage error={audit.error} />;
  if (audit.data === null) return <Loading />;
  const { checkpoint, entries } = audit.data;
  return (
    <>
      {checkpoint === null ? (
        <p class="notice">{t("audit.noCheckpoint")}</p>
      ) : (
        <dl class="facts">
          <dt>{t("audit.checkpoint")}</dt>
          <dd>
            {t("audit.checkpointSummary", { size: number(checkpoint.treeSize), at: instant(checkpoint.at) })}
          </dd>
          <dt>{t("audit.root")}</dt>
          <dd>
            <code class="hash">{checkpoint.rootHash}</code>
          </dd>
          <dt>{t("audit.key")}</dt>
          <dd>
            <code class="hash">{checkpoint.keyId}</code>
          </dd>
        </dl>
      )}
      <div class="table-wrap">
        <table class="audit">
          <thead>
            <tr>
              <th scope="col">{t("audit.seq")}</th>
              <th scope="col">{t("audit.kind")}</th>
              <th scope="col">{t("audit.at")}</th>
              <th scope="col">{t("audit.proof")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(({ entry, proof }) => {
              const check = checks.get(entry.seq) ?? "pending";
              return (
                <tr key={entry.seq}>
                  <td>{entry.seq}</td>
                  <td>{label("auditKind", entry.kind)}</td>
                  <td>{instant(entry.at)}</td>
                  <td>
                    <span class={`proof proof-${check}`}>{t(`audit.check.${check}`)}</span>
                    {proof !== null && (
                      <details class="proof-detail">
                        <summary>{t("audit.showProof")}</summary>
                        <p>{t("audit.leaf")}</p>
                        <code class="hash">{proof.leafHash}</code>
                        <p>{t("audit.path", { n: proof.proof.length })}</p>
                        <ol>
                          {proof.proof.map((hash, i) => (
                            <li key={i}>
                              <code class="hash">{hash}</code>
                            </li>
                          ))}
                        </ol>
                        <p>{t("audit.entryJson")}</p>
                        <pre class="entry-json">{proof.entry}</pre>
                      </details>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
