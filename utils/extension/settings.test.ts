import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  SettingsValidationError,
  defineSettingsItem,
  getSettings,
  migrateV1ToV2,
  normalizeSettings,
  resolveLocale,
  saveSettings,
  settingsItem,
  type Settings,
} from './settings';

/** Where WXT keeps `local:settings` and its meta in storage.local. */
const seed = (value: unknown, version?: number) => {
  const items: Record<string, unknown> = version === undefined ? { settings: value } : { settings: value, settings$: { v: version } };
  return fakeBrowser.storage.local.set(items);
};
const raw = async () =>
  (await fakeBrowser.storage.local.get(['settings', 'settings$'])) as { settings?: unknown; settings$?: { v?: number } };

function uiLanguage(language: string) {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(language);
}

beforeEach(() => {
  fakeBrowser.reset();
  uiLanguage('en-US');
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('defaults', () => {
  it('are automatic language, no e-mail, screenshot attached, when nothing is stored', async () => {
    expect(await getSettings()).toEqual({ language: 'auto', defaultEmail: '', attachScreenshotByDefault: true });
  });

  it('fill in a field that is missing or invalid without discarding the others', () => {
    expect(normalizeSettings({ schemaVersion: 2, language: 'fr', defaultEmail: 'not an e-mail' })).toEqual({
      language: 'fr',
      defaultEmail: '',
      attachScreenshotByDefault: true,
    });
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('a fresh install stores the current version with the first save', async () => {
    const item = defineSettingsItem();
    await item.setValue({ schemaVersion: SETTINGS_VERSION, ...DEFAULT_SETTINGS, language: 'en' });
    expect((await raw()).settings$).toEqual({ v: SETTINGS_VERSION });
  });
});

describe('saveSettings', () => {
  it('merges a patch, stores it with its schema version, and returns the whole settings', async () => {
    expect(await saveSettings({ language: 'fr' })).toEqual({ language: 'fr', defaultEmail: '', attachScreenshotByDefault: true });
    expect(await saveSettings({ defaultEmail: '  marie@example.com ' })).toEqual({
      language: 'fr',
      defaultEmail: 'marie@example.com',
      attachScreenshotByDefault: true,
    });
    expect((await raw()).settings).toEqual({
      schemaVersion: 2,
      language: 'fr',
      defaultEmail: 'marie@example.com',
      attachScreenshotByDefault: true,
    });
    expect(await getSettings()).toEqual({ language: 'fr', defaultEmail: 'marie@example.com', attachScreenshotByDefault: true });
  });

  it('accepts an empty e-mail (no default)', async () => {
    await saveSettings({ defaultEmail: 'marie@example.com' });
    expect((await saveSettings({ defaultEmail: '' })).defaultEmail).toBe('');
  });

  it('keeps both of two quick saves made without awaiting', async () => {
    await Promise.all([saveSettings({ attachScreenshotByDefault: false }), saveSettings({ language: 'en' })]);
    expect(await getSettings()).toEqual({ language: 'en', defaultEmail: '', attachScreenshotByDefault: false });
  });

  it('rejects an invalid e-mail in English for an English browser, and stores nothing', async () => {
    await saveSettings({ defaultEmail: 'marie@example.com' });
    const error = await saveSettings({ defaultEmail: 'marie@' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsValidationError);
    const failure = error as SettingsValidationError;
    expect(failure.locale).toBe('en');
    expect(failure.fieldErrors.defaultEmail).toMatch(/valid e-mail address/);
    expect(failure.message).toMatch(/valid e-mail address/);
    expect((await getSettings()).defaultEmail).toBe('marie@example.com');
  });

  it('speaks French when the browser is French and the language is automatic', async () => {
    uiLanguage('fr-FR');
    const error = (await saveSettings({ defaultEmail: 'pas une adresse' }).catch((e: unknown) => e)) as SettingsValidationError;
    expect(error.locale).toBe('fr');
    expect(error.fieldErrors.defaultEmail).toMatch(/adresse e-mail valide/);
  });

  it('speaks the chosen language over the browser’s', async () => {
    uiLanguage('fr-FR');
    await saveSettings({ language: 'en' });
    const error = (await saveSettings({ defaultEmail: 'x' }).catch((e: unknown) => e)) as SettingsValidationError;
    expect(error.locale).toBe('en');
  });

  it('rejects a bad language, a non-boolean and an unknown key, field by field', async () => {
    const bad = { language: 'de', attachScreenshotByDefault: 'yes', colour: 'blue' } as unknown as Partial<Settings>;
    const error = (await saveSettings(bad).catch((e: unknown) => e)) as SettingsValidationError;
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['attachScreenshotByDefault', 'language']);
    expect(error.message).toMatch(/Unknown setting: colour/);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('resolveLocale', () => {
  it('follows the browser for auto, French for any French variant, English otherwise', () => {
    expect(resolveLocale('auto', 'fr')).toBe('fr');
    expect(resolveLocale('auto', 'fr-CA')).toBe('fr');
    expect(resolveLocale('auto', 'en-GB')).toBe('en');
    expect(resolveLocale('auto', 'de')).toBe('en');
  });
  it('lets an explicit choice win over the browser', () => {
    expect(resolveLocale('en', 'fr-FR')).toBe('en');
    expect(resolveLocale('fr', 'en-US')).toBe('fr');
  });
});

describe('migration v1 → v2', () => {
  it('renames lang/email, maps null to auto, and turns the screenshot on (pure function)', () => {
    expect(migrateV1ToV2({ lang: 'fr', email: 'marie@example.com' })).toEqual({
      schemaVersion: 2,
      language: 'fr',
      defaultEmail: 'marie@example.com',
      attachScreenshotByDefault: true,
    });
    expect(migrateV1ToV2({ lang: null, email: '' })).toMatchObject({ language: 'auto', defaultEmail: '' });
    // A damaged v1 value still migrates, to defaults for what cannot be read.
    expect(migrateV1ToV2({ lang: 'de', email: 'nope' })).toMatchObject({ language: 'auto', defaultEmail: '' });
  });

  it('runs in storage when a v1 value is found, and records version 2', async () => {
    await seed({ lang: 'en', email: 'paul@example.com' }, 1);
    const item = defineSettingsItem();
    expect(await item.getValue()).toEqual({
      schemaVersion: 2,
      language: 'en',
      defaultEmail: 'paul@example.com',
      attachScreenshotByDefault: true,
    });
    expect(await raw()).toEqual({
      settings: { schemaVersion: 2, language: 'en', defaultEmail: 'paul@example.com', attachScreenshotByDefault: true },
      settings$: { v: 2 },
    });
  });

  it('treats a value without version meta as v1 (WXT’s rule for the first version)', async () => {
    await seed({ lang: null, email: 'marie@example.com' });
    await defineSettingsItem().getValue();
    expect((await raw()).settings).toMatchObject({ language: 'auto', defaultEmail: 'marie@example.com' });
  });

  it('keeps a value that already says it is v2 even when its version meta is missing', async () => {
    const v2 = { schemaVersion: 2, language: 'fr', defaultEmail: 'marie@example.com', attachScreenshotByDefault: false };
    await seed(v2);
    expect(await defineSettingsItem().getValue()).toEqual(v2);
    expect((await raw()).settings$).toEqual({ v: 2 });
  });

  it('leaves a current v2 value untouched', async () => {
    const v2 = { schemaVersion: 2, language: 'fr', defaultEmail: '', attachScreenshotByDefault: false };
    await seed(v2, 2);
    expect(await defineSettingsItem().getValue()).toEqual(v2);
  });

  it('is what getSettings reads after an upgrade', async () => {
    await seed({ lang: 'fr', email: 'marie@example.com' }, 1);
    await settingsItem.migrate();
    expect(await getSettings()).toEqual({ language: 'fr', defaultEmail: 'marie@example.com', attachScreenshotByDefault: true });
  });
});
