/**
 * Firefox's "technical and interaction data" (browser, device, screen: the ticket's environment)
 * may only be an optional data collection (wxt.config.ts declares it so). The decision, stated
 * in docs/store.md and PRIVACY.md: in Firefox the environment travels only once the customer has
 * granted that permission, through Firefox's own prompt, from the review's button or in the
 * add-on's settings (about:addons); until then the ticket carries a withheld environment (only
 * the extension's version and the online flag, which support needs to read the ticket at all).
 * Chromium has no such category: its environment is shown in the review like every field.
 */
import { browser } from 'wxt/browser';
import type { Environment } from '../contract/schemas';

const TECHNICAL = { data_collection: ['technicalAndInteraction'] };

/** Firefox's permissions API, which knows `data_collection` (Firefox 139 and later). */
type DataCollectionPermissions = {
  contains(request: typeof TECHNICAL): Promise<boolean>;
  request(request: typeof TECHNICAL): Promise<boolean>;
};
const permissions = () => browser.permissions as unknown as DataCollectionPermissions;

/** Whether this build asks the customer for technical data before sending the environment. */
export const ASKS_FOR_TECHNICAL_DATA: boolean = import.meta.env.FIREFOX === true;

/** Whether the environment may travel with the ticket. */
export async function technicalDataAllowed(): Promise<boolean> {
  if (!ASKS_FOR_TECHNICAL_DATA) return true;
  return permissions()
    .contains(TECHNICAL)
    .catch(() => false);
}

/** Firefox's prompt for the optional permission; must run from the customer's click. */
export async function askForTechnicalData(): Promise<boolean> {
  if (!ASKS_FOR_TECHNICAL_DATA) return true;
  return permissions()
    .request(TECHNICAL)
    .catch(() => false);
}

/**
 * The environment without its technical data: nothing about the browser, system, device or
 * screen. The contract's shape stays (empty texts and zero sizes read as "not given").
 */
export function withheldEnvironment(env: Environment): Environment {
  const none = { name: '', version: '' };
  return {
    userAgent: '',
    browser: none,
    engine: none,
    os: none,
    device: { type: 'other' },
    screen: { width: 0, height: 0 },
    viewport: { width: 0, height: 0 },
    devicePixelRatio: 1,
    languages: [],
    timezone: '',
    online: env.online,
    extensionVersion: env.extensionVersion,
  };
}
