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
    // Pages are lazy (src/lazy-page.ts); the libraries every page needs go in long-cached vendor
    // chunks of their own, so a console release does not make browsers fetch React and MUI again.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'vendor-mui', test: /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group|stylis)[\\/]/, priority: 20 },
            { name: 'vendor-admin', test: /node_modules[\\/](ra-[a-z0-9-]+|react-admin|react-hook-form|@tanstack|react-router[a-z-]*|lodash|@trpc|zod)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
