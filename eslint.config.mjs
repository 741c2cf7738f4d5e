import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'tests/.tmp/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...next,
  ...nextTs,
  {
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['tests/**', 'db/**', 'lib/runtime/**', 'lib/dev/**', 'lib/audit/verify-cli.ts'],
    rules: { 'no-console': 'off' },
  },
];

export default config;
