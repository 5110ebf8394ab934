/**
 * The sentences the panel announces after adding images, filled from the catalogue: refusals
 * with the file's name and the limits (written by formatBytes, like the thumbnails' sizes).
 */
import { LIMITS } from '../../utils/contract/limits';
import type { Locale, ScreenshotMeta } from '../../utils/contract/schemas';
import { format, formatBytes, plural } from '../../utils/i18n/format';
import { SCREENSHOT_MESSAGES } from '../../utils/i18n/screenshots';
import { MAX_INPUT_BYTES, type RefusalReason } from '../../utils/screenshots/read-image-file';

/** "You can attach at most 6 images…". */
export function tooManyNotice(locale: Locale): string {
  return format(SCREENSHOT_MESSAGES[locale].refused.count, { max: LIMITS.screenshots });
}

/** Why the file `name` (empty for a pasted image) was not attached. */
export function refusalNotice(locale: Locale, reason: RefusalReason, name: string): string {
  const t = SCREENSHOT_MESSAGES[locale];
  if (reason === 'count') return tooManyNotice(locale);
  const sizes = { max: formatBytes(MAX_INPUT_BYTES, locale), limit: limitText(locale) };
  return format(t.refused[reason], { name: name || t.unnamed[reason], ...sizes });
}

/** "2 images added.", and that one was reduced to fit when it was. */
export function addedNotice(locale: Locale, added: number, reduced: boolean): string {
  const t = SCREENSHOT_MESSAGES[locale];
  return plural(locale, t.added, added) + (reduced ? ` ${format(t.reduced, { limit: limitText(locale) })}` : '');
}

/** A cut's two heights written the locale's way (8,000 / 8 000). */
export function formatCut(cut: NonNullable<ScreenshotMeta['cut']>, locale: Locale): { captured: string; page: string } {
  const numbers = new Intl.NumberFormat(locale);
  return { captured: numbers.format(cut.capturedPx), page: numbers.format(cut.pagePx) };
}

/** "The page is 140,359 px tall: the image shows its top 8,000 px…", or nothing when it was not cut. */
export function cutNotice(locale: Locale, cut: ScreenshotMeta['cut']): string {
  return cut ? format(SCREENSHOT_MESSAGES[locale].fullPageCut, formatCut(cut, locale)) : '';
}

const limitText = (locale: Locale) => formatBytes(LIMITS.screenshotBytes, locale);
