import { useEffect, useState } from 'react';
import { getSettings, normalizeSettings, settingsItem, type Settings } from '../../utils/extension/settings';

/**
 * The current settings, live: re-renders when they change anywhere (options page, another
 * window). `undefined` until the first read, so callers can avoid flashing defaults.
 */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let live = true;
    // A change seen by the watcher is newer than the first read; never let the read overwrite it.
    let changed = false;
    const unwatch = settingsItem.watch((value) => {
      changed = true;
      if (live) setSettings(normalizeSettings(value));
    });
    void getSettings().then((value) => {
      if (live && !changed) setSettings(value);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return settings;
}
