// Place-name normalisation: folds the many English spellings of one Arabic (or Slavic) name onto one key.
//
// The rules follow how the spellings actually differ. Arabic has three vowels (a, i, u), two diphthongs
// (ay, aw) and an article (al-) that assimilates to "sun letters" (ash-Shughur, az-Zawr, an-Numan);
// English, French and Levantine transliterations write the same sounds as e/o/ou/ee/ei/ey, double or
// single consonants, with or without the article, apostrophes for ʿayn and hamza, and the feminine
// ending as -a/-ah/-eh. The key keeps the skeleton that distinguishes names (consonants, a/i/u) and
// drops only what spellings disagree on, so Homs and Hama, Idlib and Ariha stay apart.

/** Marks that stand for ʿayn or hamza, or are plain apostrophes: spellings keep or drop them freely. */
const APOSTROPHES = /['’‘`´ʼʻʿʾ′"“”]/g;

/** Articles that are always articles: "al Bab", "el-Zour". */
const PLAIN_ARTICLES = new Set(["al", "el"]);

/** Assimilated articles and the consonant they must double to count as one ("ash Shughur", "az Zawr"). */
const SUN_ARTICLES: ReadonlyMap<string, string> = new Map([
  ["at", "t"],
  ["et", "t"],
  ["ath", "th"],
  ["ad", "d"],
  ["ed", "d"],
  ["adh", "dh"],
  ["ar", "r"],
  ["er", "r"],
  ["az", "z"],
  ["ez", "z"],
  ["as", "s"],
  ["es", "s"],
  ["ash", "sh"],
  ["esh", "sh"],
  ["an", "n"],
  ["en", "n"],
]);

/**
 * Whole-word variants that letter rules alone cannot join, keyed by the word after the letter rules
 * (so "Tel"/"Tell" arrive here as "til"/"tal", "Kfar" as "kfar").
 */
const WORD_VARIANTS: ReadonlyMap<string, string> = new Map([
  // Deir / Dayr / Dair / Der / Dier
  ["dir", "dayr"],
  // Sheikh / Shaykh / Shaikh / Sheik / Cheikh / Shekh
  ["shayk", "shaykh"],
  ["shikh", "shaykh"],
  ["chaykh", "shaykh"],
  ["shik", "shaykh"],
  // Kafr / Kfar / Kafar / Kefr / Kufr
  ["kfar", "kafr"],
  ["kafar", "kafr"],
  ["kifr", "kafr"],
  ["kfr", "kafr"],
  ["kufr", "kafr"],
  ["kifir", "kafr"],
  // Tell / Tal / Tel / Til
  ["til", "tal"],
  // Jabal / Jebel / Jabel / Jbel / Djebel / Jebal
  ["jibil", "jabal"],
  ["jabil", "jabal"],
  ["jibal", "jabal"],
  ["jbil", "jabal"],
  ["jabl", "jabal"],
  // Khirbet / Khirbat / Khirba / Kherbet / Khribet
  ["khirbit", "khirbat"],
  ["khirba", "khirbat"],
  ["khribit", "khirbat"],
  ["khribat", "khirbat"],
  // Maarrat / Maaret / Marat (after vowel folding)
  ["marit", "marat"],
  // Wadi / Ouadi
  ["uadi", "wadi"],
  ["wady", "wadi"],
  // Madinat / Medinat
  ["midinat", "madinat"],
]);

const VOWEL = "aeiouy";

function foldWord(word: string): string {
  let w = word;
  // The nisba/feminine ending: -iyah, -iyeh, -iyya, -ieh, -ia, -iye … all one sound, -iya.
  w = w.replace(/i(?:y{1,2})?(?:a|e)h?$/, "iya");
  // Tāʾ marbūṭa written -ah or -eh: Hamah/Hama, Latamneh/Latamna. Only after a vowel, so -kh, -sh stay.
  w = w.replace(/(?<=.{2})[ae]h$/, "a");
  // French silent final e after -n: Zebdine/Zebdin, Mayadine/Mayadin, Sorane/Suran.
  w = w.replace(/(?<=[aeiouy]n)e$/, "");
  // French "qu" before e/i is a plain k (Lattaquié).
  w = w.replace(/qu(?=[ei])/g, "k");
  // French/English long vowels: ou, oo → u; ee → i.
  w = w.replace(/ou|oo/g, "u").replace(/ee/g, "i");
  // Diphthong ay written ei/ey/ai (Sheikh/Shaykh, Deir/Dayr, Ein/Ayn) — unless the y is a consonant.
  w = w.replace(new RegExp(`(?:ei|ey|ai)(?![${VOWEL}])`, "g"), "ay");
  // Diphthong aw (Zawr) is spelt o/ou as often (Zor, Zour): all become u, unless the w is a consonant.
  w = w.replace(new RegExp(`a[wu](?![${VOWEL}])`, "g"), "u");
  // Remaining e and o are Arabic i and u in another spelling (Idleb/Idlib, Morek/Murek).
  w = w.replace(/e/g, "i").replace(/o/g, "u");
  // u-glide before a vowel: Suwayda/Sweida.
  w = w.replace(/uw(?=[aiu])/g, "w");
  // q and k: Qalamoun/Kalamoun, Quneitra/Kuneitra. Different Arabic letters, but English spellings mix them.
  w = w.replace(/q/g, "k");
  // dj is French for j (Djebel).
  w = w.replace(/dj/g, "j");
  // Doubled letters (consonants and vowels) carry no distinction in the spellings: Lattakia, Maarrat.
  w = w.replace(/(.)\1+/g, "$1");
  return WORD_VARIANTS.get(w) ?? w;
}

/**
 * Strips an article glued to a non-initial word: "Deir Ezzor" → "Deir Zor". Only the e- forms: the
 * a- forms collide with real names ("Hafez Assad", "Attar").
 */
function unglueArticle(word: string): string {
  const m = /^e(sh|th|dh|[tdrzsn])\1(.{2,})$/.exec(word);
  return m ? `${m[1]}${m[2]}` : word;
}

/**
 * The lookup key of a place name: lowercase ASCII-ish words separated by single spaces, with the
 * article, apostrophes, diacritics, doubled letters and vowel-spelling differences folded away.
 * Deterministic and idempotent: normalisePlaceName(normalisePlaceName(x)) === normalisePlaceName(x).
 */
export function normalisePlaceName(s: string): string {
  // One pass can leave a new match for an earlier rule ("Kaor" → "kaur"); a few passes reach the fixed point.
  let key = normaliseOnce(s);
  for (let pass = 0; pass < 4; pass++) {
    const again = normaliseOnce(key);
    if (again === key) break;
    key = again;
  }
  return key;
}

function normaliseOnce(s: string): string {
  const plain = s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ı/g, "i")
    .toLowerCase()
    .replace(APOSTROPHES, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (plain === "") return "";
  const raw = plain.split(" ");
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const word = raw[i] as string;
    const next = raw[i + 1];
    if (next !== undefined) {
      if (PLAIN_ARTICLES.has(word)) continue;
      const letter = SUN_ARTICLES.get(word);
      if (letter !== undefined && next.startsWith(letter)) continue;
    }
    kept.push(kept.length > 0 ? unglueArticle(word) : word);
  }
  return kept.map(foldWord).join(" ");
}
