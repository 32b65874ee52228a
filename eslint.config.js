import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'client/src/gql/**', '.data/**', 'bench-results/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // A module adds its loaders or service to common's registries by `interface Loaders extends …{}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      'no-console': 'error',
    },
  },
  {
    // Decorated parameters need their classes at run time (emitDecoratorMetadata); the rule must know.
    files: ['api/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Tests and scripts talk to their terminal.
    files: ['tests/**/*.ts', 'scripts/**/*.{mjs,ts}'],
    rules: { 'no-console': 'off' },
  },
  {
    // Files run side by side, each worker on its own copy of the database: the shared one is for global-setup only.
    files: ['tests/**/*.ts'],
    ignores: ['tests/support/test-database.ts', 'tests/support/global-setup.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='inject'][arguments.0.value='databaseUrl']",
          message: "Use testDatabaseUrl() (tests/support/test-database.ts): this worker's own database.",
        },
      ],
    },
  },
);
