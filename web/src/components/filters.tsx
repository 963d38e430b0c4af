// The incident filters shared by the map, the list and the dashboard. They live in the address (`?from=…`), so a
// filtered view can be bookmarked and shared, and the back button undoes a change.
import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import { allEventTypes } from "../../../src/domain/ontology.js";
import type { EvidenceGrade, IncidentStatus } from "../api/types.js";
import type { ZoneChoice } from "../api/zones.js";
import { useI18n } from "../i18n/i18n.js";
import { governorates } from "../map/boundaries.js";

export const filterKeys = ["from", "to", "admin1", "zone", "party", "eventType", "status", "grade"] as const;
export type FilterKey = (typeof filterKeys)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export const statuses: readonly IncidentStatus[] = ["open", "awaiting_positions", "decided", "published"];
export const grades: readonly EvidenceGrade[] = [
  "single_source",
  "corroborated",
  "confirmed",
  "contested",
  "discounted",
];

export function filtersOf(query: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of filterKeys) {
    const value = query.get(key);
    if (value !== null && value !== "") filters[key] = value;
  }
  return filters;
}

/** A stable text of the filters, to know when to load again. */
export const filtersKey = (filters: Filters): string =>
  filterKeys.map((k) => `${k}=${filters[k] ?? ""}`).join("&");

interface FilterFormProps {
  readonly filters: Filters;
  readonly parties: readonly string[];
  /** The agreement's zones; without any, the form has no zone filter. */
  readonly zones?: readonly ZoneChoice[];
  readonly onApply: (filters: Filters) => void;
  /** Which filters to show (the dashboard has no use for status or grade). */
  readonly only?: readonly FilterKey[];
}

export function FilterForm({ filters, parties, zones = [], onApply, only }: FilterFormProps): JSX.Element {
  const { t, label, locale, actor } = useI18n();
  const shown = (key: FilterKey): boolean => only === undefined || only.includes(key);
  // What the reader is choosing, applied on submit; a new address (back button, a map click) starts it afresh.
  const [draft, setDraft] = useState<Filters>(filters);
  const applied = filtersKey(filters);
  useEffect(() => setDraft(filters), [applied]);

  const change = (key: FilterKey) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    setDraft((d) => ({ ...d, [key]: value === "" ? undefined : value }));
  };

  const submit = (event: Event): void => {
    event.preventDefault();
    const next: Filters = {};
    for (const key of filterKeys) {
      const value = draft[key];
      if (value !== undefined && value !== "") next[key] = value;
    }
    onApply(next);
  };

  const select = (key: FilterKey, options: readonly { value: string; text: string }[]): JSX.Element => (
    <div class="field">
      <label for={`filter-${key}`}>{t(`filter.${key}`)}</label>
      <select id={`filter-${key}`} name={key} value={draft[key] ?? ""} onChange={change(key)}>
        <option value="">{t("filter.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form class="filters" onSubmit={submit} aria-label={t("filter.label")}>
      {shown("from") && (
        <div class="field">
          <label for="filter-from">{t("filter.from")}</label>
          <input
            id="filter-from"
            name="from"
            type="date"
            value={draft.from ?? ""}
            onChange={change("from")}
          />
        </div>
      )}
      {shown("to") && (
        <div class="field">
          <label for="filter-to">{t("filter.to")}</label>
          <input id="filter-to" name="to" type="date" value={draft.to ?? ""} onChange={change("to")} />
        </div>
      )}
      {shown("admin1") &&
        select(
          "admin1",
          governorates.map((g) => ({ value: g.code, text: locale === "ar" ? g.nameAr : g.nameEn })),
        )}
      {shown("zone") &&
        zones.length > 0 &&
        select(
          "zone",
          zones.map((z) => ({ value: z.id, text: z.name })),
        )}
      {shown("party") &&
        select(
          "party",
          parties.map((p) => ({ value: p, text: actor(p) })),
        )}
      {shown("eventType") &&
        select(
          "eventType",
          allEventTypes.map((e) => ({ value: e, text: label("eventType", e) })),
        )}
      {shown("status") &&
        select(
          "status",
          statuses.map((s) => ({ value: s, text: label("status", s) })),
        )}
      {shown("grade") &&
        select(
          "grade",
          grades.map((g) => ({ value: g, text: label("grade", g) })),
        )}
      <div class="filter-actions">
        <button type="submit">{t("filter.apply")}</button>
        <button type="button" class="button-secondary" onClick={() => onApply({})}>
          {t("filter.clear")}
        </button>
      </div>
    </form>
  );
}
