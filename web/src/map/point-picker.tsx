// The complaint form's map picker: a click sets the point (and names the governorate it lies in). The same point
// can be typed into the latitude and longitude fields, so the picker is never the only way.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import type { JSX } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useI18n } from "../i18n/i18n.js";
import { boundaries } from "./boundaries.js";

export interface PointPickerProps {
  readonly lat: number | null;
  readonly lon: number | null;
  readonly onPick: (lat: number, lon: number) => void;
}

/** Six decimals is about 10 cm: more would be noise, fewer would move the point. */
const round = (value: number): number => Math.round(value * 1e6) / 1e6;

export function PointPicker({ lat, lon, onPick }: PointPickerProps): JSX.Element {
  const { t } = useI18n();
  const container = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const m = L.map(element, { zoomSnap: 0.5, minZoom: 4, maxZoom: 16 });
    m.attributionControl.setPrefix(false).addAttribution("Natural Earth");
    const shapes = L.geoJSON(boundaries, {
      style: { color: "#4B5563", weight: 1, fillOpacity: 0.35, fillColor: "#DEEBF7" },
    }).addTo(m);
    m.fitBounds(shapes.getBounds(), { padding: [8, 8] });
    // A click on a governorate's shape would stop at the shape: listen on the map and on the shapes alike.
    const onClick = (event: L.LeafletMouseEvent): void =>
      pick.current(round(event.latlng.lat), round(event.latlng.lng));
    m.on("click", onClick);
    shapes.on("click", onClick);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
      marker.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (m === null) return;
    if (lat === null || lon === null || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    if (marker.current === null) {
      marker.current = L.circleMarker([lat, lon], {
        radius: 8,
        color: "#111827",
        weight: 2,
        fillColor: "#D55E00",
        fillOpacity: 0.9,
        interactive: false,
      }).addTo(m);
    } else {
      marker.current.setLatLng([lat, lon]);
    }
  }, [lat, lon]);

  return <section ref={container} class="picker-map" dir="ltr" aria-label={t("complaint.mapLabel")} />;
}
