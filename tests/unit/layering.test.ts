import { ESLint } from 'eslint'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/profile'

// The layering rule of DESIGN.md must really fail the lint (and so CI) when broken.
async function lint(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT })
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) })
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layering lint', () => {
  it('keeps electron out of the core', async () => {
    expect(await lint('src-main/core/services/x.ts', "import { app } from 'electron'\nexport const a = app\n")).toHaveLength(1)
  })
  it('keeps node modules out of the model and the renderer', async () => {
    expect(await lint('src-main/core/model/x.ts', "import { join } from 'node:path'\nexport const a = join\n")).toHaveLength(1)
    expect(await lint('src-renderer/x.ts', "import fs from 'fs'\nexport const a = fs\n")).toHaveLength(1)
  })
  it('lets the renderer import only the model and the contract from src-main', async () => {
    expect(await lint('src-renderer/x.ts', "import { Store } from '../src-main/core/store/store'\nexport const a = Store\n")).toHaveLength(1)
    expect(await lint('src-renderer/x.ts', "import { MEMBER_STATES } from '../src-main/core/model/reference'\nimport { inputs } from '../src-main/core/api'\nexport const a = [MEMBER_STATES, inputs]\n")).toEqual([])
  })
})
