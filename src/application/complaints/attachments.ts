// The files a complaint may carry: told apart by their first bytes (a name or a declared type proves nothing),
// limited in size and number so that a complaint stays a complaint and not a file store.
import { createHash } from "node:crypto";
import type { AttachmentMediaType } from "../../domain/records/complaint.js";
import { TruceError } from "../../errors.js";
import type { AttachmentUpload } from "./complaint-form.js";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;
const MAX_FILENAME = 200;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** C0 controls and DEL. */
const isControl = (code: number): boolean => code < 0x20 || code === 0x7f;

/** Plain text: valid UTF-8 (a BOM allowed), no NUL, and no control characters but tab, newline and return. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isControl(code) && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
  }
  return true;
}

/** The type the bytes are, or null when they are none of the accepted ones. */
export function sniffMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (startsWith(bytes, PDF)) return "application/pdf";
  if (bytes.length > 0 && isPlainText(bytes)) return "text/plain";
  return null;
}

/** Declared types that say nothing about the content: the bytes decide alone. */
const vague = new Set(["", "application/octet-stream", "binary/octet-stream"]);

/** Names some systems still send for the accepted types. */
const aliases: Readonly<Record<string, string>> = { "image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg" };

/** A name safe to show and to send back in a download header: no path, no control characters, not too long. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? "";
  const cleaned = [...base]
    .filter((ch) => !isControl(ch.codePointAt(0) ?? 0) && ch !== '"')
    .join("")
    .trim()
    .slice(0, MAX_FILENAME);
  return cleaned === "" || cleaned === "." || cleaned === ".." ? "attachment" : cleaned;
}

export interface CheckedAttachment {
  readonly filename: string;
  readonly mediaType: AttachmentMediaType;
  readonly size: number;
  readonly sha256: string;
  readonly bytes: Uint8Array;
}

/** Checks every upload (count, size, type by magic bytes) and refuses the whole lot at the first bad one. */
export function checkAttachments(uploads: readonly AttachmentUpload[]): CheckedAttachment[] {
  if (uploads.length > MAX_ATTACHMENTS) {
    throw new TruceError(
      "TRUCE_E_ATTACHMENT_COUNT",
      `a complaint carries at most ${MAX_ATTACHMENTS} attachments; this one has ${uploads.length}`,
    );
  }
  return uploads.map((upload) => {
    const filename = safeFilename(upload.filename);
    const size = upload.bytes.byteLength;
    if (size === 0)
      throw new TruceError("TRUCE_E_ATTACHMENT_TYPE", `attachment "${filename}" is empty`, {
        subject: filename,
      });
    if (size > MAX_ATTACHMENT_BYTES) {
      throw new TruceError(
        "TRUCE_E_FILE_TOO_LARGE",
        `attachment "${filename}" is ${size} bytes; each may be at most ${MAX_ATTACHMENT_BYTES} bytes (10 MiB)`,
        { subject: filename },
      );
    }
    const mediaType = sniffMediaType(upload.bytes);
    if (mediaType === null) {
      throw new TruceError(
        "TRUCE_E_ATTACHMENT_TYPE",
        `attachment "${filename}" is not a PNG or JPEG image, a PDF or plain UTF-8 text`,
        { subject: filename },
      );
    }
    const given = upload.mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
    const declared = aliases[given] ?? given;
    if (!vague.has(declared) && declared !== mediaType) {
      throw new TruceError(
        "TRUCE_E_ATTACHMENT_TYPE",
        `attachment "${filename}" was sent as ${declared} but its content is ${mediaType}`,
        { subject: filename },
      );
    }
    const sha256 = createHash("sha256").update(upload.bytes).digest("hex");
    return { filename, mediaType, size, sha256, bytes: upload.bytes };
  });
}
