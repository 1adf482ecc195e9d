import Papa from 'papaparse'
import { inertCell } from '../model/tabular'
import type { WorkplanDocInput } from './types'
import { activityTitle, functionHeading, STATUS_NAMES, WORKPLAN_LABELS } from './workplan-wording'

// The work plan as CSV: one row per activity, the columns named in the chosen language. UTF-8
// with a byte-order mark, without which Excel reads the file in the machine's code page and
// garbles the accents; CRLF line ends, as Excel writes them.

const BOM = '\ufeff'

export function buildWorkplanCsv(input: Pick<WorkplanDocInput, 'language' | 'activities'>): string {
  const lang = input.language
  const L = WORKPLAN_LABELS[lang]
  const names = (refs: { en: string; fr: string }[]) => refs.map((r) => (lang === 'fr' ? r.fr || r.en : r.en || r.fr)).join('; ')
  const fields = [L.function, L.activity, L.description, L.lead, L.supporting, L.missions, L.start, L.end, L.status, L.meeting, L.noteDate, L.latest]
  const data = input.activities.map((a) => [
    functionHeading(a.function, lang),
    activityTitle(a, lang),
    a.description,
    names(a.leads),
    names(a.supporters),
    a.missions.map((m) => m.acronym).join('; '),
    a.start,
    a.end,
    STATUS_NAMES[a.status][lang],
    a.meeting ? `${a.meeting.title} (${a.meeting.start.slice(0, 10)})` : '',
    a.notes[0]?.date ?? '',
    a.notes[0]?.text ?? '',
  ])
  // No spreadsheet runs a cell as a formula: the one rule of every export (inertCell).
  return BOM + Papa.unparse({ fields: fields.map(inertCell), data: data.map((row) => row.map(inertCell)) }, { newline: '\r\n' })
}
