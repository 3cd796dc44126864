import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'templates/**', 'coverage/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // Libraries never print: they return data or emit events; the CLI renders them.
      'no-console': 'error',
      // Past three parameters, take an options object (tRPC `max-params: 3`).
      'max-params': ['error', 3],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@slipway/*/src/*',
                '@slipway/*/dist/*',
                '@slipway/*/internal/*',
                '../../*/src/*',
              ],
              message: 'Import another package only through its exports map.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/cli/**', 'bench/**', 'scripts/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
);
