import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// The server (src/server) serves web/dist statically on its own port; in development the API is
// proxied so cookies stay same-origin.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { '/api': process.env.GONGKAI_API ?? 'http://127.0.0.1:3000' },
  },
});
