// English cardinal numbers in words or digits ("ninety-nine", "2,152", "a dozen"), small enough to audit.

const UNITS: Record<string, number> = {
  zero: 0,
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};

const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000 };

const DIGITS = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(thousand|million))?$/;

/**
 * The value of a cardinal written in digits or words, or null when `s` is not one. Accepts
 * "13", "2,152", "1.5 million", "thirteen", "ninety-nine", "one hundred and twenty",
 * "two thousand five hundred", "a dozen", "half a dozen".
 */
export function parseNumberWords(s: string): number | null {
  const text = s.trim().toLowerCase();
  if (text === "") return null;
  const digits = DIGITS.exec(text);
  if (digits?.[1]) {
    const n = Number(digits[1].replace(/,/g, "")) * (digits[2] ? (SCALES[digits[2]] ?? 1) : 1);
    return Number.isFinite(n) ? n : null;
  }
  if (text === "half a dozen") return 6;
  const tokens = text.split(/[\s-]+/).filter((t) => t !== "and");
  if (tokens.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  let last: "unit" | "tens" | "scale" | null = null;
  for (const [i, t] of tokens.entries()) {
    const unit = UNITS[t];
    const scale = SCALES[t];
    if (unit !== undefined) {
      // "a"/"an" only open a phrase ("a hundred", "a dozen"); "twenty one two" is not a number.
      if ((t === "a" || t === "an" || t === "single") && (i > 0 || tokens.length === 1)) return null;
      if (t === "dozen") {
        current = (current || 1) * 12;
      } else if (unit >= 20 && unit % 10 === 0) {
        if (last === "tens" || last === "unit") return null;
        current += unit;
        last = "tens";
        seen = true;
        continue;
      } else {
        if (last === "unit" || (last === "tens" && unit >= 10)) return null;
        current += unit;
      }
      last = "unit";
      seen = true;
    } else if (scale !== undefined) {
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      last = "scale";
      seen = true;
    } else return null;
  }
  return seen ? total + current : null;
}
