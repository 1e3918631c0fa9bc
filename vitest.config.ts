import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside a React Server environment; unit tests run plain Node.
      'server-only': fileURLToPath(new URL('./test/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.tsx', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Tests that exercise faults would otherwise print the server's error lines; log tests build their own logger.
    env: { LOG_LEVEL: 'silent' },
  },
});
