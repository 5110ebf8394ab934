/**
 * Test-only door into the worker's outbox (`__osortooTest.outbox`, see test-doors.d.ts), opened
 * in the e2e build only by worker-doors.ts.
 *
 * The fault-matrix e2e test files ~50 tickets; typing each into the form would take minutes.
 * It drives the real form for some tickets and queues the rest here, through the same
 * `enqueue` the form calls and with screenshots from the real `captureTab` path (or, to get
 * distinct bytes cheaply, images drawn here), then reads back what the outbox holds so the test
 * can compare the API's bytes with the queued ones.
 */
import { enqueue, allRecords } from '../../../utils/delivery/outbox';
import { DELIVERY } from '../../../utils/delivery/retry-policy';
import type { ScreenshotMeta } from '../../../utils/contract/schemas';
import type { OutboxDoor, TestShot } from './outbox-door-shape';
import { captureTab } from '../capture';
import type { Delivery } from '../outbox-delivery';

async function sha256(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function shotBlob(shot: TestShot): Promise<Blob> {
  if ('capture' in shot) {
    const result = await captureTab(shot.capture);
    if (!result.ok) throw new Error(`capture failed: ${result.reason} ${result.detail ?? ''}`);
    return (await fetch(result.dataUrl)).blob();
  }
  const canvas = new OffscreenCanvas(360, 120);
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#f1ecfd';
  g.fillRect(0, 0, 360, 120);
  g.fillStyle = '#5b2bd6';
  g.font = '20px sans-serif';
  g.fillText(shot.label, 12, 64);
  return canvas.convertToBlob({ type: 'image/png' });
}

/** The door into `loop`, the worker's delivery loop. */
export function outboxDoor(loop: Delivery): OutboxDoor {
  return {
    timeoutMs: DELIVERY.timeoutMs,
    async enqueue(ticket, shots) {
      const blobs: Blob[] = [];
      for (const shot of shots) blobs.push(await shotBlob(shot));
      const screenshots: ScreenshotMeta[] = [];
      for (const [index, blob] of blobs.entries()) {
        const bitmap = await createImageBitmap(blob);
        screenshots.push({
          index,
          source: 'visible',
          type: blob.type as ScreenshotMeta['type'],
          width: bitmap.width,
          height: bitmap.height,
          bytes: blob.size,
          edited: false,
        });
        bitmap.close();
      }
      await enqueue({ ...ticket, screenshots }, blobs);
      void loop.flush();
      return { key: ticket.idempotencyKey, sha256: await Promise.all(blobs.map(sha256)) };
    },
    async records() {
      return Promise.all(
        (await allRecords()).map(async (r) => ({
          key: r.key,
          state: r.state,
          attempts: r.attempts,
          lastError: r.lastError,
          sha256: await Promise.all(r.screenshots.map(sha256)),
        })),
      );
    },
    flush: () => loop.flush(),
    retryNow(key) {
      void loop.retryNow(key);
    },
  };
}
