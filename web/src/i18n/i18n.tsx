// The locale in force: its catalogue, its writing direction and its number and date formats. Every string a
// page shows goes through `t`, so adding a language is adding a catalogue to `locales.ts`.

import actorNames from "virtual:actor-names";
import { type ComponentChildren, createContext, type JSX } from "preact";
import { useContext, useEffect, useMemo, useState } from "preact/hooks";
import { en, type MessageKey } from "./en.js";
import { defaultLocale, type LocaleCode, localeOf, locales } from "./locales.js";

export type Vars = Readonly<Record<string, string | number>>;

export interface I18n {
  readonly locale: LocaleCode;
  readonly dir: "ltr" | "rtl";
  /** The BCP 47 tag for Intl formats. */
  readonly intl: string;
  readonly setLocale: (code: LocaleCode) => void;
  /** The message in the locale's catalogue (English when it has none), with `{name}` placeholders filled. */
  readonly t: (key: MessageKey, vars?: Vars) => string;
  /** A message whose key is made from data (a status, a grade…): the value itself when no catalogue names it. */
  readonly label: (group: string, value: string) => string;
  /** An actor's name: the catalogue's, else the actor dictionary's, else its id. */
  readonly actor: (id: string) => string;
  readonly number: (value: number) => string;
  /** A YYYY-MM-DD day, in the locale's words; the value as it is when it is not a day. */
  readonly day: (value: string) => string;
  /** An ISO 8601 instant, in the locale's words, in UTC (the record's time zone, not the reader's). */
  readonly instant: (value: string) => string;
}

const STORAGE_KEY = "truce.locale";

function fill(message: string, vars: Vars | undefined): string {
  if (vars === undefined) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function initialLocale(): LocaleCode {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored !== null) return localeOf(stored) ?? defaultLocale;
  } catch {
    // Storage refused (private mode, a locked-down browser): fall back to the browser's language.
  }
  for (const language of navigator.languages) {
    const code = localeOf(language.slice(0, 2));
    if (code !== null) return code;
  }
  return defaultLocale;
}

function make(code: LocaleCode, setLocale: (code: LocaleCode) => void): I18n {
  const locale = locales[code];
  const messages: Readonly<Record<string, string | undefined>> = locale.messages;
  const english: Readonly<Record<string, string | undefined>> = en;
  const numberFormat = new Intl.NumberFormat(locale.intl);
  const dayFormat = new Intl.DateTimeFormat(locale.intl, { dateStyle: "medium", timeZone: "UTC" });
  const instantFormat = new Intl.DateTimeFormat(locale.intl, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  });
  const lookup = (key: string): string | undefined => messages[key] ?? english[key];
  return {
    locale: code,
    dir: locale.dir,
    intl: locale.intl,
    setLocale,
    t: (key, vars) => fill(lookup(key) ?? key, vars),
    label: (group, value) => lookup(`${group}.${value}`) ?? value,
    actor: (id) => messages[`actor.${id}`] ?? actorNames[id] ?? id,
    number: (value) => numberFormat.format(value),
    day: (value) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
      const date = new Date(`${value}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? value : dayFormat.format(date);
    },
    instant: (value) => {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : `${instantFormat.format(date)} UTC`;
    },
  };
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ComponentChildren }): JSX.Element {
  const [code, setCode] = useState<LocaleCode>(initialLocale);
  const i18n = useMemo(
    () =>
      make(code, (next) => {
        try {
          window.localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // Not remembered across visits; the switch still applies now.
        }
        setCode(next);
      }),
    [code],
  );
  useEffect(() => {
    // The whole document follows the locale, so logical CSS properties mirror the layout for Arabic.
    document.documentElement.lang = code;
    document.documentElement.dir = i18n.dir;
  }, [code, i18n.dir]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error("useI18n outside I18nProvider");
  return i18n;
}
