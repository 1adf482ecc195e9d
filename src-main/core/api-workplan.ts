import { z } from 'zod'
import { Stamps } from './model/stamps'
import { ChairTermFields, type ChairRegister, type ChairTermView } from './model/chair'
import { Language, text, Uuid } from './model/fields'
import { ActivityFields, ActivityStatus, ProgressNoteFields, WorkplanFunction, YearMonth, type Activity, type ActivityView } from './model/workplan'

// The work plan's and the Chair register's part of the contract (merged into api.ts).

const ById = z.object({ id: Uuid })
const Month = z.union([z.literal(''), YearMonth]).default('')

const endAfterStart = (p: { from: string; to: string }) => !p.from || !p.to || p.to >= p.from

/** Activities overlapping the period from–to (either end may be open). */
export const Period = z.object({ from: Month, to: Month }).refine(endAfterStart, { message: 'validation.endBeforeStart', path: ['to'] })

export const ActivityQuery = z
  .object({
    search: text(200).default(''),
    from: Month,
    to: Month,
    function: WorkplanFunction.optional(),
    status: ActivityStatus.optional(),
    /** Activities this member leads. */
    leadId: Uuid.optional(),
  })
  .refine(endAfterStart, { message: 'validation.endBeforeStart', path: ['to'] })

export const workplanInputs = {
  'activities.list': ActivityQuery,
  'activities.get': ById,
  'activities.create': ActivityFields,
  'activities.update': z.object({ id: Uuid, fields: ActivityFields, seen: Stamps }),
  'activities.delete': ById,
  'activities.restore': ById,
  'progressNotes.create': ProgressNoteFields,
  'progressNotes.update': z.object({ id: Uuid, fields: ProgressNoteFields, seen: Stamps }),
  'progressNotes.delete': ById,
  'progressNotes.restore': ById,
  /** The work plan as a file the person chooses where to save (.docx or .csv). */
  'workplan.save': z.object({ format: z.enum(['docx', 'csv']), language: Language.default('en'), period: Period.default({ from: '', to: '' }) }),
  'chairs.register': z.object({}),
  'chairs.get': ById,
  'chairs.create': ChairTermFields,
  'chairs.update': z.object({ id: Uuid, fields: ChairTermFields, seen: Stamps }),
  'chairs.delete': ById,
  'chairs.restore': ById,
} as const

export interface WorkplanResults {
  'activities.list': ActivityView[]
  'activities.get': ActivityView
  'activities.create': ActivityView
  'activities.update': ActivityView
  'activities.delete': Activity
  'activities.restore': Activity
  'progressNotes.create': ActivityView
  'progressNotes.update': ActivityView
  'progressNotes.delete': ActivityView
  'progressNotes.restore': ActivityView
  /** Null when the person cancelled the choice of file. */
  'workplan.save': { path: string } | null
  'chairs.register': ChairRegister
  'chairs.get': ChairTermView
  'chairs.create': ChairTermView
  'chairs.update': ChairTermView
  'chairs.delete': ChairTermView
  'chairs.restore': ChairTermView
}
