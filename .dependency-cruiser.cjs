/**
 * Import rules: the room table of README's "How it is built", held by a tool (`npm run check:imports`,
 * run by `npm test`) instead of file-header prose. A room is a folder named after where its code
 * runs; each rule below says what one room may not import. Tests (`*.test.ts(x)`, tests/) and
 * scripts/ may reach into any room, but no module, tests included, may take part in a cycle.
 * Type-only imports count too (`tsPreCompilationDeps`): a type import still ties two rooms together.
 */

/** Test files and the tooling around them: exempt from the room rules. */
const TESTS = String.raw`\.test\.tsx?$|^tests/|^scripts/`;
/** The browser extension's own APIs, which a module the Node server imports cannot use. */
const EXTENSION_API = '^node_modules/(wxt|@webext-core|webextension-polyfill|@wxt-dev)/';

/** `from` is room `room` (its own tests excluded); `to` is any of our modules outside `allowed`. */
function room(name, comment, from, allowed) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from, pathNot: TESTS },
    to: { path: '^(utils|components|entrypoints|server)/', pathNot: allowed },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'node-programs-outside-vite',
      comment:
        'scripts/, bench/, server/ and the e2e support run under plain Node (tsx), where import.meta.env does not exist: ' +
        'they must not reach the module that reads the build (utils/extension/build-env.ts).',
      severity: 'error',
      from: { path: '^(scripts|bench|server|tests/e2e/support|tests/fixtures|tests/support)/', pathNot: String.raw`\.test\.tsx?$` },
      to: { path: String.raw`^utils/extension/build-env\.ts$`, reachable: true },
    },
    {
      name: 'no-circular',
      comment: 'Two modules that import each other cannot be understood, tested or moved one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing (the page hook comes from a virtual module of scripts/vite-page-hook.ts).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^virtual:' },
    },
    {
      name: 'page-hook-imports-nothing',
      comment: "utils/page/hook/ runs in the page's MAIN world within 3 KB gzipped: nothing outside its folder, not even a type.",
      severity: 'error',
      from: { path: '^utils/page/hook/', pathNot: TESTS },
      to: { pathNot: '^utils/page/hook/' },
    },
    {
      name: 'content-script-no-scrubber',
      comment:
        'The content scripts (utils/page/ and the *.content entry points) send raw, bounded text; the worker scrubs it ' +
        '(utils/diagnosis/scrub-page-answers.ts). It must not reach the scrubber, even through another module: its time ' +
        "would be the customer's tab's and its bytes the page scripts' budget (canonicalDrawUrl lives apart, in " +
        'utils/contract/draw-link.ts, for that reason).',
      severity: 'error',
      from: { path: String.raw`^utils/page/|^entrypoints/[^/]+\.content/`, pathNot: TESTS },
      to: { path: String.raw`^utils/contract/(scrub\.ts$|scrub/|draw-link\.ts$)`, reachable: true },
    },
    {
      name: 'contract-imports-only-zod',
      comment: 'utils/contract/ is read by the extension and the Node server: its own folder and zod only.',
      severity: 'error',
      from: { path: '^utils/contract/', pathNot: TESTS },
      to: { pathNot: '^utils/contract/|^node_modules/zod/' },
    },
    {
      name: 'shared-rooms-no-extension-api',
      comment: 'contract, response-time, i18n and known-problems run under Node too (the server): no extension API.',
      severity: 'error',
      from: { path: '^utils/(contract|response-time|i18n|known-problems)/', pathNot: TESTS },
      to: { path: EXTENSION_API },
    },
    {
      name: 'shared-rooms-no-node-builtin',
      comment: 'contract, response-time, i18n and known-problems run in the browser too: no Node builtin.',
      severity: 'error',
      from: { path: '^utils/(contract|response-time|i18n|known-problems)/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    room(
      'response-time-room',
      // Its sentences come from the i18n catalogues; both rooms are pure and Node-safe, so the
      // server can phrase a promise (e-mails, acknowledgements) with the same code.
      'utils/response-time/ may import the contract and i18n only.',
      '^utils/response-time/',
      '^utils/(response-time|contract|i18n)/',
    ),
    room(
      'known-problems-room',
      // Support's catalogue and its one matcher: data and pure code that the popup and the server share.
      'utils/known-problems/ may import the contract only.',
      '^utils/known-problems/',
      '^utils/(known-problems|contract)/',
    ),
    room('i18n-room', 'utils/i18n/ may import the contract only.', '^utils/i18n/', '^utils/(i18n|contract)/'),
    room(
      'page-room',
      'utils/page/ (the content script) may import page/hook, the contract and the messaging protocol only.',
      '^utils/page/',
      String.raw`^utils/(page|contract)/|^utils/extension/messaging\.ts$`,
    ),
    room(
      'extension-room',
      'utils/extension/ may import the contract and i18n only.',
      '^utils/extension/',
      '^utils/(extension|contract|i18n)/',
    ),
    room(
      'diagnosis-room',
      'utils/diagnosis/ may import the contract, extension and screenshots only.',
      '^utils/diagnosis/',
      '^utils/(diagnosis|contract|extension|screenshots)/',
    ),
    room(
      'screenshots-room',
      'utils/screenshots/ may import the contract and extension only.',
      '^utils/screenshots/',
      '^utils/(screenshots|contract|extension)/',
    ),
    room(
      'delivery-room',
      'utils/delivery/ may import the contract, response-time, known-problems and extension only.',
      '^utils/delivery/',
      '^utils/(delivery|contract|response-time|known-problems|extension)/',
    ),
    room('form-room', 'utils/form/ (the popup) may import every utils room but page/ and page/hook/.', '^utils/form/', '^utils/(?!page/)'),
    room(
      'components-room',
      'components/ may import components/ and every utils room but page/ and page/hook/.',
      '^components/',
      '^components/|^utils/(?!page/)',
    ),
    room(
      'server-room',
      'server/ (Node) may import the Node-safe rooms only: contract, response-time, i18n, known-problems.',
      '^server/',
      '^server/|^utils/(contract|response-time|i18n|known-problems)/',
    ),
    room(
      'entrypoints-room',
      'An entry point may import utils/, components/ and its own folder, not another entry point.',
      '^entrypoints/([^/]+)/',
      '^utils/|^components/|^entrypoints/$1/',
    ),
    {
      name: 'server-no-extension-api',
      comment: 'server/ runs under Node, where the extension API does not exist.',
      severity: 'error',
      from: { path: '^server/', pathNot: TESTS },
      to: { path: EXTENSION_API },
    },
    {
      name: 'testing-doors-stay-home',
      comment: "An entry point's testing/ folder is the e2e build's door: only that entry point, tests/ and scripts/ may import it.",
      severity: 'error',
      // Between entry points, entrypoints-room already forbids it.
      from: { pathNot: `${TESTS}|^entrypoints/` },
      to: { path: '^entrypoints/[^/]+/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: String.raw`(^|/)\.output|^\.wxt/|^docs/` },
    tsPreCompilationDeps: true,
    // Re-reads only what changed since the last run (npm test runs it every time).
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
