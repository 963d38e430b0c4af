// Prints how the pipeline read one article, sentence by sentence: a tool for people tuning the rules.
// Usage: node --import tsx scripts/trace.ts FILE
import { loadExtractionContext } from "../src/adapters/data/load-context.js";
import { readArticleFile } from "../src/adapters/files/read-article.js";
import { findActors, resolveActors } from "../src/extraction/stages/actors.js";
import { findAllegations } from "../src/extraction/stages/allegations.js";
import { cleanText } from "../src/extraction/stages/clean.js";
import { findDates } from "../src/extraction/stages/dates.js";
import { findEvents } from "../src/extraction/stages/events.js";
import { modalityOf } from "../src/extraction/stages/modality.js";
import { datelineSpans, findPlaces } from "../src/extraction/stages/places.js";
import { referenceFromPublished, referenceFromText } from "../src/extraction/stages/reference-date.js";
import { splitSentences } from "../src/extraction/stages/sentences.js";

const file = process.argv[2];
if (!file) {
  console.error("usage: node --import tsx scripts/trace.ts FILE");
  process.exit(64);
}
const { knowledge } = await loadExtractionContext({});
const article = await readArticleFile(file);
const { text } = cleanText(article.text);
const sentences = splitSentences(text);
const reference = referenceFromPublished(article.published) ?? referenceFromText(text);
const dates = findDates(text, reference);
const raw = findActors(text, sentences, knowledge);
const places = findPlaces(text, sentences, knowledge, [...datelineSpans(text), ...raw.map((a) => a.span)]);
const actors = resolveActors(raw, places[0]?.candidates[0]?.country ?? null);
console.log(`reference ${JSON.stringify(reference)}`);
for (const s of sentences) {
  console.log(`\n[${s.index}] ${s.text.replace(/\s+/g, " ")}`);
  const a = actors.filter((x) => x.sentence === s.index).map((x) => `${x.text}=${x.actorId}`);
  const p = places
    .filter((x) => x.sentence === s.index)
    .map((x) => `${x.text}=${x.candidates[0]?.admin1}/${x.candidates[0]?.kind}`);
  const d = dates
    .filter((x) => x.span.start >= s.span.start && x.span.end <= s.span.end)
    .map((x) => `${x.text}=${x.date}/${x.kind}/${x.past}`);
  if (a.length) console.log(`   actors: ${a.join(", ")}`);
  if (p.length) console.log(`   places: ${p.join(", ")}`);
  if (d.length) console.log(`   dates: ${d.join(", ")}`);
  const events = findEvents({
    sentence: s,
    actors: actors.filter((x) => x.sentence === s.index),
    places: places.filter((x) => x.sentence === s.index),
    isNonState: (id) => knowledge.actorKind(id) === "armed_group",
  });
  for (const a of findAllegations({
    sentence: s,
    actors: actors.filter((x) => x.sentence === s.index),
    events,
    mainParties: [],
    recentPerpetrator: null,
    isParty: (id) => knowledge.actorKind(id) !== "source",
  }))
    console.log(`   ALLEGATION ${a.accuser}>${a.accused}`);
  for (const e of events)
    console.log(
      `   EVENT ${e.trigger} ${e.subEventType} ${e.perpetrator}>${e.target} @${e.place?.text ?? "-"} ${modalityOf(s, e.triggerToken)}${e.definite ? " definite" : ""}${e.breach ? " breach" : ""}`,
    );
}
