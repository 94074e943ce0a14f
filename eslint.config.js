// ESLint flat config: typescript-eslint's recommended rules, browser globals for widget code, node globals for tooling.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/dist/**',
    '**/node_modules/**',
    'storybook-static/**',
    '**/generated/**',
    'coverage/**',
    'test-results/**',
    '.tandem-data/**',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (interface-shaped callbacks, destructured leftovers).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Types-only imports must say so; verbatimModuleSyntax relies on it.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['packages/{core,survey,embed}/src/**', 'packages/*/test/**', 'stories/**', '.storybook/preview.ts', 'demo/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['packages/{protocol,server}/**', 'scripts/**', 'test/**', '*.{js,mjs,cjs,ts}', '.storybook/main.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // End-to-end tests hand functions to the browser (page.evaluate), so browser globals are legitimate there too.
    files: ['test/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Migrations describe past schemas, which no current type can name; Kysely's own docs type them `Kysely<any>`.
    files: ['packages/server/src/db/migrations*.ts', 'packages/server/src/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Stripping ANSI colour codes from child output needs \x1b in a regular expression.
    files: ['scripts/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['packages/*/test/**', 'packages/*/src/testing/**', 'test/**'],
    languageOptions: { globals: globals.mocha },
    rules: {
      // chai assertions read as expressions: `expect(el).to.be.accessible()` and `expect(x).to.be.true`.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Tests reach into shadow roots they know are there.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
