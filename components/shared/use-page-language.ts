import { useEffect } from 'react';
import type { Locale } from '../../utils/contract/schemas';

/**
 * Makes an extension page speak `locale`: its `lang` (screen readers pick their voice and
 * browsers their hyphenation from it) and its title follow the language chosen in the options.
 */
export function usePageLanguage(locale: Locale, title: string): void {
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = title;
  }, [locale, title]);
}
