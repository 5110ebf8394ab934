/**
 * The extension's settings: typed, validated with zod, stored in `storage.local` as a WXT storage
 * item whose version WXT keeps in the item's meta (`settings$`) and migrates on first read.
 *
 * Version history (each migration has its own unit test in settings.test.ts):
 * - v1: `{ lang: 'fr' | 'en' | null, email: string }`, where `null` meant "follow the browser".
 *   This is the first layout defined in this file: no build shipped it, it is the start of the
 *   history so that the migration path is real code, exercised by a test, from day one.
 * - v2 (current): `{ schemaVersion: 2, language: 'auto' | 'fr' | 'en', defaultEmail: string,
 *   attachScreenshotByDefault: boolean }`. `lang` became `language` with an explicit `'auto'`,
 *   `email` became `defaultEmail`, and the screenshot choice was added (on: v1 always attached one).
 *
 * To add v3: write `StoredSettingsV3Schema`, a pure `migrateV2ToV3`, register it under `3` in
 * `migrations`, bump `SETTINGS_VERSION`, and add its test.
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { TicketSchema, type Locale } from '../contract/schemas';
import { format, pickLocale } from '../i18n/format';
import { SETTINGS_MESSAGES } from '../i18n/settings';

/** The settings the rest of the extension reads. */
export type Settings = { language: 'auto' | 'fr' | 'en'; defaultEmail: string; attachScreenshotByDefault: boolean };

export const SETTINGS_VERSION = 2;
export const SETTINGS_KEY = 'local:settings';

export const LanguageSettingSchema = z.enum(['auto', 'fr', 'en']);
/** Empty means "no default"; otherwise the very rule a ticket's e-mail must pass, so a default never fails at send. */
const DefaultEmailSchema = z
  .string()
  .trim()
  .pipe(z.union([z.literal(''), TicketSchema.shape.email]));

export const SettingsSchema = z.object({
  language: LanguageSettingSchema,
  defaultEmail: DefaultEmailSchema,
  attachScreenshotByDefault: z.boolean(),
});

/** What is stored: the settings plus the schema version, so a stored value describes itself. */
export const StoredSettingsSchema = SettingsSchema.extend({ schemaVersion: z.literal(SETTINGS_VERSION) });
export type StoredSettings = z.infer<typeof StoredSettingsSchema>;

/** The v1 layout (see the file header). */
export const StoredSettingsV1Schema = z.object({ lang: z.enum(['fr', 'en']).nullable(), email: z.string() });
export type StoredSettingsV1 = z.infer<typeof StoredSettingsV1Schema>;

// The schema and the published type must not drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const settingsTypeMatchesSchema: Same<z.infer<typeof SettingsSchema>, Settings> = true;
void settingsTypeMatchesSchema;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ language: 'auto', defaultEmail: '', attachScreenshotByDefault: true });

/**
 * v1 → v2. Lenient on purpose: a field that does not parse falls back to its default instead of
 * failing the whole migration, which would leave the user with an unreadable item.
 */
export function migrateV1ToV2(stored: unknown): StoredSettings {
  // WXT takes a value without version meta for v1. A value that says it is v2 (its meta lost, or
  // written by a context that never set it) is kept: "migrating" it would erase the user's choices.
  const already = StoredSettingsSchema.safeParse(stored);
  if (already.success) return already.data;
  const v1 = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const lang = StoredSettingsV1Schema.shape.lang.safeParse(v1.lang);
  const email = DefaultEmailSchema.safeParse(v1.email);
  return {
    schemaVersion: 2,
    language: lang.success && lang.data !== null ? lang.data : 'auto',
    defaultEmail: email.success ? email.data : DEFAULT_SETTINGS.defaultEmail,
    // v1 had no choice: the form always attached the screenshot, so keep that behaviour.
    attachScreenshotByDefault: true,
  };
}

/**
 * Defines the storage item. Exported for tests: WXT runs migrations when an item is defined, so a
 * test seeds an old layout first, then defines a fresh item to watch it migrate.
 */
export function defineSettingsItem() {
  return storage.defineItem<StoredSettings>(SETTINGS_KEY, {
    fallback: { schemaVersion: SETTINGS_VERSION, ...DEFAULT_SETTINGS },
    version: SETTINGS_VERSION,
    migrations: { 2: migrateV1ToV2 },
  });
}

/** The settings item (WXT storage item, versioned, migrated). Prefer getSettings/saveSettings. */
export const settingsItem = defineSettingsItem();

/**
 * Reads a stored value field by field: a field that fails validation (a hand-edited or newer
 * value) falls back to its default rather than discarding the others.
 */
export function normalizeSettings(stored: unknown): Settings {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const field = <K extends keyof Settings>(key: K): Settings[K] => {
    const parsed = SettingsSchema.shape[key].safeParse(value[key]);
    return parsed.success ? (parsed.data as Settings[K]) : DEFAULT_SETTINGS[key];
  };
  return {
    language: field('language'),
    defaultEmail: field('defaultEmail'),
    attachScreenshotByDefault: field('attachScreenshotByDefault'),
  };
}

/** The current settings, defaults filled in. */
export async function getSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

/** The UI language to use: the chosen one, or the browser's for `'auto'`. Pure. */
export function resolveLocale(language: Settings['language'], browserUiLanguage: string): Locale {
  return language === 'auto' ? pickLocale(browserUiLanguage) : language;
}

/** The browser's UI language, or English where the API is missing (tests, old browsers). */
export function browserUiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

// Every field of the settings has its message in the catalogue, and no other key is there.
const messagesCoverEverySetting: Same<keyof (typeof SETTINGS_MESSAGES)['en']['invalidSetting'], keyof Settings> = true;
void messagesCoverEverySetting;

/** Thrown by saveSettings for invalid input; messages are in the user's language. */
export class SettingsValidationError extends Error {
  override name = 'SettingsValidationError';
  constructor(
    /** One message per invalid field, ready to show next to it. */
    readonly fieldErrors: Partial<Record<keyof Settings, string>>,
    readonly locale: Locale,
    unknownKeys: string[] = [],
  ) {
    const unknown = unknownKeys.map((key) => format(SETTINGS_MESSAGES[locale].unknownSetting, { key }));
    super([...Object.values(fieldErrors), ...unknown].join(' '));
  }
}

const PatchSchema = SettingsSchema.partial().strict();

// Saves are read-modify-write: chain them so two quick changes (a checkbox, then the language)
// cannot overwrite each other.
let saving: Promise<unknown> = Promise.resolve();

/**
 * Validates `patch` and merges it into the stored settings. Rejects with a
 * SettingsValidationError, in the user's language, and stores nothing if any field is invalid.
 */
export function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const run = saving.then(async () => {
    const current = await getSettings();
    const parsed = PatchSchema.safeParse(patch);
    if (!parsed.success) {
      // The language to complain in: the one being chosen if it is valid, else the current one.
      const chosen = LanguageSettingSchema.safeParse((patch as Record<string, unknown>)?.language);
      const locale = resolveLocale(chosen.success ? chosen.data : current.language, browserUiLanguage());
      const fieldErrors: Partial<Record<keyof Settings, string>> = {};
      const unknownKeys: string[] = [];
      for (const issue of parsed.error.issues) {
        if (issue.code === 'unrecognized_keys') unknownKeys.push(...issue.keys);
        const key = issue.path[0];
        if (key === 'language' || key === 'defaultEmail' || key === 'attachScreenshotByDefault') {
          fieldErrors[key] = SETTINGS_MESSAGES[locale].invalidSetting[key];
        }
      }
      throw new SettingsValidationError(fieldErrors, locale, unknownKeys);
    }
    const next: Settings = { ...current, ...parsed.data };
    await settingsItem.setValue({ schemaVersion: SETTINGS_VERSION, ...next });
    return next;
  });
  saving = run.catch(() => {});
  return run;
}
