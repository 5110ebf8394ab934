/**
 * Accessibility checks for extension pages: axe-core, plus the basics axe cannot judge from a
 * static DOM (names as Chromium's own accessibility tree exposes them, Tab order, focus ring).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';
export interface Violation {
  id: string;
  impact: Impact | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** What axe exposes on the page once injected (only the part used here). */
declare const axe: {
  run(
    context: Document,
    options: object,
  ): Promise<{
    violations: {
      id: string;
      impact: Impact | null;
      help: string;
      helpUrl: string;
      nodes: { target: unknown[]; html: string; failureSummary?: string }[];
    }[];
  }>;
};

/**
 * Runs axe on the page as it is now. Injected through CDP evaluation: extension pages' CSP
 * forbids the inline <script> that page.addScriptTag({ content }) would add.
 */
export async function runAxe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' '),
        html: n.html.slice(0, 160),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
      })),
    }));
  });
}

/** Serious and critical violations: the ones that fail the suite. */
export const blocking = (violations: Violation[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** A readable report of every violation, whatever its impact, so minor ones get fixed too. */
export function describeViolations(where: string, violations: Violation[]): string {
  if (violations.length === 0) return `[axe] ${where}: no violation`;
  const lines = violations.flatMap((v) => [
    `  ${v.impact ?? 'n/a'} ${v.id}: ${v.help} (${v.helpUrl})`,
    ...v.nodes.map((n) => `      ${n.target}  ${n.html}\n        ${n.summary}`),
  ]);
  return `[axe] ${where}: ${violations.length} violation(s)\n${lines.join('\n')}`;
}

/** Roles a person operates; each needs a name a screen reader can say. */
const CONTROL_ROLES = new Set([
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'checkbox',
  'radio',
  'switch',
  'spinbutton',
  'slider',
  'button',
  'link',
  'menuitem',
  'tab',
]);

/** Controls without an accessible name, read from Chromium's accessibility tree (what assistive tech gets). */
export async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes
      .filter((node) => !node.ignored && CONTROL_ROLES.has(String(node.role?.value)) && !String(node.name?.value ?? '').trim())
      .map((node) => `${String(node.role?.value)} (backend node ${node.backendDOMNodeId})`);
  } finally {
    await cdp.detach();
  }
}

/** Native form fields in the DOM, counted so a test can check the tree above really saw them. */
export const formFieldCount = (page: Page) => page.locator('input:not([type=hidden]), select, textarea').count();

export interface FocusStop {
  element: string;
  /** Focus came from the keyboard, as the browser judges it. */
  focusVisible: boolean;
  /** The focused element draws a ring: an outline of at least 2px, or a box shadow. */
  ringVisible: boolean;
  ring: string;
}

/**
 * Presses Tab until `target` has focus (or `maxStops` presses), recording every stop and whether
 * it showed a focus ring; `reached` is false if the target was never focused.
 */
export async function tabTo(page: Page, target: Locator, maxStops = 40): Promise<{ reached: boolean; stops: FocusStop[] }> {
  await page.bringToFront();
  // Start from the top of the document, as a keyboard user arriving on the page does.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.getSelection()?.removeAllRanges();
  });
  const stops: FocusStop[] = [];
  const handle = await target.elementHandle();
  if (!handle) return { reached: false, stops };
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    // One round trip per stop: the focused element's ring, and whether it is the target.
    const { stop, reached } = await page.evaluate((goal) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { stop: undefined, reached: false };
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
      const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
      const type = (el as HTMLInputElement).type;
      return {
        stop: {
          element: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${type ? `[type=${type}]` : ''} "${label}"`,
          focusVisible: el.matches(':focus-visible'),
          ringVisible: outline || shadow,
          ring: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`,
        },
        reached: el === goal,
      };
    }, handle);
    if (stop) stops.push(stop);
    if (reached) return { reached: true, stops };
  }
  return { reached: false, stops };
}
