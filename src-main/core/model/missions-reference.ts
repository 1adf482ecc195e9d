import { z } from 'zod'
import missionsJson from '../../../resources/reference/missions.json'
import type { Language } from './fields'
import { MissionKind, MissionStatus, type MissionFields } from './mission'

// The field missions named in the Group's background notes, shipped in resources/ and parsed
// once at load, so that a bad edit to the JSON fails loudly rather than reaching a register.

const isoDate = z.iso.date()

export const ReferenceMission = z
  .object({
    acronym: z.string().regex(/^[A-Z]{2,20}$/),
    nameEn: z.string().min(1),
    nameFr: z.string().min(1),
    location: z.string().min(1),
    /** The register keeps one location (English); documents in French take this one. */
    locationFr: z.string().min(1),
    kind: MissionKind,
    leadDepartment: z.enum(['DPO', 'DPPA']),
    status: MissionStatus,
    start: isoDate,
    end: z.union([z.literal(''), isoDate]),
    notes: z.string().default(''),
  })
  .refine((m) => (m.status === 'closed') === (m.end !== ''), { message: 'a closed mission has an end date, an open one none', path: ['end'] })
  .refine((m) => !m.end || m.end >= m.start, { message: 'ends before it starts', path: ['end'] })
  .refine((m) => m.leadDepartment === (m.kind === 'peacekeeping' ? 'DPO' : 'DPPA'), { message: 'DPO leads peacekeeping, DPPA political missions', path: ['leadDepartment'] })
export type ReferenceMission = z.infer<typeof ReferenceMission>

const ReferenceFile = z.object({
  /** The day the statuses and dates were last checked. */
  asOf: isoDate,
  missions: z.array(ReferenceMission).refine((ms) => new Set(ms.map((m) => m.acronym)).size === ms.length, 'acronyms must be unique'),
})

const file = ReferenceFile.parse(missionsJson)

export const MISSIONS_AS_OF: string = file.asOf
export const REFERENCE_MISSIONS: readonly ReferenceMission[] = file.missions

const byAcronym = new Map(REFERENCE_MISSIONS.map((m) => [m.acronym, m]))

export function referenceMission(acronym: string): ReferenceMission | undefined {
  return byAcronym.get(acronym.trim().toUpperCase())
}

/** Who checked a reference mission: the shipped list, as of its date. */
export const REFERENCE_VERIFIER = 'GFC Desk reference list'

/** The register's fields of a reference mission, verified as of the list's date. */
export function referenceFields(m: ReferenceMission): MissionFields {
  const { locationFr: _fr, ...fields } = m
  return { ...fields, verifiedOn: MISSIONS_AS_OF, verifiedBy: REFERENCE_VERIFIER }
}

/**
 * A mission's country or territory in a language: the register keeps English only, so French
 * comes from the reference list when the mission is one of them and its location unchanged.
 */
export function missionLocation(m: Pick<MissionFields, 'acronym' | 'location'>, language: Language): string {
  const ref = language === 'fr' ? referenceMission(m.acronym) : undefined
  return ref && ref.location === m.location ? ref.locationFr : m.location
}
