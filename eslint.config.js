import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', '**/.reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Dependencies point inwards: domain <- scheduler <- {adapters, api} <- {infra, tools}.
    // Each project's package.json names its layer (nx.tags); a lint error names the forbidden import.
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          enforceBuildableLibDependency: false,
          depConstraints: [
            { sourceTag: 'layer:domain', onlyDependOnLibsWithTags: ['layer:domain'] },
            { sourceTag: 'layer:scheduler', onlyDependOnLibsWithTags: ['layer:domain'] },
            { sourceTag: 'layer:adapters', onlyDependOnLibsWithTags: ['layer:domain', 'layer:scheduler'] },
            { sourceTag: 'layer:api', onlyDependOnLibsWithTags: ['layer:domain', 'layer:scheduler'] },
            {
              sourceTag: 'layer:infra',
              onlyDependOnLibsWithTags: ['layer:domain', 'layer:scheduler', 'layer:adapters', 'layer:api'],
            },
            {
              sourceTag: 'layer:tools',
              onlyDependOnLibsWithTags: ['layer:domain', 'layer:scheduler', 'layer:adapters', 'layer:api', 'layer:tools'],
            },
          ],
        },
      ],
    },
  },
  {
    // Domain and scheduler policy are pure: time is an input, never read from the clock.
    files: ['packages/domain/src/**/*.ts', 'packages/scheduler/src/policy/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pure code takes time as an input.' },
        { object: 'Math', property: 'random', message: 'Pure code takes randomness as an input.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pure code takes time as an input.' },
      ],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'http', '@sluice/*', '@aws-sdk/*'] }],
    },
  },
  {
    // The policy is pure too, but it reads the domain's types and views.
    files: ['packages/scheduler/src/policy/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path', 'http', '@aws-sdk/*', '@sluice/*', '!@sluice/domain'] }] },
      ],
    },
  },
);
