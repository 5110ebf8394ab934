/**
 * Every UI string lives in a catalogue of this folder (one per feature), each exporting
 * `{ en, fr }`. This test finds them all by themselves, so a new catalogue is checked without
 * being registered, and holds the rules that keep French and English in step:
 * - the same keys in both languages, no empty string, the same `{placeholders}`;
 * - one fill-in style: plain strings and `{ one, other }` plural forms only, never functions;
 * - no key that no code reads (a text search of the extension's and the server's source outside this folder).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: unknown };
const catalogues = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts', '!./format.ts'], { eager: true });

/** The catalogues each module exports: objects with an `en` and a `fr` tree. */
const found = Object.entries(catalogues).flatMap(([file, module]) =>
  Object.entries(module)
    .filter(([, value]) => value && typeof value === 'object' && 'en' in value && 'fr' in value)
    .map(([name, value]) => ({ name: `${file.slice(2)} ${name}`, en: (value as { en: Tree }).en, fr: (value as { fr: Tree }).fr })),
);

/** Every leaf of a tree by its path, functions included (so that they can be refused). */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  return [[path, value]];
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const I18N = fileURLToPath(new URL('.', import.meta.url));
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === I18N.replace(/\/$/, '') ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}
const code = ['components', 'entrypoints', 'utils', 'server']
  .flatMap((dir) => sources(join(ROOT, dir)))
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');

describe('UI catalogues', () => {
  it('are found in utils/i18n/', () => {
    expect(found.length).toBeGreaterThan(0);
  });

  for (const catalogue of found) {
    describe(catalogue.name, () => {
      const en = new Map(leaves(catalogue.en));
      const fr = new Map(leaves(catalogue.fr));

      it('has the same keys in French and English', () => {
        expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
      });

      it('holds plain strings with the same placeholders, never empty, never a function', () => {
        for (const [path, text] of en) {
          expect(typeof text, `${path} (en)`).toBe('string');
          expect(typeof fr.get(path), `${path} (fr)`).toBe('string');
          expect((text as string).trim(), path).not.toBe('');
          expect((fr.get(path) as string).trim(), path).not.toBe('');
          expect(placeholders(fr.get(path) as string), path).toEqual(placeholders(text as string));
        }
      });

      it('has no key that no code reads', () => {
        const unused = Object.keys(catalogue.en).filter((key) => !new RegExp(`\\b${key}\\b`).test(code));
        expect(unused, `unused in ${relative(ROOT, I18N)}`).toEqual([]);
      });
    });
  }
});
