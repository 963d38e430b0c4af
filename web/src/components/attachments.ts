// Checks files before they are uploaded, as the server will: the type told by the first bytes (PNG, JPEG, PDF or
// plain text, whatever the name says), at most 10 MiB each and five in all. Checking first saves a long upload
// that would only be refused.

import { type AcceptedType, contradicts, sniffType } from "./sniff-type.js";

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const acceptAttribute = ".png,.jpg,.jpeg,.pdf,.txt,image/png,image/jpeg,application/pdf,text/plain";

export interface CheckedFile {
  readonly file: File;
  readonly type: AcceptedType | null;
  /** Why the file cannot be sent, or null when it can. */
  readonly problem: "type" | "size" | "empty" | "mismatch" | null;
}

export async function checkFile(file: File): Promise<CheckedFile> {
  if (file.size === 0) return { file, type: null, problem: "empty" };
  if (file.size > MAX_ATTACHMENT_BYTES) return { file, type: null, problem: "size" };
  // Reading the whole file (≤ 10 MiB) lets plain text be checked as UTF-8 throughout, not only at its start.
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffType(bytes);
  if (type === null) return { file, type, problem: "type" };
  return { file, type, problem: contradicts(file.type, type) ? "mismatch" : null };
}
