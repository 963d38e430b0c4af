// Checks files before they are uploaded, as the server will: the type told by the first bytes (PNG, JPEG, PDF or
// plain text, whatever the name says), at most 10 MiB each and five in all. Checking first saves a long upload
// that would only be refused.

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type AcceptedType = "image/png" | "image/jpeg" | "application/pdf" | "text/plain";

export const acceptAttribute = ".png,.jpg,.jpeg,.pdf,.txt,image/png,image/jpeg,application/pdf,text/plain";

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((b, i) => bytes[i] === b);

/** The accepted type these bytes are, or null. Text must be UTF-8 with no NUL (a binary file is not text). */
export function sniffType(bytes: Uint8Array): AcceptedType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (bytes.length === 0 || bytes.includes(0)) return null;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "text/plain";
  } catch {
    return null;
  }
}

export interface CheckedFile {
  readonly file: File;
  readonly type: AcceptedType | null;
  /** Why the file cannot be sent ("type", "size", "empty"), or null when it can. */
  readonly problem: "type" | "size" | "empty" | null;
}

export async function checkFile(file: File): Promise<CheckedFile> {
  if (file.size === 0) return { file, type: null, problem: "empty" };
  if (file.size > MAX_ATTACHMENT_BYTES) return { file, type: null, problem: "size" };
  // Reading the whole file (≤ 10 MiB) lets plain text be checked as UTF-8 throughout, not only at its start.
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffType(bytes);
  return { file, type, problem: type === null ? "type" : null };
}
