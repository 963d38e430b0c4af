// Reads Truce's shipped data files (YAML or JSON) from the repository's data/ folder.
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { TruceError } from "../../errors.js";

/** The data/ folder: three levels up from this module in src/ and in dist/ alike. */
export const dataDir = fileURLToPath(new URL("../../../data/", import.meta.url));

export function readDataFile(
  path: string,
  code: "TRUCE_E_DATA_INVALID" | "TRUCE_E_AGREEMENT_INVALID",
): unknown {
  let content: string;
  try {
    content = readFileSync(path, "utf8");
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === "ENOENT" ? "does not exist" : "cannot be read";
    throw new TruceError(code, `${path} ${reason}`, { subject: path, cause });
  }
  try {
    return extname(path) === ".json" ? JSON.parse(content) : parseYaml(content, { maxAliasCount: 100 });
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
    throw new TruceError(
      code,
      `${path} is not valid ${extname(path) === ".json" ? "JSON" : "YAML"}: ${detail}`,
      {
        subject: path,
        cause,
      },
    );
  }
}

export function dataFiles(folder: string, extensions: readonly string[]): string[] {
  return readdirSync(join(dataDir, folder))
    .filter((name) => extensions.includes(extname(name)))
    .sort()
    .map((name) => join(dataDir, folder, name));
}
