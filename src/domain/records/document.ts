// A document as received (a news article, a party's complaint, a monitor's note): stored before anything else.
import type { ArticleFormat } from "../article.js";

export type Channel = "file" | "feed" | "url" | "api" | "form";

export interface StoredDocument {
  readonly id: string;
  /** Who sent or published it: an outlet, a party, a monitoring mission. */
  readonly source: string;
  readonly channel: Channel;
  /** Where it came from: a path, a feed item's link, a URL. */
  readonly origin: string | null;
  readonly receivedAt: string;
  /** SHA-256 of the body exactly as received: the same document twice is stored once. */
  readonly contentHash: string;
  readonly contentType: "text/plain" | "text/html" | "application/json";
  readonly body: string;
  readonly title: string | null;
  readonly published: string | null;
}

export type ContentType = StoredDocument["contentType"];

/** The content type a document is stored under, for the format its article was read in, and back. */
export const contentTypeOf: Readonly<Record<ArticleFormat, ContentType>> = {
  json: "application/json",
  html: "text/html",
  text: "text/plain",
};

export const formatOf: Readonly<Record<ContentType, ArticleFormat>> = {
  "application/json": "json",
  "text/html": "html",
  "text/plain": "text",
};
