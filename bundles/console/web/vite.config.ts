import { defineConfig } from 'vitest/config';

// Built into the bundle's class path: the appliance serves it at /console, hashed assets cached for a year.
export default defineConfig({
  base: '/console/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: '../target/classes/console',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
