import { z } from 'zod'
import type { Stamps } from './stamps'
import { isoDate, list, multilineText, optionalDate, ruleOn, Uuid } from './fields'
import type { MemberRef } from './meeting'
import type { RegionalGroup } from './reference'

/** The quorum that selects the next Chair (Terms of Reference): at least three members. */
export const QUORUM = 3
/** A Chair's term, in years, unless the register says otherwise. */
export const TERM_YEARS = 2

/** One Member State's term as Chair, with the record of its selection. */
export const ChairTermFields = z
  .object({
    organisationId: Uuid,
    start: isoDate,
    end: isoDate,
    /** When the quorum selected this Chair; empty for terms recorded without that history. */
    selectedOn: optionalDate.default(''),
    /** The members who selected it: at least three, including the Chair then in office. */
    selectedBy: list(Uuid, 200).default([]),
    /** The incoming Chair shadows the current one over this period (before its term). */
    shadowStart: optionalDate.default(''),
    shadowEnd: optionalDate.default(''),
    notes: multilineText(4000).default(''),
  })
  .refine((c) => c.end > c.start, ruleOn(['start', 'end'], 'validation.endBeforeStart'))
  // Fewer than three listed is never a quorum; the register's rules (quorumVoters, chairToInclude) are the core's.
  .refine((c) => !c.selectedOn || c.selectedBy.length >= QUORUM, ruleOn(['selectedOn', 'selectedBy'], 'validation.quorum'))
  .refine((c) => !c.shadowStart || !c.shadowEnd || c.shadowEnd >= c.shadowStart, ruleOn(['shadowStart', 'shadowEnd'], 'validation.endBeforeStart'))
export type ChairTermFields = z.output<typeof ChairTermFields>
export type ChairTermFieldsInput = z.input<typeof ChairTermFields>

/**
 * The members whose voices make a term's quorum: each once, and never the state selected. So a
 * Chair may be renewed (the Terms of Reference ask for rotation but do not forbid it when no
 * other state comes forward), but never by itself and two others.
 */
export function quorumVoters(t: { organisationId: string; selectedBy: readonly string[] }): string[] {
  return [...new Set(t.selectedBy)].filter((s) => s !== t.organisationId)
}

/**
 * The Chair whose presence the quorum needs: the one in office on the day of the selection,
 * unless that is the state selected (a renewal). `terms` are the other terms of the register.
 */
export function chairToInclude<T extends { organisationId: string; start: string; end: string }>(
  terms: readonly T[],
  t: { organisationId: string; selectedOn: string },
): T | undefined {
  const inOffice = t.selectedOn ? terms.find((x) => x.start <= t.selectedOn && t.selectedOn <= x.end) : undefined
  return inOffice && inOffice.organisationId !== t.organisationId ? inOffice : undefined
}

/** Derived from the term's dates and today, never stored, so it cannot go out of date. */
export const ChairStatus = z.enum(['incoming', 'current', 'past'])
export type ChairStatus = z.infer<typeof ChairStatus>

export function chairStatus(term: { start: string; end: string }, today: string): ChairStatus {
  if (today < term.start) return 'incoming'
  return today <= term.end ? 'current' : 'past'
}

/** The default end of a term starting on `start`: the day before the same date two years on. */
export function defaultTermEnd(start: string): string {
  const d = new Date(`${start}T00:00:00Z`)
  d.setUTCFullYear(d.getUTCFullYear() + TERM_YEARS)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}

export type ChairTerm = ChairTermFields & { id: string; deleted: boolean; updatedAt: string; stamps: Stamps }

export type ChairTermView = ChairTerm & {
  status: ChairStatus
  organisation: MemberRef & { regionalGroup: RegionalGroup | null }
  selectors: MemberRef[]
}

/** One regional group in the rotation picture. */
export interface RotationRow {
  group: RegionalGroup
  /** This group's terms, oldest first. */
  terms: { id: string; start: string; end: string; organisation: MemberRef }[]
  /** The end of its latest term; empty when it never chaired. */
  lastEnd: string
}

export interface ChairRegister {
  /** Newest term first. */
  terms: ChairTermView[]
  current: ChairTermView | null
  incoming: ChairTermView | null
  rotation: RotationRow[]
  /** Regional groups that have not chaired recently (none of the last five terms), for
   *  geographic diversity in choosing the next Chair. */
  notRecently: RegionalGroup[]
}
