#!/usr/bin/env node
// Runs the TypeScript CLI in place through tsx, so `npx gfc` works straight after npm install.
import { tsImport } from 'tsx/esm/api'

const { main } = await tsImport('../src-main/cli/main.ts', import.meta.url)
process.exitCode = await main(process.argv.slice(2))
