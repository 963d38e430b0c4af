// Builds the single-page application into web/dist, which the server serves from `/`. Everything the page
// needs is bundled: no CDN, no tile server, no outside fonts, and no inline script (the server's CSP forbids it).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { parse } from "yaml";

const webRoot = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const actorsFile = fileURLToPath(new URL("../data/actors/actors.yaml", import.meta.url));

/**
 * `virtual:actor-names`: each actor's id and display name from the actor dictionary, read at build time so the
 * page shows "Syrian government" for SY-GOV without shipping the dictionary's aliases and people.
 */
function actorNames(): Plugin {
  const id = "virtual:actor-names";
  const resolved = `\0${id}`;
  return {
    name: "truce-actor-names",
    resolveId: (source) => (source === id ? resolved : null),
    load(source) {
      if (source !== resolved) return null;
      this.addWatchFile(actorsFile);
      const data = parse(readFileSync(actorsFile, "utf8")) as { actors?: { id?: unknown; name?: unknown }[] };
      const names: Record<string, string> = {};
      for (const actor of data.actors ?? []) {
        if (typeof actor.id === "string" && typeof actor.name === "string") names[actor.id] = actor.name;
      }
      return `export default ${JSON.stringify(names)};`;
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: "/",
  plugins: [preact(), actorNames()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Data URLs would need a looser CSP for images and fonts; files served from 'self' need nothing.
    assetsInlineLimit: 0,
    // Every browser Truce supports has modulepreload; the polyfill would only add code.
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
  // The boundaries are imported from data/ at the repository's root; the API runs on `truce serve`.
  server: { fs: { allow: [repoRoot] }, proxy: { "/api": "http://127.0.0.1:8080" } },
});
