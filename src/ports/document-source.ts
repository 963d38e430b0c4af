// The port through which documents arrive: files, web pages, feeds. Each item is a document or a refusal.
import type { Channel, StoredDocument } from "../domain/records/document.js";
import type { TruceError } from "../errors.js";

export interface IncomingDocument {
  /** The outlet, party or mission the document comes from. */
  readonly source: string;
  readonly channel: Channel;
  /** Where it was read: a path, a URL, a feed item's link. */
  readonly origin: string;
  /** The text exactly as received. */
  readonly body: string;
  readonly contentType: StoredDocument["contentType"];
  readonly title: string | null;
  readonly published: string | null;
  /** A feed item: remembered as read in the same transaction that stores the document. */
  readonly feedItem?: { readonly feed: string; readonly itemId: string };
}

export type SourceItem =
  | { readonly ok: true; readonly document: IncomingDocument }
  | { readonly ok: false; readonly origin: string; readonly error: TruceError };

export interface DocumentSource {
  /** What the source is, for progress and summaries ("3 files", "feed https://…"). */
  readonly description: string;
  items(): AsyncIterable<SourceItem>;
}
