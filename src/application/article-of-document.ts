// Reads the article out of a stored document, in the format it was received in.
import { articleFromSource } from "../adapters/files/read-article.js";
import type { Article } from "../domain/article.js";
import { formatOf, type StoredDocument } from "../domain/records/document.js";

export function articleOfDocument(document: StoredDocument): Article {
  const article = articleFromSource(
    document.body,
    formatOf[document.contentType],
    document.origin ?? document.id,
  );
  return { ...article, published: article.published ?? document.published };
}
