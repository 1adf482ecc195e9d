import type { WorkplanActivity, WorkplanDocInput } from '../../src-main/core/documents/types'
import { WorkplanFunction, type ActivityStatus } from '../../src-main/core/model/workplan'
import { CHAIR } from './docs'

// A sample work plan for the document tests and the benchmark: `count` activities spread over
// the six functions, in the plan's order, with names in both languages and a note on most.

const MEMBERS = [
  { en: 'Ghana', fr: 'Ghana' },
  { en: 'Sweden', fr: 'Suède' },
  { en: 'Senegal', fr: 'Sénégal' },
  { en: 'Netherlands (Kingdom of the)', fr: 'Pays-Bas (Royaume des)' },
  { en: 'International Committee of the Red Cross', fr: 'Comité international de la Croix-Rouge' },
  { en: 'Egypt', fr: 'Égypte' },
]
const MISSIONS = ['MINUSCA', 'MONUSCO', 'UNMISS', 'UNSOM', 'BINUH']
const STATUSES: ActivityStatus[] = ['planned', 'under-way', 'done', 'deferred']

const month = (i: number) => `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`

export function sampleActivities(count: number): WorkplanActivity[] {
  const fns = WorkplanFunction.options
  const per = Math.ceil(count / fns.length)
  return Array.from({ length: count }, (_, i): WorkplanActivity => {
    const f = fns[Math.floor(i / per)]
    const s = i % 18
    return {
      function: f,
      title: `Activity ${i + 1}: support to corrections services`,
      description: i % 4 === 0 ? '' : `Description of activity ${i + 1}, with the details the Group agreed on (prisons, training, équipement).`,
      status: STATUSES[i % 4],
      start: month(s),
      end: month(s + 2 + (i % 9)),
      leads: [MEMBERS[i % MEMBERS.length]],
      supporters: i % 3 ? [MEMBERS[(i + 1) % MEMBERS.length], MEMBERS[(i + 2) % MEMBERS.length]] : [],
      missions: i % 2 ? [{ acronym: MISSIONS[i % MISSIONS.length] }] : [],
      meeting: i % 7 === 0 ? { title: 'Annual meeting 2027', start: '2027-03-15T10:00' } : null,
      notes: i % 5 ? [{ date: '2026-10-0' + ((i % 9) + 1), text: `Progress on activity ${i + 1}: on track.` }] : [],
    }
  })
}

export function samplePlan(count: number, over: Partial<WorkplanDocInput> = {}): WorkplanDocInput {
  return {
    language: 'en',
    date: '2026-11-23',
    chair: CHAIR,
    chairTerm: { start: '2025-09-01', end: '2027-08-31' },
    period: { from: '2027-01', to: '2027-12' },
    activities: sampleActivities(count),
    ...over,
  }
}
