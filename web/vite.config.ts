import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** Where `vite dev` forwards `/api`; override to point at a server on another port. */
const apiTarget = process.env.KHUYENCONG_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
    // `domain/` lives beside `web/` and is shared with the server.
    fs: { allow: [repoRoot] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Keep the budget visible in the build output (quality.md P6: initial ≤ 350 KB gzip, routes ≤ 150 KB).
    chunkSizeWarningLimit: 600,
    reportCompressedSize: true,
  },
});
