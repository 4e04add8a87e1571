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
    // scripts/check-web-budget.mjs reads the chunk graph from .vite/manifest.json (issue #8, P6).
    manifest: true,
    // Keep the budget visible in the build output (quality.md P6: initial ≤ 350 KB gzip, routes ≤ 150 KB).
    chunkSizeWarningLimit: 600,
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // ECharts is fetched only by the dashboard's charts; its renderer (zrender) and its charts go in
        // two chunks so neither passes the 150 KB route-chunk budget (P6).
        advancedChunks: {
          groups: [
            { name: 'zrender', test: /node_modules[\\/]zrender[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/]echarts[\\/]/ },
          ],
        },
      },
    },
  },
});
