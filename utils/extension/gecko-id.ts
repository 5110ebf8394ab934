/**
 * The Firefox add-on's id (`browser_specific_settings.gecko.id`), which Firefox requires for
 * Manifest V3 and addons.mozilla.org keeps for the add-on's life. A module of its own, without
 * imports, so that wxt.config.ts (Node) and the Firefox tests read the same value.
 */
export const GECKO_ID = 'support@osortoo.com';
