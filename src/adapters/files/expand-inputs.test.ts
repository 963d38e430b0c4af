// Tests for expandInputs: files kept as given, folders expanded in name order, bad paths reported without stopping.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { expandInputs } from "./expand-inputs.js";

let dir = "";
const touch = (...parts: string[]): string => {
  const p = path.join(dir, ...parts);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, "x");
  return p;
};

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "truce-expand-"));
});
after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("expandInputs", () => {
  it("expands a folder, recursively, to its article files sorted by name", async () => {
    const b = touch("corpus", "010.json");
    const a = touch("corpus", "002.json");
    const t = touch("corpus", "notes.TXT");
    const h = touch("corpus", "page.htm");
    const m = touch("corpus", "readme.md");
    const nested = touch("corpus", "more", "001.html");
    touch("corpus", "image.png");
    touch("corpus", ".hidden.json");
    touch("corpus", ".git", "x.json");
    const { files, errors } = await expandInputs([path.join(dir, "corpus")]);
    assert.deepEqual(errors, []);
    assert.deepEqual(files, [a, b, nested, t, h, m]);
  });

  it("keeps files named explicitly, whatever their extension, in the order given", async () => {
    const x = touch("one", "z.json");
    const y = touch("one", "a.data");
    const { files, errors } = await expandInputs([x, y]);
    assert.deepEqual(files, [x, y]);
    assert.deepEqual(errors, []);
  });

  it("reports missing paths and goes on with the others", async () => {
    const ok = touch("two", "ok.json");
    const missing = path.join(dir, "two", "missing.json");
    const { files, errors } = await expandInputs([missing, ok, path.join(dir, "nowhere")]);
    assert.deepEqual(files, [ok]);
    assert.deepEqual(
      errors.map((e) => [e.code, e.subject]),
      [
        ["TRUCE_E_FILE_NOT_FOUND", missing],
        ["TRUCE_E_FILE_NOT_FOUND", path.join(dir, "nowhere")],
      ],
    );
    assert.match(errors[0]?.message ?? "", /missing\.json: no such file or folder/);
  });

  it("reports a folder with no article files", async () => {
    touch("three", "photo.jpg");
    const { files, errors } = await expandInputs([path.join(dir, "three")]);
    assert.deepEqual(files, []);
    assert.equal(errors[0]?.code, "TRUCE_E_FILE_NOT_FOUND");
    assert.match(errors[0]?.message ?? "", /no article files/);
  });

  it("lists a file once when a folder and the file itself are both given", async () => {
    const f = touch("four", "a.json");
    const { files } = await expandInputs([f, path.join(dir, "four"), f]);
    assert.deepEqual(files, [f]);
  });

  it("follows a symlinked folder once, without looping", async () => {
    const f = touch("five", "a.json");
    fs.symlinkSync(path.join(dir, "five"), path.join(dir, "five", "loop"));
    const { files, errors } = await expandInputs([path.join(dir, "five")]);
    assert.deepEqual(files, [f]);
    assert.deepEqual(errors, []);
  });
});
