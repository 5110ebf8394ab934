import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const r = await build({ entryPoints: ['utils/page/hook/entry.ts'], bundle: true, format: 'iife', write: false, minify: true, target: 'chrome110', legalComments: 'none' });
const text = `export default function osortooPageHook(){${r.outputFiles[0].text}}`;
console.log('raw', text.length, 'gz', gzipSync(text, { level: 9 }).length);
