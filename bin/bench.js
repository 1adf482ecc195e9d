#!/usr/bin/env node
// npm run bench: prints each figure with its goal beside it.
import { tsImport } from 'tsx/esm/api'

await tsImport('../tests/bench/store.bench.ts', import.meta.url)
console.log('')
await tsImport('../tests/bench/documents.bench.ts', import.meta.url)
console.log('')
await tsImport('../tests/bench/workplan.bench.ts', import.meta.url)
console.log('')
await tsImport('../tests/bench/sync.bench.ts', import.meta.url)
console.log('')
await tsImport('../tests/bench/import.bench.ts', import.meta.url)
