// ESLint: TypeScript rules everywhere, React hooks in the renderer, and the runtime
// boundaries of the folders: shared/ uses neither DOM-only nor Node nor Electron modules,
// renderer/ never imports Node or Electron, and only the Electron shell imports 'electron'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeModules = ['node:*', 'fs', 'path', 'child_process', 'os', 'http', 'net', 'crypto'];

// What shared/ may never import, wherever in it.
const SHARED_BOUNDARIES = [
  {
    group: [...nodeModules, 'electron'],
    message: 'shared/ runs everywhere: no Node or Electron modules.',
  },
  { group: ['**/renderer/**', '**/main/**'], message: 'shared/ depends on nothing above it.' },
];
const YJS_MODULES = ['yjs', 'y-prosemirror', 'y-protocols'];
const YJS_MESSAGE = 'Yjs stays behind the collaboration modules (shared/collab/).';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'build/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      'test/artifacts/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...SHARED_BOUNDARIES, { group: YJS_MODULES, message: YJS_MESSAGE }] },
      ],
    },
  },
  {
    // The one place in shared/ that may use Yjs.
    files: ['shared/collab/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: SHARED_BOUNDARIES }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeModules, 'electron'], message: 'renderer/ is browser code.' },
            {
              group: ['**/main/**'],
              message: 'The renderer reaches main only through the API client.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.{ts,cts}', 'scripts/**/*.ts', 'test/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    // A sandboxed preload is CommonJS and may load nothing but 'electron', with require().
    files: ['main/electron/preload.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/main.ts', 'main/electron/preload.cts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowTypeImports: true,
              message: 'Only the Electron shell imports electron; services stay testable in Node.',
            },
          ],
        },
      ],
    },
  },
);
