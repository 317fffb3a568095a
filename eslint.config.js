// @ts-check
/**
 * ESLint, run by `npm test` (npm run lint): typescript-eslint's recommended rules, the hooks
 * rules for the widget's Preact components, and the layers' import rules. The TypeScript
 * projects keep DOM and Node types where they belong (tsconfig.base.json); these rules keep each
 * layer from importing another it must not know.
 */
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** @param {string[]} patterns @param {string} message */
const forbid = (patterns, message) => ({ group: patterns, message });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**', '.tmpsz/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `typeof import('./index')` names a lazily loaded module's type without importing it.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // `let app; serve(() => app…); app = …`: a value that closures read once it is set.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['src/widget/**/*.{ts,tsx}', 'src/studio/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The build's JSX is classic with `h` as its pragma (scripts/widget-base.mjs), the tests'
    // automatic: a parameter or variable named `h` hides Preact's `h` from the JSX inside it, and
    // breaks only the built bundle (the Insights screen's tables did: "h is not a function").
    files: ['src/widget/**/*.tsx', 'src/studio/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: ":function > Identifier.params[name='h'], VariableDeclarator > Identifier.id[name='h'], CatchClause > Identifier.param[name='h']", message: 'JSX compiles to h(): name this something else.' },
      ],
    },
  },
  {
    files: ['src/studio/**/*.{ts,tsx}'],
    ignores: ['src/studio/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(['node:*', 'hono', 'hono/*', 'stripe'], 'The studio runs in the merchant’s browser.'),
            forbid(['**/server/**', '**/cli/**', '**/tools/**'], 'The studio shares only core/ with the server: its API’s types live in src/core/api/studio.ts.'),
            forbid(['**/widget/**'], 'The studio is a bundle of its own: it imports core/, not the widget’s internals (a preview embeds the built widget instead).'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(['preact', 'preact/*', 'zustand', 'zustand/*', 'hono', 'hono/*', 'stripe', 'node:*'], 'core/ runs in browsers, Node and Workers alike: no UI library, no server library, no Node built-ins.'),
            forbid(['**/widget/**', '**/studio/**', '**/server/**', '**/cli/**', '**/tools/**'], 'core/ is imported by the other layers, never the other way round.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/widget/**/*.{ts,tsx}'],
    ignores: ['src/widget/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(['node:*', 'hono', 'hono/*', 'stripe'], 'The widget runs in the shopper’s browser.'),
            forbid(['**/server/**', '**/cli/**', '**/tools/**', '**/studio/**'], 'The widget shares only core/ with the server: API types live in src/core/api.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/server/node-server.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(['preact', 'preact/*', 'zustand', 'zustand/*'], 'The server renders HTML with Hono’s html template.'),
            forbid(['**/widget/**', '../../studio/**', '../../../studio/**'], 'The server shares only core/ with the widget and the studio (src/studio).'),
            forbid(['**/tools/**'], 'Development tools are loaded only by node-server.ts, and only without STRIPE_SECRET_KEY outside production.'),
          ],
          paths: [{ name: '#widget-ssr', message: 'Only src/server/pages/first-view.ts renders the widget’s first view.' }],
        },
      ],
    },
  },
  {
    // The one exception: the pages Facebook traffic lands on send the widget's first view as
    // HTML, rendered by the widget's own components so that the widget can hydrate it (the
    // markup matches by construction, not by a second template kept in step). It goes through
    // `#widget-ssr` (package.json `imports`), whose types are src/widget/ssr-contract.ts, so the
    // server's TypeScript projects never see the DOM types the components need.
    files: ['src/server/pages/first-view.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(['preact', 'preact/*', 'zustand', 'zustand/*'], 'The server renders HTML with Hono’s html template.'),
            forbid(['**/widget/**'], 'The server reaches the widget only through #widget-ssr.'),
            forbid(['**/tools/**'], 'Development tools are loaded only by node-server.ts, and only without STRIPE_SECRET_KEY outside production.'),
          ],
        },
      ],
    },
  },
);
