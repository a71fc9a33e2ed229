import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,relay,app,extension,scripts}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '.output/**', 'dist/**'],
    testTimeout: 30_000,
  },
});
