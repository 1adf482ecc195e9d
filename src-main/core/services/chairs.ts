import { randomUUID } from 'node:crypto'
import { chairStatus, chairToInclude, QUORUM, quorumVoters, type ChairRegister, type ChairTerm, type ChairTermFields, type ChairTermView, type RotationRow } from '../model/chair'
import { AppError } from '../model/errors'
import type { OrganisationFields } from '../model/organisation'
import { memberState, RegionalGroup } from '../model/reference'
import type { Store } from '../store/store'
import type { StoredRecord } from '../sync/change'
import { memberRef } from './meetings'
import type { Stamps } from '../model/stamps'
import { isLive, requireLive, requireRecord, setDeleted, today, view, updateOp } from './records'

// The register of the Group's Chairs: one Member State at a time, for two years by default,
// selected by a quorum of members that includes the Chair in office.

/** How many of the latest terms count as "recently" for the rotation hint. */
export const RECENT_TERMS = 5

function liveTerms(store: Store): ChairTerm[] {
  return Object.values(store.tables.chairs)
    .filter(isLive)
    .map((r) => view<ChairTermFields>(r))
}

/** The live term covering `date` (terms never overlap, so there is at most one). */
export function chairOn(store: Store, date: string): ChairTerm | null {
  return liveTerms(store).find((t) => t.start <= date && date <= t.end) ?? null
}

const stateName = (rec: StoredRecord | undefined) => (rec ? memberRef(rec).en : 'an unknown member')

function termView(store: Store, term: ChairTerm, now: string): ChairTermView {
  const org = requireRecord(store, 'organisations', term.organisationId, 'member')
  const d = org.data as OrganisationFields
  return {
    ...term,
    status: chairStatus(term, now),
    organisation: { ...memberRef(org), regionalGroup: d.kind === 'state' ? (memberState(d.countryCode)?.group ?? null) : null },
    selectors: term.selectedBy.map((id) => store.record('organisations', id)).filter(isLive).map(memberRef),
  }
}

export function chairRegister(store: Store, now = today()): ChairRegister {
  const terms = liveTerms(store)
    .map((t) => termView(store, t, now))
    .sort((a, b) => b.start.localeCompare(a.start))
  const rotation: RotationRow[] = RegionalGroup.options.map((group) => {
    const mine = terms.filter((t) => t.organisation.regionalGroup === group).reverse()
    return {
      group,
      terms: mine.map((t) => ({ id: t.id, start: t.start, end: t.end, organisation: { id: t.organisation.id, kind: t.organisation.kind, en: t.organisation.en, fr: t.organisation.fr } })),
      lastEnd: mine.at(-1)?.end ?? '',
    }
  })
  // The incoming Chair's term counts: once it is chosen, its group has been served.
  const recent = new Set(terms.slice(0, RECENT_TERMS).map((t) => t.organisation.regionalGroup))
  return {
    terms,
    current: terms.find((t) => t.status === 'current') ?? null,
    // The next one to take office (the earliest of those still to come).
    incoming: terms.filter((t) => t.status === 'incoming').at(-1) ?? null,
    rotation,
    notRecently: RegionalGroup.options.filter((g) => !recent.has(g)),
  }
}

export function getChair(store: Store, id: string): ChairTermView {
  return termView(store, view<ChairTermFields>(requireRecord(store, 'chairs', id, 'Chair term')), today())
}

function fail(field: string, message: string, key: string, params?: Record<string, string>): never {
  throw new AppError('validation', `${field}: ${message}`, field, key, params)
}

function checkOverlap(store: Store, term: Pick<ChairTermFields, 'start' | 'end'>, id: string | undefined): void {
  const other = liveTerms(store).find((t) => t.id !== id && t.start <= term.end && term.start <= t.end)
  if (other) {
    const name = stateName(store.record('organisations', other.organisationId))
    fail('start', `the term overlaps that of ${name} (${other.start} to ${other.end}); terms of the Chair may not overlap.`, 'validation.chairOverlap', {
      name,
      start: other.start,
      end: other.end,
    })
  }
}

/**
 * The rules of the Terms of Reference, checked before anything is written. Links the change
 * adds must be live; those already recorded stay (a selector deleted since still selected).
 */
function checkTerm(store: Store, t: ChairTermFields, id?: string, before?: StoredRecord): ChairTermFields {
  const was = (before?.data ?? {}) as Partial<ChairTermFields>
  const org = store.record('organisations', t.organisationId)
  if (t.organisationId !== was.organisationId && !isLive(org)) fail('organisationId', `the member ${t.organisationId} does not exist or has been deleted.`, 'validation.notLive')
  if (org?.data.kind !== 'state') fail('organisationId', `${stateName(org)} is not a Member State; only Member States can chair the Group.`, 'validation.chairNotState')
  const chair = stateName(org)
  checkOverlap(store, t, id)

  if (t.shadowEnd && !t.shadowStart) fail('shadowStart', 'the shadowing period needs its first day.', 'validation.required')
  if (t.shadowStart && t.shadowStart > t.start) fail('shadowStart', `the shadowing begins after the term starts (${t.start}); the incoming Chair shadows before taking office.`, 'validation.shadowAfterStart')
  if (t.shadowEnd && t.shadowEnd > t.start) fail('shadowEnd', `the shadowing ends after the term starts (${t.start}); it must end on or before that day.`, 'validation.shadowAfterStart')

  const selectedBy = [...new Set(t.selectedBy)]
  if (selectedBy.length && !t.selectedOn) fail('selectedOn', 'the date of the selection is required when the members who selected the Chair are recorded.', 'validation.required')
  const had = new Set(was.selectedBy ?? [])
  for (const s of selectedBy) {
    if (!had.has(s) && !isLive(store.record('organisations', s))) fail('selectedBy', `the member ${s} does not exist or has been deleted.`, 'validation.notLive')
  }
  if (t.selectedOn) {
    const voters = quorumVoters(t)
    if (voters.length < QUORUM) {
      const itself = voters.length < selectedBy.length ? `, not counting ${chair} itself` : ''
      fail('selectedBy', `the quorum needs at least ${QUORUM} members (${voters.length} recorded${itself}).`, 'validation.quorum')
    }
    const inOffice = chairToInclude(liveTerms(store).filter((x) => x.id !== id), t)
    if (inOffice && !voters.includes(inOffice.organisationId)) {
      const name = stateName(store.record('organisations', inOffice.organisationId))
      fail('selectedBy', `the quorum must include the current Chair, ${name} (Chair on ${t.selectedOn}).`, 'validation.quorumChair', { name })
    }
  }
  return { ...t, selectedBy }
}

export function createChair(store: Store, fields: ChairTermFields): ChairTermView {
  const id = randomUUID()
  store.commit([{ table: 'chairs', id, set: { ...checkTerm(store, fields), deleted: false } }])
  return getChair(store, id)
}

export function updateChair(store: Store, id: string, fields: ChairTermFields, seen: Stamps): ChairTermView {
  const rec = requireLive(store, 'chairs', id, 'Chair term')
  const op = updateOp(store, 'chairs', rec, checkTerm(store, fields, id, rec), seen)
  if (op) store.commit([op])
  return getChair(store, id)
}

/** A term restored must still fit: another Chair may have been recorded for its dates meanwhile. */
export function setChairDeleted(store: Store, id: string, deleted: boolean): ChairTermView {
  const rec = requireRecord(store, 'chairs', id, 'Chair term')
  if (!deleted && rec.data.deleted === true) checkOverlap(store, rec.data as ChairTermFields, id)
  setDeleted(store, 'chairs', id, 'Chair term', deleted)
  return getChair(store, id)
}
