// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Layering: arrows point one way (desktop -> shared, hub -> shared); see shared/ARCHITECTURE.md. */
const noNodeOrElectron = [
  { group: ['node:*'], message: 'shared/ and the renderer run in browsers: no Node built-ins.' },
  {
    group: ['electron', 'electron/*'],
    message: 'Only desktop/src/main and preload may use Electron.',
  },
];

/** The hub's own imports of other packages: shared only. */
const hubOnly = [
  { group: ['@sidecoach/desktop', '**/desktop/**'], message: 'hub -> shared only.' },
  { group: ['electron'], message: 'The hub never loads Electron.' },
];

/** Up from a capability's file (`up` reaches hub/src/), anything but lib/ and store/ is refused. */
const capability = (up) => ({
  regex: `^${up.replaceAll('.', '\\.')}(?!lib/|store/)`,
  message:
    'A hub capability imports only its own folder, hub/src/lib/, hub/src/store/ and packages: not another capability nor the composition root (server.ts, index.ts, config.ts). Put what several capabilities need in lib/.',
});

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'test-results/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './shared/tsconfig.json',
          './shared/tsconfig.test.json',
          './hub/tsconfig.json',
          './hub/tsconfig.test.json',
          './desktop/tsconfig.node.json',
          './desktop/tsconfig.web.json',
          './desktop/tsconfig.sw.json',
          './tsconfig.tools.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['shared/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNodeOrElectron,
            { group: ['@sidecoach/*'], message: 'shared/ imports nothing of ours.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any`.
    files: ['**/*.test.ts', '**/e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['hub/src/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: hubOnly }] },
  },
  {
    // A capability (every folder but lib/ and store/) imports its own folder, lib/, store/ and
    // packages: never another capability's files, nor the composition root above it.
    files: ['hub/src/*/*.{ts,tsx}'],
    // Tests beside the code may use the test support (real hubs and databases).
    ignores: ['hub/src/lib/**', 'hub/src/store/**', 'hub/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...hubOnly, capability('../')] }] },
  },
  {
    files: ['hub/src/*/*/**/*.{ts,tsx}'],
    ignores: ['hub/src/lib/**', 'hub/src/store/**', 'hub/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...hubOnly, capability('../../')] }] },
  },
  {
    files: ['hub/src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...hubOnly,
            {
              regex: '^\\.\\./(?!store/)',
              message:
                'hub/src/lib/ is what capabilities share: it imports only lib/, store/ and packages, never a capability or the composition root.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['hub/src/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...hubOnly,
            {
              regex: '^\\.\\./(?!lib/log\\.js$)',
              message:
                'hub/src/store/ is the storage layer: it imports no capability, and from lib/ only the logger type.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['desktop/src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNodeOrElectron,
            { group: ['**/main/**', '**/preload/**'], message: 'Talk to main through the bridge.' },
            {
              group: ['@sidecoach/hub', '**/hub/src/**', '**/hub/dist/**'],
              message: 'Talk to the hub over socket.io (renderer/hub/client.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer's lower layers (the hub client and session lifecycle, shared UI pieces,
    // helpers) never import a feature: features register with them instead.
    files: [
      'desktop/src/renderer/hub/**',
      'desktop/src/renderer/ui/**',
      'desktop/src/renderer/lib/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNodeOrElectron,
            {
              group: ['**/features/**'],
              message:
                'Features register with the lifecycle (hub/feature.ts); lower layers never import them.',
            },
          ],
        },
      ],
    },
  },
  {
    // No import circle anywhere: a circle hides which module starts first.
    files: ['shared/**/*.ts', 'hub/**/*.ts', 'hub/**/*.tsx', 'desktop/**/*.ts', 'desktop/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['desktop/src/main/**', 'desktop/src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'main never imports the renderer.' }] },
      ],
    },
  },
);
