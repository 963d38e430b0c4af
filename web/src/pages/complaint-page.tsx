// `/complaints/new`: a party files a complaint (a guarantor's monitor an observation): where and when, what
// happened and who did it, with files that back it, and the agreement's rules beside the form as guidance.
import type { JSX } from "preact";
import { useMemo, useState } from "preact/hooks";
import { eventTypes } from "../../../src/domain/ontology.js";
import { partiesOf, regimeOn, targetsOf, useAgreement } from "../api/agreement.js";
import { api } from "../api/client.js";
import type { Agreement, FiledComplaint } from "../api/types.js";
import {
  acceptAttribute,
  type CheckedFile,
  checkFile,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
} from "../components/attachments.js";
import { ErrorMessage, NotForYou, usePageTitle } from "../components/status.js";
import { useI18n } from "../i18n/i18n.js";
import { governorateAt, governorateName } from "../map/boundaries.js";
import { PointPicker } from "../map/point-picker.js";
import { Link } from "../router.js";
import { useUser } from "../session.js";
import { useSubmit } from "../use-submit.js";

const today = (): string => new Date().toISOString().slice(0, 10);

function Guidance({
  agreement,
  date,
  admin1,
}: {
  agreement: Agreement;
  date: string;
  admin1: string | null;
}): JSX.Element {
  const { t, label, day, actor } = useI18n();
  const regime = regimeOn(agreement, date || today(), admin1);
  const clause = (id: string): string => regime.clauses.find((c) => c.id === id)?.text ?? "";
  return (
    <aside class="guidance" aria-labelledby="guidance-title">
      <h2 id="guidance-title">{t("complaint.guidance")}</h2>
      <p>
        <strong>{regime.title}</strong>
        <br />
        {regime.end === undefined
          ? t("complaint.inForceSince", { from: day(regime.effective) })
          : t("complaint.inForce", { from: day(regime.effective), to: day(regime.end) })}
      </p>
      <h3>{t("complaint.prohibited")}</h3>
      <ul class="guidance-list">
        {[...new Set(regime.prohibited.map((act) => act.clause))].map((id) => (
          <li key={id}>
            <strong>
              {regime.prohibited
                .filter((act) => act.clause === id)
                .map(
                  (act) =>
                    label("eventType", act.eventType) +
                    (act.subEventTypes === undefined
                      ? ""
                      : ` (${act.subEventTypes.map((s) => label("subEventType", s)).join(", ")})`),
                )
                .join(" · ")}
            </strong>
            <br />
            {t("complaint.clause", { id })}: {clause(id)}
          </li>
        ))}
      </ul>
      {regime.excluded.length > 0 && (
        <>
          <h3>{t("complaint.excluded")}</h3>
          <p>{t("complaint.excludedHint")}</p>
          <ul class="guidance-list">
            {regime.excluded.map((e) => (
              <li key={e.actor}>
                {actor(e.actor)} — {t("complaint.clause", { id: e.clause })}: {clause(e.clause)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t("complaint.parties")}</h3>
      <p>{regime.parties.map((p) => actor(p)).join(" · ")}</p>
      <h3>{t("complaint.howDecided")}</h3>
      <p>
        {t("complaint.decidedBy", {
          guarantors: (agreement.verdicts.voters ?? regime.guarantors).map((g) => actor(g)).join(", "),
          rule: label(
            "rule",
            typeof agreement.verdicts.rule === "string" ? agreement.verdicts.rule : "quorum",
          ),
        })}
      </p>
    </aside>
  );
}

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function ComplaintPage(): JSX.Element {
  const { t, label, locale, actor } = useI18n();
  const user = useUser();
  const agreement = useAgreement();
  usePageTitle(t("page.complaint"));

  const [date, setDate] = useState(today());
  const [datePrecision, setDatePrecision] = useState("1");
  const [lat, setLat] = useState("");
  const [lon, setLon] = useState("");
  const [place, setPlace] = useState("");
  const [restricted, setRestricted] = useState(false);
  const [subEventType, setSubEventType] = useState("");
  const [accused, setAccused] = useState("");
  const [target, setTarget] = useState("");
  const [killed, setKilled] = useState("");
  const [witness, setWitness] = useState("");
  const [narrative, setNarrative] = useState("");
  const [files, setFiles] = useState<readonly CheckedFile[]>([]);
  const [filed, setFiled] = useState<FiledComplaint | null>(null);
  const { busy, error, run } = useSubmit();

  const point = useMemo(() => {
    const la = Number.parseFloat(lat);
    const lo = Number.parseFloat(lon);
    return Number.isFinite(la) && Number.isFinite(lo) ? { lat: la, lon: lo } : null;
  }, [lat, lon]);
  const governorate = point === null ? null : governorateAt(point.lat, point.lon);

  if (user === null || (user.role !== "party" && user.role !== "guarantor")) {
    return (
      <section class="page">
        <h1>{t("page.complaint")}</h1>
        <NotForYou why={t("complaint.forParties")} />
      </section>
    );
  }
  const own = user.role === "party" ? user.party : null;
  const accusable = partiesOf(agreement.data).filter((p) => p !== own);
  const fileProblem = files.length > MAX_ATTACHMENTS || files.some((f) => f.problem !== null);

  const addFiles = async (list: FileList | null): Promise<void> => {
    if (list === null) return;
    const checked = await Promise.all([...list].map(checkFile));
    setFiles((previous) => [...previous, ...checked]);
  };

  const submit = (event: Event): void => {
    event.preventDefault();
    if (fileProblem) return;
    const form = new FormData();
    form.set("narrative", narrative);
    form.set("date", date);
    form.set("datePrecision", datePrecision);
    if (point !== null) {
      form.set("lat", String(point.lat));
      form.set("lon", String(point.lon));
    } else if (place.trim() !== "") {
      form.set("place", place.trim());
    }
    form.set("coordinatesRestricted", String(restricted));
    form.set("subEventType", subEventType);
    form.set("accused", accused);
    if (target.trim() !== "") form.set("target", target.trim());
    if (killed !== "") form.set("killed", killed);
    if (witness.trim() !== "") form.set("witness", witness.trim());
    for (const f of files) form.append("attachments", f.file, f.file.name);
    void run(async () => {
      setFiled(await api.post<FiledComplaint>("/api/complaints", form));
    });
  };

  if (filed !== null) {
    return (
      <section class="page">
        <h1>{t("page.complaint")}</h1>
        <div class="notice notice-ok" role="status">
          <p>{user.role === "party" ? t("complaint.filed") : t("complaint.observed")}</p>
          <p>
            <Link href={`/incidents/${encodeURIComponent(filed.incidentId)}`}>
              {t("complaint.seeIncident")}
            </Link>
          </p>
        </div>
        <button type="button" class="button-secondary" onClick={() => setFiled(null)}>
          {t("complaint.another")}
        </button>
      </section>
    );
  }

  return (
    <section class="page page-complaint">
      <h1>{user.role === "party" ? t("page.complaint") : t("page.observation")}</h1>
      <div class="complaint-layout">
        <form class="form" onSubmit={submit}>
          <fieldset>
            <legend>{t("complaint.when")}</legend>
            <label for="c-date">{t("field.date")}</label>
            <input
              id="c-date"
              type="date"
              required
              max={today()}
              value={date}
              onInput={(e) => setDate(e.currentTarget.value)}
            />
            <label for="c-precision">{t("complaint.precision")}</label>
            <select
              id="c-precision"
              value={datePrecision}
              onChange={(e) => setDatePrecision(e.currentTarget.value)}
            >
              <option value="1">{t("precision.1")}</option>
              <option value="2">{t("precision.2")}</option>
              <option value="3">{t("precision.3")}</option>
            </select>
          </fieldset>

          <fieldset>
            <legend>{t("complaint.where")}</legend>
            <p class="hint">{t("complaint.whereHint")}</p>
            <PointPicker
              lat={point?.lat ?? null}
              lon={point?.lon ?? null}
              onPick={(la, lo) => {
                setLat(String(la));
                setLon(String(lo));
              }}
            />
            <div class="field-row">
              <div class="field">
                <label for="c-lat">{t("complaint.lat")}</label>
                <input
                  id="c-lat"
                  inputMode="decimal"
                  pattern="-?[0-9]+([.][0-9]+)?"
                  value={lat}
                  onInput={(e) => setLat(e.currentTarget.value)}
                />
              </div>
              <div class="field">
                <label for="c-lon">{t("complaint.lon")}</label>
                <input
                  id="c-lon"
                  inputMode="decimal"
                  pattern="-?[0-9]+([.][0-9]+)?"
                  value={lon}
                  onInput={(e) => setLon(e.currentTarget.value)}
                />
              </div>
            </div>
            <p class="picked" role="status" aria-live="polite">
              {point === null
                ? t("complaint.noPoint")
                : governorate === null
                  ? t("complaint.outside")
                  : t("complaint.inGovernorate", { name: governorateName(governorate, locale) })}
            </p>
            <label for="c-place">{t("complaint.place")}</label>
            <input
              id="c-place"
              maxLength={200}
              disabled={point !== null}
              value={place}
              onInput={(e) => setPlace(e.currentTarget.value)}
            />
            <label class="choice">
              <input
                type="checkbox"
                checked={restricted}
                onChange={(e) => setRestricted(e.currentTarget.checked)}
              />
              {t("complaint.restricted")}
            </label>
          </fieldset>

          <fieldset>
            <legend>{t("complaint.what")}</legend>
            <label for="c-type">{t("field.eventType")}</label>
            <select
              id="c-type"
              required
              value={subEventType}
              onChange={(e) => setSubEventType(e.currentTarget.value)}
            >
              <option value="">{t("common.choose")}</option>
              {Object.entries(eventTypes).map(([type, subs]) => (
                <optgroup key={type} label={label("eventType", type)}>
                  {subs.map((s) => (
                    <option key={s} value={s}>
                      {label("subEventType", s)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            <label for="c-accused">{t("complaint.accused")}</label>
            <select
              id="c-accused"
              required
              value={accused}
              onChange={(e) => setAccused(e.currentTarget.value)}
            >
              <option value="">{t("common.choose")}</option>
              {accusable.map((p) => (
                <option key={p} value={p}>
                  {actor(p)}
                </option>
              ))}
            </select>
            <label for="c-target">{t("complaint.target")}</label>
            <select id="c-target" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
              <option value="">{t("common.unknown")}</option>
              {targetsOf(agreement.data)
                .filter((a) => a !== accused)
                .map((a) => (
                  <option key={a} value={a}>
                    {actor(a)}
                  </option>
                ))}
            </select>
            <label for="c-killed">{t("field.killed")}</label>
            <input
              id="c-killed"
              type="number"
              min={0}
              max={100000}
              step={1}
              value={killed}
              onInput={(e) => setKilled(e.currentTarget.value)}
            />
            <label for="c-narrative">{t("complaint.narrative")}</label>
            <textarea
              id="c-narrative"
              required
              rows={8}
              maxLength={100000}
              value={narrative}
              onInput={(e) => setNarrative(e.currentTarget.value)}
            />
            <label for="c-witness">{t("complaint.witness")}</label>
            <input
              id="c-witness"
              maxLength={500}
              value={witness}
              onInput={(e) => setWitness(e.currentTarget.value)}
            />
            <p class="hint">{t("complaint.witnessHint")}</p>
          </fieldset>

          <fieldset>
            <legend>{t("complaint.attachments")}</legend>
            <p class="hint" id="c-files-hint">
              {t("complaint.attachmentsHint", {
                count: MAX_ATTACHMENTS,
                size: sizeText(MAX_ATTACHMENT_BYTES),
              })}
            </p>
            <label for="c-files">{t("complaint.addFiles")}</label>
            <input
              id="c-files"
              type="file"
              multiple
              accept={acceptAttribute}
              aria-describedby="c-files-hint"
              onChange={(e) => {
                const input = e.currentTarget;
                void addFiles(input.files).then(() => {
                  input.value = "";
                });
              }}
            />
            {files.length > 0 && (
              <ul class="files">
                {files.map((f, i) => (
                  <li key={`${f.file.name}/${i}`} class={f.problem === null ? undefined : "file-bad"}>
                    {f.file.name} ({sizeText(f.file.size)}
                    {f.type !== null && `, ${f.type}`})
                    {f.problem !== null && <strong> — {t(`complaint.fileProblem.${f.problem}`)}</strong>}
                    <button
                      type="button"
                      class="button-small"
                      onClick={() => setFiles((previous) => previous.filter((_, j) => j !== i))}
                    >
                      {t("complaint.removeFile", { name: f.file.name })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {files.length > MAX_ATTACHMENTS && (
              <p class="notice notice-error" role="alert">
                {t("complaint.tooManyFiles", { count: MAX_ATTACHMENTS })}
              </p>
            )}
          </fieldset>

          {error !== null && <ErrorMessage error={error} />}
          <button type="submit" disabled={busy || fileProblem}>
            {busy
              ? t("complaint.sending")
              : user.role === "party"
                ? t("complaint.submit")
                : t("complaint.submitObservation")}
          </button>
        </form>
        {agreement.data !== null && <Guidance agreement={agreement.data} date={date} admin1={governorate} />}
        {agreement.error !== null && <ErrorMessage error={agreement.error} />}
      </div>
    </section>
  );
}
