// Regular expressions for English casualty phrasing: quantities, hedges, passive and active verbs, negations.

import type { CasualtyKind } from "../numbers.js";

export const W = `(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million)`;
export const WORDS = String.raw`${W}(?:(?:\s+and\s+|[\s-]+)${W})*`;
// Lookarounds keep "T-72", "$5", "10:30", "1.5" and "2,152" from yielding stray fragments.
export const DIGITS = String.raw`(?<![\w$€£.,:/-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?:thousand|million))?(?![\d,.:/]\d)`;
export const NUMBER = String.raw`(?:${DIGITS}|\b${WORDS}\b|\b(?:a|one|half\s+a)\s+dozen\b)`;
// The second figure of "5-7" follows a hyphen, which the first figure's lookbehind rightly refuses.
export const NUMBER_TO = NUMBER.replace("(?<![\\w$€£.,:/-])", "(?<![\\w$€£.,:/])");
export const VAGUE = String.raw`\b(?:dozens|scores|hundreds|thousands|tens|several|a\s+few|a\s+handful)(?:\s+of)?\b`;
export const HEDGE = String.raw`\b(?:at\s+least|at\s+most|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|more\s+than|less\s+than|fewer\s+than|over|nearly|almost|about|around|approximately|roughly|some|up\s+to|as\s+many\s+as|an\s+estimated|estimated|upwards\s+of|close\s+to|a\s+total\s+of|another|a\s+further)\s+`;

// One quantity: optional hedge, then a range, a figure, a vague word, or a lone "a"/"an" (kept only before a person).
export const QUANTITY = new RegExp(
  String.raw`(${HEDGE})?(?:\bbetween\s+(${NUMBER})\s+and\s+(${NUMBER})|(${NUMBER})(?:\s*(?:-|–|to|or)\s*(${NUMBER_TO}))?|(${VAGUE})|\b(an?)\b)`,
  "gi",
);

export const NOT_PEOPLE_AFTER =
  /^(?:\s*|-)(?:mm|millimet|cm|km|kilomet|kg|m\b|metres|meters|miles|%|per\s*cent|percent|hours?|hrs|minutes?|seconds?|days?|weeks?|months?|years?|-year|-day|am\b|pm\b|a\.m|p\.m|gmt|local\s+time|times\b)/i;
export const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i;
export const MONTH_AFTER = /^\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
export const YEAR_BEFORE =
  /\b(?:in|since|during|from|until|till|by|of|early|late|mid|year|resolution|article|paragraph|no\.?)[\s-]+$/i;
export const SUBSET_BEFORE = /\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+$/i;

export const VERB_PASSIVE =
  /^(?:\s+(?:were|was|have|has|had|been|are|is|being|reportedly|also|all|later|allegedly|reported|confirmed|said\s+to\s+have\s+been|feared|left|now|so\s+far))*\s+(shot\s+dead|shot\s+and\s+(?:killed|wounded|injured)|gunned\s+down|beheaded|killed|dead|died|perished|slain|murdered|executed|massacred|lost\s+their\s+lives|martyred|wounded|injured|hurt|maimed|captured|taken\s+prisoner|abducted|kidnapped|detained|arrested|displaced|fled|forced\s+to\s+flee|uprooted|evacuated)\b(\s+(?:or|and|and\/or)\s+(?:wounded|injured|hurt))?/i;
export const VERB_ACTIVE_BEFORE =
  /\b(killing|killed|kills|kill|wounding|wounded|wounds|wound|injuring|injured|injures|injure|hurting|maiming|abducting|abducted|kidnapping|kidnapped|capturing|captured|detaining|detained|arresting|arrested|displacing|displaced|claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of|took\s+the\s+lives\s+of|deaths?\s+of|killing\s+of|bodies\s+of)(\s+(?:or|and|and\/or)\s+(?:wounding|wounded|injuring|injured))?\s+$/i;
export const TOLL_BEFORE =
  /\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|fatalities|people\s+killed|victims))\b[^.;]{0,40}?\b(?:to|at|of|reached|hit|is|was|stands\s+at|stood\s+at)\s+$/i;

export const VERB_KIND: Array<[RegExp, CasualtyKind]> = [
  [/^shot\s+and\s+(?:wound|injur)/i, "injured"],
  [/^(?:shot|gunned|behead)/i, "killed"],
  [/^(?:kill|dead|died|death|perish|slain|murder|execut|massacr|lost|martyr|claim|took|bodies)/i, "killed"],
  [/^(?:wound|injur|hurt|maim)/i, "injured"],
  [/^(?:captur|taken|abduct|kidnap|detain|arrest)/i, "captured"],
  [/^(?:displac|fled|forced|uproot|evacuat)/i, "displaced"],
];
export const kindOfVerb = (verb: string): CasualtyKind =>
  VERB_KIND.find(([re]) => re.test(verb))?.[1] ?? "killed";

// Negated harm: the guide scores "no casualties" as killed 0, and so do "no one was hurt" and "without casualties".
export const NONE =
  /\b(?:no\s+(?:one|body|civilians?|people|residents|soldiers|fighters|troops)|nobody|none)(?:\s+else)?\s+(?:was|were|has\s+been|had\s+been|is)\s+(?:reportedly\s+)?(?:killed|hurt|injured|wounded|harmed)\b|\bno\s+(?:immediate\s+)?(?:reports?\s+of\s+)?(?:(civilian|military)\s+)?(?:casualties|deaths|fatalities|injuries|victims)\b|\bwithout\s+(?:causing\s+)?(?:any\s+)?(?:(civilian|military)\s+)?casualties\b|\b(?:did\s+not|didn't|caused\s+no|causing\s+no|resulted\s+in\s+no)\s+(?:cause\s+|result\s+in\s+)?(?:any\s+)?casualties\b/gi;
