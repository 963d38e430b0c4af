import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { checkAttachments, MAX_ATTACHMENT_BYTES, safeFilename, sniffMediaType } from "./attachments.js";

const bytes = (...values: number[]) => new Uint8Array(values);
const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16);
const pdf = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n");
const text = new TextEncoder().encode("Witness statement, 3 January:\r\n\tshelling at dawn. قصف\n");

const code = (call: () => unknown): string => {
  try {
    call();
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return "accepted";
};

describe("complaint attachments", () => {
  it("tells PNG, JPEG, PDF and plain text apart by their first bytes", () => {
    assert.equal(sniffMediaType(png), "image/png");
    assert.equal(sniffMediaType(jpeg), "image/jpeg");
    assert.equal(sniffMediaType(pdf), "application/pdf");
    assert.equal(sniffMediaType(text), "text/plain");
  });

  it("refuses anything else: executables, archives, HTML with NULs, invalid UTF-8, control characters", () => {
    assert.equal(sniffMediaType(bytes(0x4d, 0x5a, 0x90, 0)), null); // a Windows executable
    assert.equal(sniffMediaType(bytes(0x50, 0x4b, 0x03, 0x04)), null); // a zip archive
    assert.equal(sniffMediaType(bytes(0x7f, 0x45, 0x4c, 0x46)), null); // ELF
    assert.equal(sniffMediaType(bytes(0xc3, 0x28)), null); // invalid UTF-8
    assert.equal(sniffMediaType(new TextEncoder().encode("a\u0000b")), null);
    assert.equal(sniffMediaType(new TextEncoder().encode("bell\u0007")), null);
    assert.equal(sniffMediaType(new Uint8Array(0)), null);
  });

  it("keeps the sniffed type, the size and the SHA-256 of each accepted file", () => {
    const [checked] = checkAttachments([{ filename: "crater.png", mediaType: "image/png", bytes: png }]);
    assert.deepEqual(checked, {
      filename: "crater.png",
      mediaType: "image/png",
      size: png.length,
      sha256: createHash("sha256").update(png).digest("hex"),
      bytes: png,
    });
    // A browser that declares nothing useful leaves the bytes to decide; image/jpg is JPEG's old name.
    assert.equal(
      checkAttachments([{ filename: "x", mediaType: "application/octet-stream", bytes: pdf }])[0]?.mediaType,
      "application/pdf",
    );
    assert.equal(
      checkAttachments([{ filename: "x.jpg", mediaType: "image/jpg", bytes: jpeg }])[0]?.mediaType,
      "image/jpeg",
    );
    assert.equal(
      checkAttachments([{ filename: "x.txt", mediaType: "text/plain; charset=utf-8", bytes: text }])[0]
        ?.mediaType,
      "text/plain",
    );
  });

  it("refuses a file whose content is not what it was sent as, an empty or oversized file, too many files", () => {
    assert.equal(
      code(() => checkAttachments([{ filename: "a.png", mediaType: "image/png", bytes: pdf }])),
      "TRUCE_E_ATTACHMENT_TYPE",
    );
    assert.equal(
      code(() =>
        checkAttachments([{ filename: "a.exe", mediaType: "", bytes: bytes(0x4d, 0x5a, 0x90, 0x00) }]),
      ),
      "TRUCE_E_ATTACHMENT_TYPE",
    );
    assert.equal(
      code(() => checkAttachments([{ filename: "e", mediaType: "", bytes: new Uint8Array(0) }])),
      "TRUCE_E_ATTACHMENT_TYPE",
    );
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(png);
    assert.equal(
      code(() => checkAttachments([{ filename: "big.png", mediaType: "image/png", bytes: big }])),
      "TRUCE_E_FILE_TOO_LARGE",
    );
    const exactly = new Uint8Array(MAX_ATTACHMENT_BYTES);
    exactly.set(png);
    assert.equal(
      checkAttachments([{ filename: "max.png", mediaType: "image/png", bytes: exactly }]).length,
      1,
    );
    const six = Array.from({ length: 6 }, (_, i) => ({
      filename: `${i}.png`,
      mediaType: "image/png",
      bytes: png,
    }));
    assert.equal(
      code(() => checkAttachments(six)),
      "TRUCE_E_ATTACHMENT_COUNT",
    );
    assert.equal(checkAttachments(six.slice(0, 5)).length, 5);
  });

  it("keeps only a safe base name of what the file was called", () => {
    assert.equal(safeFilename("../../etc/passwd"), "passwd");
    assert.equal(safeFilename("C:\\Users\\me\\photo 1.jpg"), "photo 1.jpg");
    assert.equal(safeFilename('a"b\r\nContent-Type: x.png'), "abContent-Type: x.png");
    assert.equal(safeFilename(".."), "attachment");
    assert.equal(safeFilename(""), "attachment");
    assert.equal(safeFilename("x".repeat(500)).length, 200);
  });
});
