// Documents from files and folders: each file read as received, checked to be an article, or refused.

import { contentTypeOf } from "../../domain/records/document.js";
import { isTruceError } from "../../errors.js";
import type { DocumentSource, SourceItem } from "../../ports/document-source.js";
import { expandInputs } from "../files/expand-inputs.js";
import { articleFromSource, readArticleSource } from "../files/read-article.js";

export function fileSource(paths: readonly string[]): DocumentSource {
  return {
    description: paths.join(", "),
    async *items(): AsyncIterable<SourceItem> {
      const { files, errors } = await expandInputs([...paths]);
      for (const error of errors) yield { ok: false, origin: error.subject ?? "?", error };
      for (const file of files) {
        try {
          const { source, format } = await readArticleSource(file);
          // Read it once as an article now, so that a document that can never be extracted is refused at the door.
          const article = articleFromSource(source, format, file);
          yield {
            ok: true,
            document: {
              source: article.outlet ?? "file",
              channel: "file",
              origin: file,
              body: source,
              contentType: contentTypeOf[format],
              title: article.title,
              published: article.published,
            },
          };
        } catch (error) {
          if (!isTruceError(error)) throw error;
          yield { ok: false, origin: file, error };
        }
      }
    },
  };
}
