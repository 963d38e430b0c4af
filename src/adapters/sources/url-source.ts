// Documents from a URL: a web page (one document) or, when the URL serves a feed, the feed's items.
import { contentTypeOf } from "../../domain/records/document.js";
import { isTruceError } from "../../errors.js";
import type { DocumentSource, SourceItem } from "../../ports/document-source.js";
import { articleFromSource } from "../files/read-article.js";
import { feedItems, looksLikeFeed } from "./feed-source.js";
import { fetchText } from "./http-fetch.js";

export function urlSource(
  url: string,
  seen: (feed: string, itemId: string) => Promise<boolean>,
): DocumentSource {
  return {
    description: url,
    async *items(): AsyncIterable<SourceItem> {
      try {
        const page = await fetchText(url);
        if (looksLikeFeed(page.body)) {
          yield* feedItems(url, page.body, seen);
          return;
        }
        const format = /json/i.test(page.contentType)
          ? "json"
          : /html|xml/i.test(page.contentType)
            ? "html"
            : "text";
        const article = articleFromSource(page.body, format, page.url);
        yield {
          ok: true,
          document: {
            source: article.outlet ?? new URL(page.url).hostname,
            channel: "url",
            origin: page.url,
            body: page.body,
            contentType: contentTypeOf[format],
            title: article.title,
            published: article.published,
          },
        };
      } catch (error) {
        if (!isTruceError(error)) throw error;
        yield { ok: false, origin: url, error };
      }
    },
  };
}
