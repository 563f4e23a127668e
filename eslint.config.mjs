// ESLint (flat config) with typescript-eslint, as the JupyterLab extension template has it,
// plus the type-aware rules that catch real bugs: a promise nobody awaits or catches, a
// promise where a boolean or a void callback is expected, awaiting a non-promise.
// Formatting is Prettier's job (.prettierrc.json), so no stylistic rules here.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'lib/',
      'build/',
      'node_modules/',
      '.venv/',
      '.venv-rtc/',
      'jupyterlab_notecast/',
      'test/fixtures/',
      'test/a11y/fixtures/',
      'test/a11y/golden/',
      'test/a11y/baseline/'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node }
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Promises: every one awaited, returned, caught or explicitly `void`ed.
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's test() and describe() return promises the runner itself awaits.
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }
          ]
        }
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      // Exhaustive handling of the tagged unions (operations, player events, states).
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Off: tsconfig has no noUncheckedIndexedAccess, so `list[i]` looks never undefined and this
      // rule would ask to drop guards on indexed reads and optional chains that are real at run time.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // Unused code: the compiler reports unused locals and parameters (tsconfig), with `_` for the intentional.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'smart'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'prefer-const': 'error'
    }
  },
  {
    // src/lab runs in the browser, inside JupyterLab.
    files: ['src/lab/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    // Tests, benchmarks and command-line entry points print and drive pages.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'src/cli/**/*.ts', 'scripts/**/*.mjs', 'bin/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: { 'no-console': 'off' }
  },
  {
    // Plain JavaScript outside the TypeScript project: no type information.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked
  }
);
