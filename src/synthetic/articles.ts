// Synthetic article files (JSON, the shape `truce ingest` reads) made from synthetic incidents, for crash and queue tests.
import { generate, type TrueIncident } from "./generate.js";
import { Rng } from "./prng.js";
import { actorWords, months, outlets, verbs } from "./vocabulary.js";

export interface SyntheticArticle {
  /** A file name that sorts in generation order: article-00042.json. */
  readonly name: string;
  /** The file's content: {url, title, published, outlet, language, text}. */
  readonly json: string;
}

const pick = <T>(rng: Rng, items: readonly T[]): T => {
  const item = items[Math.floor(rng.next() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
};

const longDate = (iso: string): string => {
  const [year, month, day] = iso.split("-");
  return `${Number(day)} ${months[Number(month) - 1] ?? "January"} ${year}`;
};

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function articleText(incident: TrueIncident, serial: number, rng: Rng): { title: string; text: string } {
  const perpetrator = pick(rng, actorWords[incident.perpetrator] ?? ["unidentified gunmen"]);
  const verb = pick(rng, verbs[incident.subEventType] ?? ["attacked"]);
  const victims = incident.target === "CIV" ? "civilians" : "fighters";
  const toll =
    incident.killed === 0
      ? "No casualties were reported."
      : `${incident.killed} ${incident.killed === 1 ? "person was" : `${victims} were`} killed, local sources said.`;
  const title = `${capitalise(perpetrator)} ${verb} ${incident.location}`;
  const text = [
    title,
    "",
    `On ${longDate(incident.date)}, ${perpetrator} ${verb} ${incident.location} ${incident.timeOfDay}, hitting ${incident.site} with ${incident.weapon}. ${toll}`,
    "",
    // The serial makes every article's text, and so its content hash, distinct even for twin incidents.
    `Monitors logged the report as dispatch ${serial} of the day's ceasefire review.`,
  ].join("\n");
  return { title, text };
}

/** `count` distinct articles, one per synthetic incident; the same seed gives the same files. */
export function syntheticArticles(count: number, seed: number): SyntheticArticle[] {
  const { incidents } = generate({ incidents: count, seed, maxReportsPerIncident: 1 });
  const rng = new Rng(seed ^ 0x5eed);
  return incidents.slice(0, count).map((incident, i) => {
    const { title, text } = articleText(incident, i + 1, rng);
    const json = JSON.stringify(
      {
        url: null,
        title,
        published: incident.date,
        outlet: `${pick(rng, outlets).name} (synthetic)`,
        language: "en",
        text,
      },
      null,
      2,
    );
    return { name: `article-${String(i + 1).padStart(5, "0")}.json`, json };
  });
}
