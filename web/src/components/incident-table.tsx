// A page of incidents as a table, with a button for the next page (the API's cursor). The map and the queue share it.
import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError, api } from "../api/client.js";
import type { Incident, IncidentPage } from "../api/types.js";
import { useI18n } from "../i18n/i18n.js";
import { governorateName } from "../map/boundaries.js";
import { Link } from "../router.js";
import { type Filters, filtersKey } from "./filters.js";
import { ErrorMessage, Loading } from "./status.js";

interface IncidentTableProps {
  /** `/api/incidents` or `/api/queue`. */
  readonly path?: string;
  readonly filters: Filters;
  readonly sort: "date" | "updatedAt";
  readonly order: "asc" | "desc";
  readonly emptyText: string;
  readonly pageSize?: number;
}

export function IncidentTable(props: IncidentTableProps): JSX.Element {
  const { t, label, locale, number, day } = useI18n();
  const path = props.path ?? "/api/incidents";
  const [items, setItems] = useState<readonly Incident[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const key = `${path}?${filtersKey(props.filters)}&${props.sort}&${props.order}`;

  const load = async (after: string | null, ticket: { live: boolean }): Promise<void> => {
    setLoading(true);
    try {
      const page = await api.get<IncidentPage>(path, {
        ...props.filters,
        sort: props.sort,
        order: props.order,
        limit: props.pageSize ?? 50,
        after,
      });
      if (!ticket.live) return;
      setItems((previous) => (after === null ? page.items : [...previous, ...page.items]));
      setNext(page.next);
      setError(null);
    } catch (problem) {
      if (!ticket.live) return;
      setError(ApiError.from(problem));
    } finally {
      if (ticket.live) setLoading(false);
    }
  };

  useEffect(() => {
    const ticket = { live: true };
    setItems([]);
    void load(null, ticket);
    return () => {
      ticket.live = false;
    };
  }, [key]);

  if (error !== null && items.length === 0) return <ErrorMessage error={error} />;
  if (loading && items.length === 0) return <Loading />;
  if (items.length === 0) return <p class="empty">{props.emptyText}</p>;

  return (
    <div class="table-wrap">
      <table class="incident-table">
        <thead>
          <tr>
            <th scope="col">{t("field.date")}</th>
            <th scope="col">{t("field.place")}</th>
            <th scope="col">{t("field.eventType")}</th>
            <th scope="col">{t("field.status")}</th>
            <th scope="col">{t("field.grade")}</th>
            <th scope="col">{t("field.killed")}</th>
            <th scope="col">{t("field.reports")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((incident) => (
            <tr key={incident.id}>
              <td>{incident.date === null ? t("common.unknown") : day(incident.date)}</td>
              <td>
                <Link href={`/incidents/${encodeURIComponent(incident.id)}`}>
                  {incident.location}
                  {incident.admin1 !== null && `, ${governorateName(incident.admin1, locale)}`}
                </Link>
              </td>
              <td>{label("subEventType", incident.subEventType)}</td>
              <td>
                <span class={`badge badge-${incident.status}`}>{label("status", incident.status)}</span>
              </td>
              <td>{label("grade", incident.grade)}</td>
              <td>{incident.killed === null ? "–" : number(incident.killed.best)}</td>
              <td>{number(incident.reportIds.length)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {error !== null && <ErrorMessage error={error} />}
      {next !== null && (
        <button
          type="button"
          class="button-secondary"
          disabled={loading}
          onClick={() => void load(next, { live: true })}
        >
          {loading ? t("common.loading") : t("common.more")}
        </button>
      )}
    </div>
  );
}
