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
  },
});
