/// <reference types="node" />
// Vite 8 transforms TSX with Oxc (no React plugin): the automatic JSX runtime comes from here and
// from tsconfig's "jsx": "react-jsx". The API is same-origin under /api/v1; in development it is
// proxied to the Fastify server (apps/server) on port 3000.
import { defineConfig } from 'vite';

const api = { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } };

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  server: { proxy: api },
  preview: { proxy: api },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // MapLibre's CSP bundle is one ~800 kB chunk, loaded only by the map pages.
    chunkSizeWarningLimit: 1100,
  },
});
