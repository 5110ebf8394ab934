/**
 * How every catalogue's strings are filled, in one style: `{name}` placeholders, plural forms as
 * `{ one, other }` chosen by Intl.PluralRules, numbers, sizes and dates in the customer's locale.
 * Catalogues (one per feature, beside this file) hold plain strings only, never functions, so that
 * catalogues.test.ts can check that French and English say the same things.
 */
import type { Locale } from '../contract/schemas';

/** A sentence with a singular and a plural form; `{count}` is filled with the number. */
export type Plural = { one: string; other: string };

/** The same shape with every string (leaf) free: what a translation of a catalogue must match. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

/** The UI language: French for any French browser locale, English otherwise. */
export function pickLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** Picks the plural form for `count` in `locale` and fills `{count}` and the other placeholders. */
export function plural(locale: Locale, forms: Plural, count: number, params: Record<string, string | number> = {}): string {
  const rule = new Intl.PluralRules(locale).select(count);
  const numbers = new Intl.NumberFormat(locale);
  // Every number in the sentence is written the locale's way (1 200 in French, 1,200 in English).
  const filled = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, typeof value === 'number' ? numbers.format(value) : value]),
  );
  return format(rule === 'one' ? forms.one : forms.other, { count: numbers.format(count), ...filled });
}

/**
 * The Intl locale for dates and numbers: the browser's own (with its region, e.g. fr-CA or en-GB)
 * when it is in the UI language, else the bare UI language.
 */
export function intlLocale(
  locale: Locale,
  browserLanguage: string | undefined = typeof navigator === 'undefined' ? undefined : navigator.language,
): string {
  return browserLanguage && pickLocale(browserLanguage) === locale ? browserLanguage : locale;
}

/** A date and time in the customer's locale and timezone, e.g. "2 mars 2026, 10 h 15". */
export function formatDateTime(locale: Locale, when: string | number | Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(when));
}

/** A time of day in the customer's locale, e.g. "10 h 15" / "10:15 AM". */
export function formatTime(locale: Locale, when: string | number | Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short', timeZone }).format(new Date(when));
}

/** A byte count as customers read it: "245 KB" / "245 Ko", "1.2 MB" / "1,2 Mo" (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = locale === 'fr' ? ['o', 'Ko', 'Mo'] : ['B', 'KB', 'MB'];
  const number = (value: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${number(bytes, 0)}\u00a0${units[0]}`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 0)}\u00a0${units[1]}`;
  return `${number(bytes / 1024 / 1024, 1)}\u00a0${units[2]}`;
}
