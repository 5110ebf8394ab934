/**
 * Renders the contract's published schemas as JSON Schema files for docs/.
 * `npm run contract` writes them; utils/contract/schemas.test.ts fails when the committed ones are stale.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PUBLISHED_SCHEMAS } from '../utils/contract/schemas';

export const DOCS_DIR = fileURLToPath(new URL('../docs/', import.meta.url));

/** File name → file text, one JSON Schema per published schema. */
export function renderJsonSchemas(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, schema] of Object.entries(PUBLISHED_SCHEMAS)) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    files[`${name}.schema.json`] = `${JSON.stringify({ $id: `https://osortoo-support/schemas/${name}.schema.json`, ...json }, null, 2)}\n`;
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(DOCS_DIR, { recursive: true });
  for (const [file, text] of Object.entries(renderJsonSchemas())) {
    writeFileSync(`${DOCS_DIR}${file}`, text);
    console.log(`wrote docs/${file}`);
  }
}
