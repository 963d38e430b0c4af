// What a file is, told by its first bytes rather than its name: the four types a complaint may attach.

export type AcceptedType = "image/png" | "image/jpeg" | "application/pdf" | "text/plain";

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((b, i) => bytes[i] === b);

/** Plain text as the server reads it: valid UTF-8 and no control character but tab, newline and return. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

/** The accepted type these bytes are, or null. */
export function sniffType(bytes: Uint8Array): AcceptedType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  return bytes.length > 0 && isPlainText(bytes) ? "text/plain" : null;
}

/** Types that say nothing of the content: the bytes decide alone. */
const vague = new Set(["", "application/octet-stream", "binary/octet-stream"]);
const aliases: Readonly<Record<string, string>> = { "image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg" };

/** Whether the type the browser declares for a file contradicts its bytes (the server refuses such a file). */
export function contradicts(declared: string, actual: AcceptedType): boolean {
  const given = declared.split(";")[0]?.trim().toLowerCase() ?? "";
  const type = aliases[given] ?? given;
  return !vague.has(type) && type !== actual;
}
