/**
 * storage.local key that development and e2e builds read to reach an API on another port
 * (utils/extension/build-config.ts). Alone in its module because Node writes it too: the e2e
 * harness and the benchmark, run outside Vite, point a build at the API they started, and
 * must not load the module that reads the build's values.
 */
export const DEV_API_URL_KEY = 'devApiUrl';
