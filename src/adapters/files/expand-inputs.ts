// Turns the paths a user gave into the article files to read; a bad path becomes an error, the rest still run.
import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { TruceError } from "../../errors.js";

export const ARTICLE_EXTENSIONS: readonly string[] = [".json", ".txt", ".md", ".html", ".htm"];

export interface ExpandedInputs {
  /** Files as given, then each folder's article files sorted by path; each file once. */
  readonly files: string[];
  readonly errors: TruceError[];
}

export async function expandInputs(paths: string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const errors: TruceError[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };

  for (const input of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(input)).isDirectory();
    } catch (cause) {
      errors.push(statError(input, cause));
      continue;
    }
    if (!isDirectory) {
      // A file named explicitly is the user's choice; its format is checked when it is read.
      add(input);
      continue;
    }
    const found = await articleFilesUnder(input, errors);
    if (found.length === 0) {
      errors.push(
        new TruceError(
          "TRUCE_E_FILE_NOT_FOUND",
          `${input}: the folder has no article files (${ARTICLE_EXTENSIONS.join(", ")}). Check it is the right folder.`,
          { subject: input },
        ),
      );
    }
    for (const file of found) add(file);
  }
  return { files, errors };
}

// Depth-first over subfolders; hidden entries are skipped, and symlinked folders are followed once.
async function articleFilesUnder(root: string, errors: TruceError[]): Promise<string[]> {
  const found: string[] = [];
  const visited = new Set<string>();
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop();
    if (dir === undefined) break;
    let entries: Dirent[];
    try {
      const real = await realpath(dir);
      if (visited.has(real)) continue;
      visited.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (cause) {
      errors.push(statError(dir, cause));
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      let kind: "dir" | "file" | "other" = entry.isDirectory() ? "dir" : entry.isFile() ? "file" : "other";
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(full);
          kind = target.isDirectory() ? "dir" : target.isFile() ? "file" : "other";
        } catch {
          kind = "other";
        }
      }
      if (kind === "dir") pending.push(full);
      else if (kind === "file" && ARTICLE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
        found.push(full);
      }
    }
  }
  return found.sort(comparePaths);
}

// Sort by path segments so "a/b.json" and "a-c.json" order the way a file browser shows them, independent of locale.
function comparePaths(a: string, b: string): number {
  const pa = a.split(path.sep);
  const pb = b.split(path.sep);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] ?? "";
    const y = pb[i] ?? "";
    if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

function statError(input: string, cause: unknown): TruceError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") {
    return new TruceError("TRUCE_E_FILE_NOT_FOUND", `${input}: no such file or folder. Check the path.`, {
      subject: input,
      cause,
    });
  }
  if (code === "EACCES" || code === "EPERM") {
    return new TruceError(
      "TRUCE_E_FILE_UNREADABLE",
      `${input}: permission denied. Give your user read access (e.g. \`chmod u+r\`), or leave it out.`,
      { subject: input, cause },
    );
  }
  return new TruceError(
    "TRUCE_E_FILE_UNREADABLE",
    `${input}: could not be read (${code ?? String(cause)}).`,
    {
      subject: input,
      cause,
    },
  );
}
