// Lint is where the architecture is enforced: imports point down (ui -> sim/api -> engine/index)
// and the engine stays pure (no ambient time, timers, randomness, async or WebCrypto).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const engineOnlyThroughIndex = {
  regex: '(^|/)engine/(?!index$)',
  message: 'Import the engine only through src/engine/index.ts.',
};
const simOnlyThroughApi = {
  regex: '(^|/)sim/(?!api$)',
  message: 'The UI reaches the simulator only through src/sim/api.ts.',
};
const noUi = { regex: '(^|/)ui(/|$)', message: 'Lower layers never import the UI.' };
const noSim = { regex: '(^|/)sim(/|$)', message: 'The engine never imports the simulator.' };
const noUiLibs = {
  regex: '^(react|react-dom|zustand|d3)(/|$)',
  message: 'UI libraries belong in src/ui.',
};
const noEngineFromUi = {
  regex: '(^|/)engine(/|$)',
  message: 'The UI never imports the engine; go through src/sim/api.ts.',
};

const ambientGlobals = [
  'Date', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval',
  'queueMicrotask', 'requestAnimationFrame', 'requestIdleCallback', 'performance', 'crypto',
  'window', 'document', 'self', 'globalThis', 'postMessage', 'Promise', 'fetch', 'process', 'Worker',
].map((name) => ({ name, message: `src/engine is pure and deterministic: no ambient ${name}.` }));

const engineSyntax = [
  { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'Use the seeded Rng, never Math.random.' },
  { selector: 'AwaitExpression', message: 'src/engine is synchronous.' },
  { selector: ':function[async=true]', message: 'src/engine is synchronous.' },
  { selector: ':function[generator=true][async=true]', message: 'src/engine is synchronous.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tests/e2e/screenshots/**', 'tests/bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [noSim, noUi, noUiLibs] }],
      'no-restricted-globals': ['error', ...ambientGlobals],
      'no-restricted-syntax': ['error', ...engineSyntax],
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [engineOnlyThroughIndex, noUi, noUiLibs] }] },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [simOnlyThroughApi, noEngineFromUi] }],
    },
  },
);
