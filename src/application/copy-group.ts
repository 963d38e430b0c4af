// Wire copies at linking: a story re-published by another outlet is one source, not corroboration.
import { estimatedSimilarity, minhash } from "../domain/correlation/copies.js";
import type { Report } from "../domain/records/report.js";
import type { Repositories } from "../ports/store.js";
import { articleOfDocument } from "./article-of-document.js";

/** Estimated shingle overlap above which two documents are one text re-published (see copies.ts). */
const COPY_SIMILARITY = 0.6;

/**
 * The copy group of the first of `neighbours` whose document nearly duplicates the new document (whose
 * signature is `signature`), or null when none does. The caller passes the stored reports of the incidents the
 * new reports joined: a copy elsewhere would change no incident's count of independent sources, and comparing
 * a handful of stored signatures costs far less than re-reading every candidate's document.
 */
export async function copyGroupAmong(
  tx: Repositories,
  signature: Uint32Array,
  neighbours: readonly Report[],
): Promise<string | null> {
  const documentIds = [...new Set(neighbours.map((r) => r.documentId))];
  if (documentIds.length === 0) return null;
  const signatures = await tx.documents.minhashes(documentIds);
  for (const id of documentIds) {
    const kept = signatures.get(id);
    if (kept !== undefined && kept.length === signature.length) continue;
    // Stored before signatures were kept (or with another signature length): computed once, then kept.
    const document = await tx.documents.get(id);
    if (document === null) continue;
    const computed = minhash(articleOfDocument(document).text);
    await tx.documents.saveMinhash(id, computed);
    signatures.set(id, computed);
  }
  for (const report of neighbours) {
    const other = signatures.get(report.documentId);
    if (other !== undefined && estimatedSimilarity(signature, other) >= COPY_SIMILARITY)
      return report.copyGroup;
  }
  return null;
}
