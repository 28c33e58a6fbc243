import js from '@eslint/js'
import globals from 'globals'
import vue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url']

/** `no-restricted-imports` patterns for one folder. */
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.tsbuild/**', 'node_modules/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/multi-word-component-names': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      // One window factory (S1) and one external-link helper (S6).
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='BrowserWindow']", message: 'Create windows with createWindowFactory.' },
        {
          selector: "NewExpression[callee.property.name='BrowserWindow']",
          message: 'Create windows with createWindowFactory.',
        },
        {
          selector: "CallExpression[callee.property.name='openExternal'][callee.object.name='shell']",
          message: 'Open links through createOpenExternal (allow-listed).',
        },
      ],
    },
  },
  {
    files: ['electron/main/windows/window-factory.ts', 'electron/main/security/external-links.ts', 'tests/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict(
        [
          'electron',
          'electron/*',
          'vue',
          'pinia',
          'vue-i18n',
          'vee-validate',
          ...nodeBuiltins,
          '**/electron/**',
          '**/renderer/**',
        ],
        'shared/ holds code for both sides: no Electron, Node, Vue or app-folder imports.',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'localStorage'],
    },
  },
  {
    files: ['renderer/**/*.{ts,vue}', 'harness/browser/**/*.ts'],
    languageOptions: { globals: globals.browser },
    rules: restrict(
      ['electron', 'electron/*', ...nodeBuiltins, '**/electron/**', '@napi-rs/*', 'keytar'],
      'The renderer reaches main only through window.callboard.',
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict(
      ['zod', 'vue', ...nodeBuiltins, '**/main/**', '**/renderer/**'],
      'The sandboxed preload stays tiny: electron plus shared/ipc channel names and the bridge builder.',
    ),
  },
  {
    files: ['electron/main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(['**/renderer/**', 'vue', 'pinia'], 'Main never imports renderer code.'),
  },
  // The layers inside main, the ground first: core ← secrets ← providers ← outbox ← app (and the
  // shell around it). A layer imports only those before it, so no folder cycle can come back.
  {
    files: ['electron/main/core/**/*.ts'],
    rules: restrict(
      ['**/renderer/**', 'vue', 'pinia', '../*'],
      'core/ is the ground of main: it imports nothing else of main.',
    ),
  },
  {
    files: ['electron/main/secrets/**/*.ts', 'electron/main/providers/**/*.ts'],
    rules: restrict(
      [
        '**/renderer/**',
        'vue',
        'pinia',
        ...['outbox', 'app', 'settings', 'sandbox', 'desktop', 'ipc', 'updates', 'windows', 'security', 'platform'].map(
          (layer) => `**/${layer}/*`,
        ),
      ],
      'secrets/ and providers/ sit below the queue and the app: they import only core/, secrets/ and providers/.',
    ),
  },
  {
    files: ['tests/**/*.ts', 'harness/*.ts', 'scripts/**/*.{ts,mjs,js}', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
)
