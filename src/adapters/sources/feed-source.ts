// Documents from an RSS or Atom feed (a URL or a saved file): one per item, hostile XML refused.
import { createHash } from "node:crypto";
import { parseFeed } from "feedsmith";
import { normalisePublished } from "../../domain/article.js";
import { isTruceError, TruceError } from "../../errors.js";
import type { DocumentSource, SourceItem } from "../../ports/document-source.js";
import { readArticleSource } from "../files/read-article.js";
import { fetchText } from "./http-fetch.js";

export interface FeedItem {
  readonly id: string;
  readonly link: string | null;
  readonly title: string | null;
  readonly published: string | null;
  readonly html: string;
}

/**
 * Feeds never need a DTD; one that declares entities is either broken or an attack (external entities,
 * "billion laughs"). The parser does not expand entities either, but refusing outright says why.
 */
export function assertNoDtd(xml: string, origin: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml.slice(0, 65_536)) || /<!ENTITY/i.test(xml)) {
    throw new TruceError(
      "TRUCE_E_FEED_HOSTILE",
      `${origin}: the feed declares a DTD or entities; Truce refuses such XML (entity expansion and external entities are attacks). Ask the publisher for a plain RSS or Atom feed.`,
      { subject: origin },
    );
  }
}

export function looksLikeFeed(text: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<(rss|feed|rdf:RDF)\b/i.test(
    text.slice(0, 4096),
  );
}

type Dated = { published?: unknown; updated?: unknown; pubDate?: unknown; dc?: { date?: unknown } };

function dateOf(item: Dated): string | null {
  for (const value of [item.published, item.pubDate, item.updated, item.dc?.date]) {
    if (typeof value !== "string") continue;
    const parsed = new Date(value);
    if (!Number.isNaN(parsed.getTime())) return normalisePublished(parsed.toISOString()) ?? null;
  }
  return null;
}

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() ? value.trim() : null;

export function parseFeedItems(xml: string, origin: string): { title: string | null; items: FeedItem[] } {
  assertNoDtd(xml, origin);
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(xml);
  } catch (cause) {
    throw new TruceError(
      "TRUCE_E_FEED_INVALID",
      `${origin}: not a valid RSS, Atom or RDF feed (${cause instanceof Error ? cause.message : String(cause)}).`,
      { subject: origin, cause },
    );
  }
  // feedsmith's feed types differ per format; items share the fields read here.
  const feed = parsed.feed as { title?: unknown; items?: unknown[]; entries?: unknown[] };
  const raw = (feed.items ?? feed.entries ?? []) as Record<string, unknown>[];
  const items = raw.map((item): FeedItem => {
    const links = item.links as { href?: string }[] | undefined;
    const link = text(item.link) ?? text(links?.[0]?.href) ?? null;
    const content = item.content as { encoded?: unknown; value?: unknown } | string | undefined;
    const html =
      text(typeof content === "string" ? content : (content?.encoded ?? content?.value)) ??
      text(item.description) ??
      text((item.summary as { value?: unknown } | undefined)?.value ?? item.summary) ??
      "";
    const guid = item.guid as { value?: unknown } | string | undefined;
    const id =
      text(typeof guid === "string" ? guid : guid?.value) ??
      text(item.id) ??
      link ??
      createHash("sha256").update(html).digest("hex");
    const title = item.title as { value?: unknown } | string | undefined;
    return {
      id,
      link,
      title: text(typeof title === "string" ? title : title?.value),
      published: dateOf(item as Dated),
      html,
    };
  });
  return { title: text((feed.title as { value?: unknown } | undefined)?.value ?? feed.title), items };
}

type Seen = (feed: string, itemId: string) => Promise<boolean>;

/** A feed at a URL or in a file; `seen` tells which item ids were read before, so they are skipped. */
export function feedSource(location: string, seen: Seen): DocumentSource {
  return {
    description: `feed ${location}`,
    async *items(): AsyncIterable<SourceItem> {
      let xml: string;
      try {
        xml = /^https?:\/\//.test(location)
          ? (await fetchText(location)).body
          : (await readArticleSource(location)).source;
      } catch (error) {
        if (!isTruceError(error)) throw error;
        yield { ok: false, origin: location, error };
        return;
      }
      yield* feedItems(location, xml, seen);
    },
  };
}

/** The unread items of a feed already fetched. */
export async function* feedItems(location: string, xml: string, seen: Seen): AsyncIterable<SourceItem> {
  let feed: ReturnType<typeof parseFeedItems>;
  try {
    feed = parseFeedItems(xml, location);
  } catch (error) {
    if (!isTruceError(error)) throw error;
    yield { ok: false, origin: location, error };
    return;
  }
  for (const item of feed.items) {
    if (await seen(location, item.id)) continue;
    const origin = item.link ?? `${location}#${item.id}`;
    if (!item.html.trim()) {
      const error = new TruceError(
        "TRUCE_E_ARTICLE_NO_TEXT",
        `${origin}: the feed item has no text to read.`,
        {
          subject: origin,
        },
      );
      yield { ok: false, origin, error };
      continue;
    }
    yield {
      ok: true,
      document: {
        source: feed.title ?? location,
        channel: "feed",
        origin,
        body: item.html,
        contentType: "text/html",
        title: item.title,
        published: item.published,
        feedItem: { feed: location, itemId: item.id },
      },
    };
  }
}
