// The incident map: governorates shaded by count, incidents clustered (supercluster) and coloured by status or by
// the party a verdict holds responsible. Leaflet draws it with no tile layer: the shipped boundaries are the map.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import type { JSX } from "preact";
import { useEffect, useMemo, useRef } from "preact/hooks";
import Supercluster from "supercluster";
import type { MapPoint } from "../api/types.js";
import { useI18n } from "../i18n/i18n.js";
import { type BoundaryFeature, boundaries, governorateName } from "./boundaries.js";
import { partyColours, shadeOf, statusColours, unattributedColour } from "./colours.js";

export type ColourBy = "status" | "party";

interface PointProps {
  readonly id: string;
  readonly category: string;
  readonly date: string | null;
}

interface ClusterProps {
  readonly counts: Record<string, number>;
}

export interface IncidentMapProps {
  readonly points: readonly MapPoint[];
  /** Incidents per governorate code. */
  readonly counts: ReadonlyMap<string, number>;
  readonly colourBy: ColourBy;
  /** The agreement's parties, in its order: their colours follow it. */
  readonly parties: readonly string[];
  readonly onOpen: (incidentId: string) => void;
  readonly onGovernorate: (code: string) => void;
}

const NONE = "none";

export function categoryOf(point: MapPoint, colourBy: ColourBy): string {
  return colourBy === "status" ? point.status : (point.accused ?? NONE);
}

export function colourOf(category: string, colourBy: ColourBy, parties: ReadonlyMap<string, string>): string {
  if (colourBy === "status")
    return statusColours[category as keyof typeof statusColours] ?? unattributedColour;
  return parties.get(category) ?? unattributedColour;
}

/** A cluster's disc: one slice per category, drawn with a conic gradient set through the CSSOM (CSP allows it). */
function clusterElement(
  counts: Record<string, number>,
  total: number,
  colour: (c: string) => string,
): HTMLElement {
  const disc = document.createElement("span");
  disc.className = "cluster-disc";
  let start = 0;
  const stops: string[] = [];
  for (const [category, n] of Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))) {
    const end = start + (n / total) * 360;
    stops.push(`${colour(category)} ${start}deg ${end}deg`);
    start = end;
  }
  disc.style.background = `conic-gradient(${stops.join(", ")})`;
  const label = document.createElement("span");
  label.className = "cluster-count";
  label.textContent = String(total);
  disc.appendChild(label);
  return disc;
}

function pointElement(colour: string): HTMLElement {
  const dot = document.createElement("span");
  dot.className = "point-dot";
  dot.style.background = colour;
  return dot;
}

/** A marker acts on a click, and on Enter or Space once the keyboard has focused it (Leaflet only opens popups). */
function onActivate(marker: L.Marker, action: () => void): void {
  marker.on("click", action);
  marker.on("keypress", (event) => {
    const key = (event as L.LeafletKeyboardEvent).originalEvent.key;
    if (key === "Enter" || key === " ") action();
  });
}

export function IncidentMap(props: IncidentMapProps): JSX.Element {
  const { t, label, locale, actor } = useI18n();
  const container = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const shapes = useRef<L.GeoJSON | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  // Handlers change with every render; Leaflet keeps the first it is given, so it reads them from here.
  const handlers = useRef(props);
  handlers.current = props;

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const m = L.map(element, { zoomSnap: 0.5, minZoom: 4, maxZoom: 16, attributionControl: true });
    m.attributionControl.setPrefix(false).addAttribution("Natural Earth");
    shapes.current = L.geoJSON(boundaries, {
      style: { color: "#4B5563", weight: 1, fillOpacity: 0.75, fillColor: "#F3F4F6" },
      onEachFeature: (feature: BoundaryFeature, layer) => {
        layer.on("click", () => handlers.current.onGovernorate(feature.properties.iso_3166_2));
      },
    }).addTo(m);
    m.fitBounds(shapes.current.getBounds(), { padding: [8, 8] });
    markers.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  // Governorates shaded by count, each with its name and count on hover.
  useEffect(() => {
    const layer = shapes.current;
    if (layer === null) return;
    const max = Math.max(0, ...props.counts.values());
    layer.eachLayer((l) => {
      const feature = (l as L.Path & { feature: BoundaryFeature }).feature;
      const code = feature.properties.iso_3166_2;
      const count = props.counts.get(code) ?? 0;
      (l as L.Path).setStyle({ fillColor: shadeOf(count, max) });
      l.unbindTooltip();
      l.bindTooltip(`${governorateName(code, locale)}: ${t("map.incidentCount", { count })}`, {
        sticky: true,
      });
    });
  }, [props.counts, locale, t]);

  const colours = useMemo(() => partyColours(props.parties), [props.parties]);

  const index = useMemo(() => {
    const cluster = new Supercluster<PointProps, ClusterProps>({
      radius: 48,
      maxZoom: 14,
      map: (p) => ({ counts: { [p.category]: 1 } }),
      reduce: (into, p) => {
        for (const [c, n] of Object.entries(p.counts)) into.counts[c] = (into.counts[c] ?? 0) + n;
      },
    });
    cluster.load(
      props.points.map((p) => ({
        type: "Feature" as const,
        geometry: { type: "Point" as const, coordinates: [p.lon, p.lat] },
        properties: { id: p.id, category: categoryOf(p, props.colourBy), date: p.date },
      })),
    );
    return cluster;
  }, [props.points, props.colourBy]);

  useEffect(() => {
    const m = map.current;
    const layer = markers.current;
    if (m === null || layer === null) return;
    const colour = (category: string): string => colourOf(category, props.colourBy, colours);
    const categoryLabel = (category: string): string =>
      category === NONE
        ? t("map.noVerdict")
        : props.colourBy === "status"
          ? label("status", category)
          : actor(category);
    const draw = (): void => {
      layer.clearLayers();
      const b = m.getBounds();
      const found = index.getClusters(
        [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
        Math.round(m.getZoom()),
      );
      for (const feature of found) {
        const [lon, lat] = feature.geometry.coordinates as [number, number];
        const p = feature.properties;
        if ("cluster" in p && p.cluster) {
          const total = p.point_count;
          const parts = Object.entries(p.counts)
            .map(([c, n]) => `${categoryLabel(c)} ${n}`)
            .join(", ");
          const marker = L.marker([lat, lon], {
            icon: L.divIcon({
              className: "cluster-icon",
              html: clusterElement(p.counts, total, colour),
              iconSize: [36, 36],
            }),
            keyboard: true,
            title: t("map.cluster", { count: total, parts }),
          });
          onActivate(marker, () => {
            m.flyTo([lat, lon], Math.min(index.getClusterExpansionZoom(p.cluster_id), 16));
          });
          layer.addLayer(marker);
        } else {
          const point = p as PointProps;
          const marker = L.marker([lat, lon], {
            icon: L.divIcon({
              className: "point-icon",
              html: pointElement(colour(point.category)),
              iconSize: [18, 18],
            }),
            keyboard: true,
            title: t("map.point", { date: point.date ?? "?", category: categoryLabel(point.category) }),
          });
          onActivate(marker, () => handlers.current.onOpen(point.id));
          layer.addLayer(marker);
        }
      }
    };
    draw();
    m.on("moveend", draw);
    return () => {
      m.off("moveend", draw);
    };
  }, [index, colours, props.colourBy, t, label, actor]);

  return <section ref={container} class="incident-map" dir="ltr" aria-label={t("map.label")} />;
}
