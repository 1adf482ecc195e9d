import { z } from 'zod'
import type { Stamps } from './stamps'
import { isoDate, list, multilineText, requiredMultilineText, requiredText, ruleOn, text, Uuid } from './fields'
import type { MemberRef } from './meeting'
import type { MissionRef } from './mission'

/** The Group's six functions (Terms of Reference): every activity serves one. */
export const WorkplanFunction = z.enum([
  'legislative-support',
  'field-needs',
  'technical-expertise',
  'policy-guidance',
  'global-focal-point',
  'conferences',
])
export type WorkplanFunction = z.infer<typeof WorkplanFunction>

/** The functions' names in the working languages: documents and screens both use these. */
export const FUNCTION_NAMES: Record<WorkplanFunction, { en: string; fr: string }> = {
  'legislative-support': {
    en: 'Political support to UN legislative bodies',
    fr: 'Appui politique aux organes délibérants des Nations Unies',
  },
  'field-needs': {
    en: 'Contributing personnel, training and funding for field needs',
    fr: 'Personnel, formation et financement pour les besoins du terrain',
  },
  'technical-expertise': {
    en: 'Technical expertise for projects of peace operations',
    fr: 'Expertise technique pour les projets des opérations de paix',
  },
  'policy-guidance': {
    en: 'Policy, guidance and training materials',
    fr: 'Politiques, orientations et matériels de formation',
  },
  'global-focal-point': {
    en: 'Support to the Global Focal Point for police, justice and corrections',
    fr: 'Appui au Centre de coordination mondial pour la police, la justice et l’administration pénitentiaire',
  },
  conferences: {
    en: 'Support to UN conferences on corrections in peace operations',
    fr: 'Appui aux conférences des Nations Unies sur l’administration pénitentiaire dans les opérations de paix',
  },
}

export const ActivityStatus = z.enum(['planned', 'under-way', 'done', 'deferred'])
export type ActivityStatus = z.infer<typeof ActivityStatus>

/** A calendar month, "2027-03": the work plan's periods are counted in months. */
export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.month')
export type YearMonth = z.infer<typeof YearMonth>

const ids = (max: number) => list(Uuid, max).default([])

export const ActivityFields = z
  .object({
    title: requiredText(300),
    /** The title in French; French documents use the English one when empty. */
    titleFr: text(300).default(''),
    description: multilineText(4000).default(''),
    function: WorkplanFunction,
    /** Members (organisations) leading the activity. */
    leadIds: ids(20),
    supportIds: ids(60),
    /** Field missions the activity concerns. */
    missionIds: ids(30),
    start: YearMonth,
    end: YearMonth,
    status: ActivityStatus.default('planned'),
    /** The meeting where the Group identified the activity. */
    meetingId: z.union([z.literal(''), Uuid]).default(''),
  })
  .refine((a) => a.end >= a.start, ruleOn(['start', 'end'], 'validation.endBeforeStart'))
export type ActivityFields = z.output<typeof ActivityFields>
export type ActivityFieldsInput = z.input<typeof ActivityFields>

/** A dated note on an activity's progress; a record of its own, so notes written on two
 *  devices both survive a sync. */
export const ProgressNoteFields = z.object({
  activityId: Uuid,
  date: isoDate,
  text: requiredMultilineText(4000),
})
export type ProgressNoteFields = z.output<typeof ProgressNoteFields>

export type Activity = ActivityFields & { id: string; deleted: boolean; updatedAt: string; stamps: Stamps }
export type ProgressNote = ProgressNoteFields & { id: string; deleted: boolean; updatedAt: string; stamps: Stamps }

/** An activity with the records it points at, resolved for display. */
export type ActivityView = Activity & {
  leads: MemberRef[]
  supporters: MemberRef[]
  missions: MissionRef[]
  meeting: { id: string; title: string; start: string } | null
  /** Newest first. */
  notes: ProgressNote[]
}
