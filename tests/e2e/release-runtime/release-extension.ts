/**
 * The release build as a customer runs it, for tests/e2e/release-runtime/: `wxt build` in
 * production mode (no host permission, no fixed key, no test door), pointed at an API on a port
 * chosen before the build, loaded unpacked into Chromium. Without a key, Chromium names an
 * unpacked extension after its folder: the id is computed here and checked against the worker.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtensions } from '../../support/chromium';

/** A port that was free a moment ago on 127.0.0.1 (the build needs it before the API starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Builds the release extension into `outDir`/chrome-mv3 with SUPPORT_API_URL = `apiUrl`. */
export function buildRelease(outDir: string, apiUrl: string): string {
  const result = spawnSync('npx', ['wxt', 'build', '--mode', 'production'], {
    env: { ...process.env, WXT_OUT_DIR: outDir, SUPPORT_API_URL: apiUrl },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`release build failed:\n${result.stdout}\n${result.stderr}`);
  return join(outDir, 'chrome-mv3');
}

/**
 * Chromium's id for an unpacked extension without a key: SHA-256 of the folder's absolute
 * path (symbolic links resolved, as Chromium does), first 32 hex digits mapped 0-f → a-p.
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/** Chromium with the given unpacked extensions, each with its computed id, checked against its worker. */
export async function launchWith(userDataDir: string, dirs: string[]): Promise<{ context: BrowserContext; ids: string[] }> {
  const context = await launchWithExtensions(userDataDir, dirs);
  const ids = dirs.map(unpackedExtensionId);
  for (const id of ids) {
    const ours = (w: { url(): string }) => w.url().startsWith(`chrome-extension://${id}/`);
    if (!context.serviceWorkers().some(ours)) {
      await context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 }).catch(() => {
        const seen = context.serviceWorkers().map((w) => w.url());
        throw new Error(`no service worker for the computed id ${id}; workers: ${seen.join(', ')}`);
      });
    }
  }
  return { context, ids };
}

/** An outbox record as the extension keeps it (utils/delivery/outbox.ts), screenshots left out. */
export interface OutboxView {
  key: string;
  state: string;
  attempts: number;
  nextAttemptAt: number;
  updatedAt: number;
  description: string;
  lastError?: { code: string; status?: number };
}

/**
 * The extension's outbox, read from one of its own pages (same origin, same IndexedDB): the
 * release build has no test door, so the test reads the database the worker writes.
 */
export function readOutbox(page: Page): Promise<OutboxView[]> {
  return page.evaluate(
    () =>
      new Promise<OutboxView[]>((resolve, reject) => {
        const open = indexedDB.open('osortoo-support');
        let created = false;
        // Never create the database here: the extension's own upgrade would then not run.
        open.onupgradeneeded = () => {
          created = true;
          open.transaction?.abort();
        };
        open.onerror = () => (created ? resolve([]) : reject(open.error));
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains('outbox')) {
            database.close();
            resolve([]);
            return;
          }
          const all = database.transaction('outbox').objectStore('outbox').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            database.close();
            resolve(
              (all.result as (OutboxView & { ticket: { description: string } })[]).map((r) => ({
                key: r.key,
                state: r.state,
                attempts: r.attempts,
                nextAttemptAt: r.nextAttemptAt,
                updatedAt: r.updatedAt,
                description: r.ticket.description,
                lastError: r.lastError,
              })),
            );
          };
        };
      }),
  );
}

/** The real form, opened as an extension page (not about a draw tab: a general ticket), once filled in. */
export async function openGeneralForm(context: BrowserContext, id: string): Promise<Page> {
  const form = await context.newPage();
  await form.goto(`chrome-extension://${id}/popup.html`);
  // Filled (diagnosis and draft in) before typing, or the draft's arrival would undo the typing.
  await form.locator('form.support-form[aria-busy="false"]').waitFor();
  return form;
}

/** Files a general ticket from an open form: description and e-mail, the review, Send. */
export async function sendFrom(form: Page, description: string): Promise<Page> {
  await form.getByLabel('Category').selectOption('other');
  await form.getByLabel('Description').fill(description);
  await form.getByLabel('E-mail').fill('marie@example.com');
  await form.getByRole('button', { name: 'Review before sending', exact: true }).click();
  await form.getByRole('button', { name: 'Send to support', exact: true }).click();
  await form.getByTestId('delivery-status').waitFor();
  return form;
}
