/**
 * The screenshots panel alone, on an extension page of a copy of the e2e build (see
 * lab-extension.ts): the component can be driven before the form integrates it, and nothing
 * of this reaches a real build. `?locale=fr` switches the language.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ScreenshotPanel } from '../../../components/screenshots/screenshot-panel';
import type { FormScreenshot } from '../../../utils/screenshots/screenshot-list';

declare global {
  interface Window {
    /** The panel's current list, for the test to read. */
    labShots: FormScreenshot[];
  }
}

/** A 1600×1000 PNG "capture" with gradients, stripes and text: every region looks different. */
async function makeCapture(): Promise<FormScreenshot> {
  const canvas = new OffscreenCanvas(1600, 1000);
  const ctx = canvas.getContext('2d')!;
  const gradient = ctx.createLinearGradient(0, 0, 1600, 1000);
  gradient.addColorStop(0, '#f6d365');
  gradient.addColorStop(1, '#3a7bd5');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, 1600, 1000);
  for (let x = 0; x < 1600; x += 40) {
    ctx.fillStyle = `hsl(${(x / 1600) * 360} 70% 60%)`;
    ctx.fillRect(x, 0, 12, 1000);
  }
  ctx.fillStyle = '#111';
  ctx.font = '48px sans-serif';
  ctx.fillText('marie.dupont@example.com — card 4970 1012 3456 7890', 80, 500);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return {
    id: crypto.randomUUID(),
    blob,
    meta: { source: 'visible', type: 'image/png', width: 1600, height: 1000, bytes: blob.size, edited: false },
  };
}

/** `?fullpage=1`: a "Full page" button whose first capture works and whose second falls back. */
let fullPageCalls = 0;
async function captureFullPage(): Promise<FormScreenshot | { error: string }> {
  fullPageCalls += 1;
  if (fullPageCalls > 1) return { error: 'page too tall' };
  const shot = await makeCapture();
  return { ...shot, meta: { ...shot.meta, source: 'fullpage' } };
}

function Lab({ initial, locale }: { initial: FormScreenshot[]; locale: 'fr' | 'en' }) {
  const [shots, setShots] = useState(initial);
  window.labShots = shots;
  const withFullPage = new URLSearchParams(location.search).has('fullpage');
  return (
    <main style={{ padding: 16, maxWidth: 720 }}>
      <h1 style={{ fontSize: '1.2rem' }}>Screenshot lab</h1>
      <ScreenshotPanel
        screenshots={shots}
        onChange={setShots}
        locale={locale}
        onCaptureFullPage={withFullPage ? captureFullPage : undefined}
      />
    </main>
  );
}

const locale = new URLSearchParams(location.search).get('locale') === 'fr' ? 'fr' : 'en';
document.documentElement.lang = locale;
void makeCapture().then((capture) => {
  window.labShots = [capture];
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Lab initial={[capture]} locale={locale} />
    </StrictMode>,
  );
});
