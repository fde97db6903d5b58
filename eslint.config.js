// ESLint: TypeScript rules everywhere, React hooks in the renderer, and the boundaries of the
// rooms (docs/ARCHITECTURE.md, "The folders are runtime boundaries"), each a list of what a
// folder may not import (no-restricted-imports; a later entry for a folder replaces an earlier
// one, so each folder's entry holds all of its rules). scripts/lintBoundaries.test.ts shows
// every rule refusing a wrong-way import and letting a right-way one pass.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeModules = ['node:*', 'fs', 'path', 'child_process', 'os', 'http', 'net', 'crypto'];
const TESTS = ['**/*.test.ts', '**/testing/**'];

// What shared/ may never import, wherever in it.
const SHARED_BOUNDARIES = [
  {
    group: [...nodeModules, 'electron'],
    message: 'shared/ runs everywhere: no Node or Electron modules.',
  },
  { group: ['**/renderer/**', '**/main/**'], message: 'shared/ depends on nothing above it.' },
];
const YJS_MODULES = ['yjs', 'y-prosemirror', 'y-protocols', 'y-protocols/*', '@hocuspocus/*'];
const YJS_MESSAGE =
  'Yjs stays behind the Yjs document (shared/ydoc/, shared/comments/, shared/procedure/, shared/session/) and the editor binding.';
const NO_YJS = { group: YJS_MODULES, message: YJS_MESSAGE };
/**
 * The rooms of shared/ that hold or check Yjs state: the document, the comments and the procedure
 * kept beside it, and the session's checks of updates.
 */
const YJS_ROOMS = ['shared/ydoc/', 'shared/comments/', 'shared/procedure/', 'shared/session/'];

/** A pattern refusing imports of the shared/ rooms `rooms` from a room of shared/. */
function sharedRooms(rooms, why) {
  return { group: rooms.map((room) => `**/${room}/**`), message: why };
}

// The layers inside shared/, bottom up: model and the root files (labels, dates, sentences); editor
// (schema, commands, queries, suggestions); export, import, format and print, which read or
// write documents through the editor's queries and not through each other; ydoc (the Yjs
// document and file) with comments (kept in it, beside the text); api (the contract) on top.
const SHARED_LAYERS = {
  'shared/*.ts': [
    sharedRooms(
      [
        'comments',
        'procedure',
        'editor',
        'ydoc',
        'session',
        'export',
        'import',
        'format',
        'print',
        'checks',
        'api',
      ],
      'The root files of shared/ sit with the model, at the bottom.',
    ),
  ],
  'shared/model/**/*.ts': [
    sharedRooms(
      [
        'comments',
        'procedure',
        'editor',
        'ydoc',
        'session',
        'export',
        'import',
        'format',
        'print',
        'checks',
        'api',
      ],
      'shared/model is the bottom layer.',
    ),
  ],
  'shared/editor/**/*.ts': [
    sharedRooms(
      [
        'comments',
        'procedure',
        'ydoc',
        'session',
        'export',
        'import',
        'format',
        'print',
        'checks',
        'api',
      ],
      'shared/editor reads and edits documents; the rooms that use it sit above it.',
    ),
  ],
  'shared/export/**/*.ts': [
    sharedRooms(
      ['comments', 'procedure', 'ydoc', 'session', 'import', 'format', 'print', 'api'],
      "shared/export reads documents through the editor's queries.",
    ),
  ],
  'shared/import/**/*.ts': [
    sharedRooms(
      ['comments', 'procedure', 'ydoc', 'session', 'export', 'format', 'print', 'api'],
      'shared/import builds documents from the model and the editor.',
    ),
  ],
  'shared/format/**/*.ts': [
    sharedRooms(
      ['comments', 'procedure', 'ydoc', 'session', 'export', 'import', 'print', 'api'],
      'shared/format is the file envelope, below the Yjs document.',
    ),
  ],
  'shared/checks/**/*.ts': [
    sharedRooms(
      ['comments', 'procedure', 'ydoc', 'session', 'export', 'import', 'format', 'print', 'api'],
      "shared/checks reads documents through the editor's queries; its callers hand it the rest as plain data.",
    ),
  ],
  'shared/print/**/*.ts': [
    sharedRooms(
      ['comments', 'procedure', 'ydoc', 'session', 'export', 'import', 'format', 'api'],
      "shared/print reads documents through the editor's queries, not through export.",
    ),
  ],
  'shared/ydoc/**/*.ts': [
    sharedRooms(
      ['session', 'print', 'import', 'api'],
      'shared/ydoc (the Yjs document and its file) sits below the session protocol and the contract.',
    ),
  ],
  'shared/comments/**/*.ts': [
    sharedRooms(
      ['session', 'print', 'import', 'export', 'api'],
      'shared/comments (the comments kept in the Yjs document) sits with shared/ydoc, below the session protocol and the contract.',
    ),
  ],
  'shared/procedure/**/*.ts': [
    sharedRooms(
      ['print', 'import', 'export', 'api'],
      'shared/procedure (amendments and moties kept in the Yjs document) sits with shared/ydoc and the session, below the contract.',
    ),
  ],
  'shared/session/**/*.ts': [
    sharedRooms(
      ['print', 'import', 'export', 'format', 'api'],
      'shared/session (invitations, presence, notices, the checks of updates) sits below the API contract.',
    ),
  ],
  'shared/api/**/*.ts': [sharedRooms(['print', 'export', 'import'], 'The contract holds types.')],
};

/** The no-restricted-imports entries of shared/: its boundaries, its layers, Yjs only in ydoc. */
function sharedConfigs() {
  return Object.entries(SHARED_LAYERS).map(([files, layers]) => ({
    files: [files],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...SHARED_BOUNDARIES,
            ...layers,
            ...(YJS_ROOMS.some((room) => files.startsWith(room)) ? [] : [NO_YJS]),
          ],
        },
      ],
    },
  }));
}

// The renderer: browser code that reaches main only through the API client.
const RENDERER_BOUNDARIES = [
  { group: [...nodeModules, 'electron'], message: 'renderer/ is browser code.' },
  { group: ['**/main/**'], message: 'The renderer reaches main only through the API client.' },
];
// The renderer files that bind the editor to Yjs and the session provider: the only ones that
// may import Yjs (tests and their support too).
const RENDERER_YJS = [
  'renderer/editor/yjsBinding.ts',
  'renderer/editor/merges/**',
  'renderer/editor/pendingUpdates.ts',
  'renderer/liveSession/**',
];
const NO_UI = {
  group: ['**/dialogs/**', '**/components/**', '**/help/**', '*.tsx', '**/*.tsx'],
  message:
    'State (documents/, liveSession/, window/) does not import the UI; the UI subscribes to it.',
};
const NO_COMPONENTS_IN_HELP = {
  group: ['**/components/**'],
  message: 'help/ and components/ do not import each other (App puts them together).',
};
const NO_HELP_IN_COMPONENTS = {
  group: ['**/help/**'],
  message: 'help/ and components/ do not import each other (App puts them together).',
};

const NO_PANELS_IN_CONTROLS = {
  group: ['**/components/**', '**/help/**', '**/dialogs/**'],
  message: 'controls/ holds what components/, help/ and dialogs/ share; it imports none of them.',
};

/** The no-restricted-imports entries of renderer/, per room. */
function rendererConfigs() {
  const entry = (files, patterns, ignores = []) => ({
    files,
    ignores: [...TESTS, ...ignores],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...RENDERER_BOUNDARIES, ...patterns] }],
    },
  });
  return [
    entry(['renderer/**/*.{ts,tsx}'], [NO_YJS], RENDERER_YJS),
    entry(RENDERER_YJS, []),
    entry(['renderer/documents/**/*.ts', 'renderer/liveSession/**/*.ts'], [NO_UI]),
    entry(['renderer/window/**/*.ts'], [NO_UI, NO_YJS]),
    entry(['renderer/documents/**/*.ts'], [NO_UI, NO_YJS]),
    entry(['renderer/help/**/*.{ts,tsx}'], [NO_YJS, NO_COMPONENTS_IN_HELP]),
    entry(['renderer/components/**/*.{ts,tsx}'], [NO_YJS, NO_HELP_IN_COMPONENTS]),
    entry(['renderer/controls/**/*.{ts,tsx}'], [NO_YJS, NO_PANELS_IN_CONTROLS]),
  ];
}

// main/: the Node side. Nothing in it imports the renderer; main/services (files, journal,
// PDF, preferences) sits below the rooms that use it (the API handlers, the sync server, the
// shells, the CLI).
const MAIN_BOUNDARIES = [
  { group: ['**/renderer/**'], message: 'main/ never imports the renderer.' },
];
const SERVICES_BELOW = {
  group: ['api', 'syncServer', 'electron', 'host', 'cli', 'web'].flatMap((room) => [
    `../${room}/*`,
    `../../${room}/*`,
  ]),
  message: 'main/services sits below the rooms that use it.',
};

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
  ...sharedConfigs(),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...rendererConfigs(),
  {
    files: ['main/**/*.{ts,cts}', 'scripts/**/*.ts', 'test/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Tests may meet both sides (rendererClient.test.ts runs the renderer's client on main's
    // IPC handlers).
    files: ['main/**/*.{ts,cts}'],
    ignores: ['main/services/**', ...TESTS],
    rules: { 'no-restricted-imports': ['error', { patterns: MAIN_BOUNDARIES }] },
  },
  {
    files: ['main/services/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': ['error', { patterns: [...MAIN_BOUNDARIES, SERVICES_BELOW] }],
    },
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
