// Modality: whether an event mention reports something that happened, or a denial, plan, threat or hypothesis.
import type { Sentence, Token } from "./sentences.js";

export type Modality = "asserted" | "negated" | "planned" | "hypothetical" | "historical";

const negators =
  /^(no|not|n't|never|without|nor|neither|denied|denies|deny|denying|halt|halted|halts|stop|stopped|stops|ceased|cease|refrain|refrained|end|ended|ending|free|absence|rejected|cessation|avert|averted|averting|thwart|thwarted|foil|foiled)$/;
const planners =
  /^(will|would|'ll|shall|plan|plans|planned|planning|threaten|threatens|threatened|threatening|threat|vow|vowed|vows|intend|intends|intended|prepare|prepares|preparing|ready|warn|warned|warns|warning|possible|possibly|potential|expect|expected|expects|aim|aims|seek|seeks|prevent|preventing|avoid|avoiding|risk|upcoming|imminent|looming|fear|feared|fears|ensure|monitor|monitoring|observe|investigate|investigating|probe|probing|verify|document)$/;
const hypotheticals = /^(if|unless|could|might|may|should|whether|would-be)$/;
const backgroundWords =
  /^(previous|previously|former|formerly|years|decades|throughout|history|historic|repeatedly|regularly|routinely|often|frequently|usually|constantly|continuously|continuous|persistent|persistently|recently)$/;

/**
 * Reads the words before the trigger, back to the clause's start. Looking only backwards keeps "no casualties
 * were reported" (after a real act) from negating the act itself.
 */
export function modalityOf(sentence: Sentence, triggerToken: number): Modality {
  const tokens = sentence.tokens;
  const from = clauseStart(tokens, triggerToken);
  let sawBackground = false;
  for (let i = triggerToken - 1; i >= from && i >= triggerToken - 7; i--) {
    const word = (tokens[i] as Token).lower;
    if (negators.test(word)) return "negated";
    if (hypotheticals.test(word)) return "hypothetical";
    if (planners.test(word)) return "planned";
    if (backgroundWords.test(word)) sawBackground = true;
  }
  if (/^if$/i.test(tokens[from]?.text ?? "")) return "hypothetical";
  if (isCumulative(tokens, triggerToken)) return "historical";
  // "remains possible", "could follow": the act after its trigger is still only a prospect.
  for (let i = triggerToken + 1; i < Math.min(tokens.length, triggerToken + 6); i++) {
    if (/^(possible|likely|expected|feared|planned|imminent)$/.test((tokens[i] as Token).lower))
      return "planned";
  }
  // "continue to assault": a present habit, unlike "continued to shell … on Sunday".
  if (
    tokens
      .slice(Math.max(0, triggerToken - 3), triggerToken)
      .some((t, k, list) => /^continues?$/.test(t.lower) && list[k + 1]?.lower === "to")
  )
    return "historical";
  return sawBackground ? "historical" : "asserted";
}

function clauseStart(tokens: readonly Token[], index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    const t = (tokens[i] as Token).text;
    if (t === ";" || t === ":" || t === "—" || t === "“" || t === '"') return i + 1;
    if (/^(but|while|whereas|when|after|before|as|because|until)$/.test(t.toLowerCase()) && i < index - 1)
      return i + 1;
  }
  return 0;
}

/**
 * A tally or campaign reaching back in time: "Since the offensive began, 600 were killed", "shelling … since
 * last year", "have been fighting for weeks". "The first air strikes since the truce" is news, not background.
 */
function isCumulative(tokens: readonly Token[], triggerToken: number): boolean {
  const first = tokens.slice(0, triggerToken).some((t) => t.lower === "first");
  if (first) return false;
  if (tokens[0]?.lower === "since") return true;
  return tokens.some((t, i) => {
    const next = tokens[i + 1]?.lower ?? "";
    if (t.lower === "since" && i > triggerToken)
      return /^(the|last|its|their|a|an|\d{4}|january|february|march|april|may|june|july|august|september|october|november|december)$/.test(
        next,
      );
    // "for weeks", "in six months", "over the past two months", "during recent years".
    if (!/^(for|in|over|during|throughout)$/.test(t.lower)) return false;
    const window = tokens.slice(i + 1, i + 5).map((x) => x.lower);
    const unit = window.findIndex((w) => /^(weeks|months|years|decades)$/.test(w));
    const counted = /^(\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|the|past|last|recent)$/;
    return unit >= 0 && window.slice(0, unit).every((w) => counted.test(w));
  });
}
