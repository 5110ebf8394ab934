import { useEffect, useState } from 'react';
import { builtinStatus } from '../../utils/response-time/schedule';
import { STATUS_REFRESH_MS } from '../../utils/extension/build-env';
import { watchSupportStatus, type LoadedSupportStatus } from '../../utils/delivery/support-status';

/**
 * Support's status for an open form: the built-in one on the very first render (storage is
 * asynchronous, so nothing else is available synchronously), the cached one a moment later,
 * then the live one when the API answers, re-fetched every `intervalMs` (a minute) while
 * mounted so a support mode change shows up without reloading the extension.
 */
export function useSupportStatus(apiBaseUrl: string, intervalMs = STATUS_REFRESH_MS): LoadedSupportStatus {
  const [loaded, setLoaded] = useState<LoadedSupportStatus>(() => ({ status: builtinStatus(new Date()), source: 'builtin' }));
  useEffect(() => watchSupportStatus(apiBaseUrl, setLoaded, { intervalMs }), [apiBaseUrl, intervalMs]);
  return loaded;
}
