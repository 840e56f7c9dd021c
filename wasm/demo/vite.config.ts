// Vite config of the admin console. `@avalo/core` is the workspace package (wasm/, linked by
// `file:..` in package.json); its browser build is wasm/pkg-web, produced by
// scripts/build-wasm.sh. It is excluded from dependency pre-bundling so that the package's
// `new URL('index_bg.wasm', import.meta.url)` keeps pointing at the real .wasm file.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const wasmDir = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  plugins: [react()],
  base: './',
  optimizeDeps: { exclude: ['@avalo/core'] },
  server: { fs: { allow: [wasmDir] } },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
