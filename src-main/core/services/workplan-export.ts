import { writeFileSync } from 'node:fs'
import type { ParsedInput } from '../api'
import { buildWorkplan, buildWorkplanCsv, workplanFileName } from '../documents'
import type { WorkplanDocInput } from '../documents/types'
import type { Language } from '../model/fields'
import type { Shell } from '../shell'
import type { Store } from '../store/store'
import { chairInfo } from './chair-info'
import { chairOn } from './chairs'
import { today } from './records'
import { listActivities } from './workplan'

/** The plan for a period as the builders take it, with the Chair in office today. */
export function workplanInput(store: Store, language: Language, period: { from: string; to: string }): WorkplanDocInput {
  const date = today()
  const term = chairOn(store, date)
  return {
    language,
    date,
    chair: chairInfo(store, date, term?.organisationId),
    chairTerm: term && { start: term.start, end: term.end },
    period,
    activities: listActivities(store, period),
  }
}

/** The work plan (.docx or .csv) saved where the person chooses; null when they cancel. */
export async function saveWorkplan(store: Store, shell: Shell, o: ParsedInput<'workplan.save'>): Promise<{ path: string } | null> {
  const path = await shell.chooseSaveFile('Save the work plan', workplanFileName(o.period, o.language, o.format))
  if (!path) return null
  const input = workplanInput(store, o.language, o.period)
  writeFileSync(path, o.format === 'csv' ? buildWorkplanCsv(input) : await buildWorkplan(input))
  return { path }
}
