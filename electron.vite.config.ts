import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

// Main and preload: electron-vite 6 externalises package.json `dependencies` by default
// (`build.externalizeDeps`, default true). Both turn it off, so every dependency is bundled
// (lowdb is ESM-only, and the packaged app ships no node_modules); `electron` and Node's
// built-ins stay external through electron-vite's own presets. (electron-vite 6 copies
// `build.rollupOptions` to `build.rolldownOptions` when the latter is absent, so the Vite 7
// spelling below is what it uses.)

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Named entry -> out/main/index.js, which is package.json "main".
      lib: { entry: { index: 'src-main/electron/main.ts' } },
      externalizeDeps: false,
      // ESM, as package.json says "type": "module"; one file.
      rollupOptions: { output: { format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: { index: 'src-main/preload/index.ts' } },
      // A sandboxed preload must be one CommonJS script whose only require is 'electron'.
      externalizeDeps: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true } },
    },
  },
  renderer: {
    root: 'src-renderer',
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: 'src-renderer/index.html' },
    },
    plugins: [react()],
  },
})
