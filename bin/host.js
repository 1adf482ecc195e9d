#!/usr/bin/env node
// The loopback test host: the built UI (out/renderer) over the real core on 127.0.0.1.
// Usage: npm run host -- --data DIR [--port 5174] [--exports DIR (default DIR/exports)]
import { tsImport } from 'tsx/esm/api'

const { main } = await tsImport('../src-main/host/main.ts', import.meta.url)
await main(process.argv.slice(2))
