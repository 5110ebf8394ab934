/**
 * BUILD.md of the sources zip (scripts/release-zip.ts): how an addons.mozilla.org reviewer
 * rebuilds the submitted Firefox zip from the sources, byte for byte.
 */
export function buildInstructions({ apiUrl, firefoxZip, version }: { apiUrl: string; firefoxZip: string; version: string }): string {
  const env = apiUrl ? `SUPPORT_API_URL=${apiUrl} ` : '';
  return `# Osortoo Support ${version}: building the Firefox add-on from these sources

The add-on is written in TypeScript and React and bundled with WXT (Vite). Nothing in the
submitted zip is minified by hand or generated outside this build.

## Requirements

- Linux, macOS or Windows (the release is built on Debian 12);
- Node.js 20 (20.19 or later) and the npm that comes with it;
- network access to the npm registry (\`npm ci\` installs the exact versions of \`package-lock.json\`).

## Steps

\`\`\`sh
npm ci
${env}npx wxt build -b firefox --mv3
\`\`\`

The add-on is then in \`.output/firefox-mv3/\`: its files are those of \`${firefoxZip}\`.
${apiUrl ? `\`SUPPORT_API_URL\` is the address of Osortoo's support API this release talks to; it is compiled into the code.` : 'This release was built without SUPPORT_API_URL (a rehearsal): the placeholder address is compiled in.'}
To make the zip itself: \`${env}npx wxt zip -b firefox --mv3\` (it lands in \`.output/\`).
`;
}
