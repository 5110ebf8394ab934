import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ScreenshotEditor } from './screenshot-editor';
import { FullPageProgress } from './full-page-progress';
import { addedNotice, cutNotice, refusalNotice, tooManyNotice } from './screenshot-notices';
import type { FormScreenshot } from '../../utils/screenshots/screenshot-list';
import { ScreenshotPanel } from './screenshot-panel';

const shots: FormScreenshot[] = [
  {
    id: 'one',
    blob: new Blob(['x']),
    meta: { source: 'visible', type: 'image/jpeg', width: 1280, height: 800, bytes: 250_000, edited: false },
  },
  {
    id: 'two',
    blob: new Blob(['y']),
    meta: { source: 'attachment', type: 'image/png', width: 640, height: 480, bytes: 1_572_864, edited: true },
  },
];
const panel = (locale: 'fr' | 'en', over: Partial<Parameters<typeof ScreenshotPanel>[0]> = {}) =>
  renderToStaticMarkup(createElement(ScreenshotPanel, { screenshots: shots, onChange: () => {}, locale, ...over }));

describe('ScreenshotPanel markup', () => {
  it('lists each screenshot with alt text, size and labelled Edit/Remove buttons', () => {
    const html = panel('en');
    expect(html).toContain('alt="Screenshot 1: visible part of the page"');
    expect(html).toContain('alt="Screenshot 2: attached image"');
    expect(html).toContain('1280×800 · 244\u00a0KB');
    expect(html).toContain('640×480 · 1.5\u00a0MB · marked up');
    expect(html).toContain('aria-label="Edit screenshot 2"');
    expect(html).toContain('aria-label="Remove screenshot 1"');
    expect(html).toContain('(2 of 6)');
  });

  it('has a real file input named by a visible label, and live regions for status and refusals', () => {
    const html = panel('en');
    const input = /<input id="([^"]+)"[^>]*type="file"[^>]*>/.exec(html);
    expect(input?.[0]).toContain('accept="image/png,image/jpeg,image/webp"');
    expect(html).toContain(`<label for="${input![1]}" class="shots-button shots-file__label">Add an image</label>`);
    expect(html).toMatch(/<p role="status"[^>]*data-testid="screenshot-status"/);
    expect(html).toMatch(/<p role="alert"[^>]*data-testid="screenshot-error"/);
  });

  it('speaks French, shows the full-page button when asked, and in the popup adds images through a window', () => {
    const html = panel('fr', { onCaptureFullPage: async () => ({ error: 'x' }), inToolbarPopup: true, onOpenInWindow: () => {} });
    // No file picker in the toolbar popup (it can close it): the button moves the form to a window.
    expect(html).toMatch(/<button type="button" class="shots-button" aria-describedby="[^"]+">Ajouter une image<\/button>/);
    expect(html).not.toContain('type="file"');
    expect(html).toContain('Ouvre ce formulaire dans sa propre fenêtre, avec ce que vous avez écrit');
    expect(html).toContain('Capturer la page entière');
    expect(html).toContain('aria-label="Modifier la capture 1"');
    expect(html).toContain('1,5\u00a0Mo');
    const plain = panel('en');
    expect(plain).not.toContain('Capture the whole page');
    expect(plain).not.toContain('toolbar popup');
    expect(panel('en', { screenshots: [] })).toContain('No screenshot attached.');
  });
});

describe('whole-page capture on the form', () => {
  it('marks a cut capture on its thumbnail, in the locale', () => {
    const cut: FormScreenshot = {
      id: 'full',
      blob: new Blob(['z']),
      meta: {
        source: 'fullpage',
        type: 'image/jpeg',
        width: 1280,
        height: 8000,
        bytes: 900_000,
        edited: false,
        cut: { capturedPx: 8000, pagePx: 140_359 },
      },
    };
    expect(panel('en', { screenshots: [cut] })).toContain('1280×8000 · 879\u00a0KB · cut at 8,000 of 140,359 px');
    expect(panel('fr', { screenshots: [cut] })).toContain('coupée à 8\u202f000 sur 140\u202f359 px');
  });

  it('says where the page was cut, and nothing when it was whole', () => {
    expect(cutNotice('en', { capturedPx: 8000, pagePx: 27_136 })).toBe(
      'The page is 27,136 px tall: the image shows its top 8,000 px and is cut there.',
    );
    expect(cutNotice('en', undefined)).toBe('');
  });

  it('shows a labelled progress bar with the stage and a Cancel button while it runs', () => {
    const html = renderToStaticMarkup(
      createElement(FullPageProgress, { progress: { fraction: 0.62, stage: 'drawing' }, locale: 'en', onCancel: () => {} }),
    );
    expect(html).toContain('<progress max="100" value="62" aria-label="Whole-page capture">');
    expect(html).toContain('62 % · Drawing the image…');
    expect(html).toContain('>Cancel the capture</button>');
  });
});

describe('ScreenshotEditor markup', () => {
  it('is a labelled modal dialog with pressed-state tools, a keyboard hint and a focusable canvas', () => {
    const html = renderToStaticMarkup(
      createElement(ScreenshotEditor, { screenshot: shots[0]!, position: 1, locale: 'en', onSave: () => {}, onCancel: () => {} }),
    );
    const titleId = /<h2 id="([^"]+)"/.exec(html)![1];
    expect(html).toMatch(new RegExp(`<dialog class="shots-editor" aria-modal="true" aria-labelledby="${titleId}"`));
    expect(html).toContain('>Mark up screenshot 1</h2>');
    expect(html).toContain('aria-pressed="true">Highlight box</button>');
    expect(html).toContain('aria-pressed="false">Black out</button>');
    expect(html).toContain('Enter keeps it, Delete drops it. Escape closes without saving.');
    expect(html).toMatch(
      /<canvas[^>]*tabindex="0"[^>]*role="application"[^>]*aria-label="Screenshot being marked up. Tool: Highlight box."/,
    );
    expect(html).toContain('>Save</button>');
  });
});

describe('screenshot notices', () => {
  it('name the refused file, or say which kind of thing it was when it has no name', () => {
    expect(refusalNotice('en', 'type', 'notes.png')).toBe('notes.png is not a PNG, JPEG or WebP image, so it was not attached.');
    expect(refusalNotice('en', 'type', '')).toBe('This file is not a PNG, JPEG or WebP image, so it was not attached.');
    expect(refusalNotice('fr', 'unreadable', '')).toBe("Cette image n'a pas pu être lue : elle n'a pas été jointe.");
    expect(refusalNotice('en', 'count', 'x.png')).toBe(tooManyNotice('en'));
    expect(tooManyNotice('fr')).toContain('6');
  });

  it('write the limits with the one byte formatter', () => {
    expect(refusalNotice('fr', 'size', 'big.png')).toBe(
      'big.png est trop lourde pour être jointe (plus de 20\u00a0Mo, ou impossible à réduire sous 4\u00a0Mo). Recadrez-la sur la partie qui montre le problème, ou faites une capture d’une zone plus petite, puis ajoutez-la de nouveau.',
    );
    expect(addedNotice('en', 1, true)).toBe('Image added. It was larger than 4\u00a0MB, so it was reduced to fit.');
  });

  it('count added images with the locale’s plural', () => {
    expect(addedNotice('en', 1, false)).toBe('Image added.');
    expect(addedNotice('en', 3, false)).toBe('3 images added.');
    expect(addedNotice('fr', 2, false)).toBe('2 images ajoutées.');
  });
});
