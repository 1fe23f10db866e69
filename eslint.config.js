import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.data/',
      'packages/kit/generated/',
      '**/__generated__/',
      'codegen.ts',
      'web/src/gql/',
      'web/dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // One env module per service: everything else receives configuration as arguments.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in src/env.ts only.' },
        {
          object: 'Date',
          property: 'now',
          message: 'Ask the one clock (clock.now() from @credit-hub/kit): rules must follow a moved clock.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Ask the one clock (clock.now() from @credit-hub/kit): rules must follow a moved clock.',
        },
      ],
    },
  },
  {
    // Real elapsed time, not the legal date: token and identity lifetimes, caches, the audit chain's
    // timestamps, and the clock itself.
    files: [
      'packages/kit/src/clock.ts',
      'packages/kit/src/access/identity.ts',
      'packages/kit/src/access/replay.ts',
      'packages/kit/src/cluster-state.ts',
      'packages/kit/src/access/audit.ts',
      'gateway/src/auth.ts',
      'gateway/src/rate-limit.ts',
      'gateway/src/challenge.ts',
      'gateway/src/shared-state.ts',
      'gateway/src/session/session.ts',
      'subgraphs/subject/src/reference.ts',
      'subgraphs/disclosure/src/imports/http.ts',
    ],
    rules: {
      'no-restricted-syntax': 'off',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in src/env.ts only.' },
      ],
    },
  },
  {
    // Tests read loosely typed GraphQL responses; asserting their shape is the test's job.
    files: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-properties': 'off',
      'no-restricted-syntax': 'off',
    },
  },
  {
    files: [
      '**/env.ts',
      'scripts/**',
      'bench/**',
      'packages/kit/src/testing/**',
      'prisma.config.ts',
      'packages/datagen/src/cli.ts',
    ],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-syntax': 'off' },
  },
);
