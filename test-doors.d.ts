/**
 * The e2e build's test-only doors, declared once. Headless tests cannot click the toolbar, type
 * fifty tickets or attach to the toolbar's popup, so the e2e build opens doors for them:
 * - `__TEST_DOORS__`, the one build constant: `true` in `wxt build --mode e2e` only (wxt.config.ts's
 *   vite `define`). Every door hangs behind `if (__TEST_DOORS__)`, so the release and development
 *   builds drop the doors' code (tests/e2e/release-build checks both bundles);
 * - `__osortooTest`, the one global name, one property per door. Each context holds its own:
 *   the worker `toolbar` and `outbox` (entrypoints/background/testing/), the form `form`
 *   (entrypoints/popup/testing/). Tests and scripts/bench.ts reach them through Playwright.
 */
import type { OutboxDoor } from './entrypoints/background/testing/outbox-door-shape';
import type { ToolbarDoor } from './entrypoints/background/testing/toolbar-door';
import type { FormDoor } from './entrypoints/popup/testing/form-report';

export interface TestDoors {
  toolbar: ToolbarDoor;
  outbox: OutboxDoor;
  form: FormDoor;
}

declare global {
  /** True in the e2e build only. */
  const __TEST_DOORS__: boolean;
  /** The e2e build's doors; in that build only, and in each context only its own. */
  var __osortooTest: TestDoors;
}
