import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The API server serves the built console (dist/) and tRPC at /trpc on one origin, so the session
 * cookie is first-party. In development the Vite server proxies /trpc to the API instead.
 */
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/trpc': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/trpc': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The vendor chunk is React, MUI and react-admin's shell: ~940 kB raw, like a minimal react-admin app.
    chunkSizeWarningLimit: 1000,
    // Pages are lazy (src/lazy-page.ts). Chunks follow when code is needed, not which package it
    // comes from: `$initial` is what the sign-in page and the menu need (rolldown's tag: statically
    // imported from index.html, after tree-shaking): the libraries in a vendor chunk whose hash only
    // changes with them (a console release does not make browsers fetch React and MUI again), our
    // shell in the entry. Everything only pages need goes in two chunks: the dashboard's
    // (prefetched while the sign-in page is idle) and every other page's. 85 small chunks cost
    // 33 KiB more gzip than the same code in a few, and sent every vendor module to the sign-in page.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor', tags: ['$initial'], test: /node_modules/, priority: 30 },
            { name: 'shell', tags: ['$initial'], priority: 20 },
            { name: 'dashboard', test: /src[\\/]dashboard[\\/]/, priority: 10 },
            { name: 'pages', test: /[\\/](apps[\\/]console|packages[\\/]domain)[\\/]src[\\/]/, priority: 0 },
          ],
        },
      },
    },
  },
});
