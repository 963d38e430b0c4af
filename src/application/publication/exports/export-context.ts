// What every export format is given: the rows, page by page, and the facts about the export as a whole.
import type { Names } from "../../../domain/publication/names.js";
import type { ExportRow } from "./export-row.js";

export interface ExportContext {
  /** Pages of rows, newest first; each format streams them out without holding more than one. */
  readonly pages: AsyncIterable<readonly ExportRow[]>;
  readonly names: Names;
  /** When the export was made (ISO instant). */
  readonly generatedAt: string;
  /** The title of the feed or collection ("Truce: published incidents"). */
  readonly title: string;
  /** The server's public address, for links to incident pages; null when unknown (the command line). */
  readonly baseUrl: string | null;
}

/** A number for a CSV cell: empty when unknown. */
export const cell = (value: number | string | null | undefined): number | string => value ?? "";
