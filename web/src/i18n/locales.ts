// The languages the interface speaks. Adding Russian or Turkish is one catalogue file and one line here; a
// catalogue may be partial (English fills the gaps), and `dir` mirrors the whole layout.
import { ar } from "./ar.js";
import { type Catalogue, en } from "./en.js";

export interface Locale {
  /** The language's own name, as the locale switch shows it. */
  readonly name: string;
  readonly dir: "ltr" | "rtl";
  /** The BCP 47 tag numbers and dates are formatted with. */
  readonly intl: string;
  readonly messages: Partial<Catalogue>;
}

export const locales = {
  en: { name: "English", dir: "ltr", intl: "en-GB", messages: en },
  ar: { name: "العربية", dir: "rtl", intl: "ar-SY", messages: ar },
} as const satisfies Record<string, Locale>;

export type LocaleCode = keyof typeof locales;

export const defaultLocale: LocaleCode = "en";

export const localeCodes = Object.keys(locales) as LocaleCode[];

export function localeOf(code: string): LocaleCode | null {
  return (localeCodes as string[]).includes(code) ? (code as LocaleCode) : null;
}
