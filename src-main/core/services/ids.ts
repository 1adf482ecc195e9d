import { createHash } from 'node:crypto'

// Ids derived from what a record is, so that two devices adding the same thing offline make the
// same record, and their changes merge instead of standing side by side.

/** A fixed UUID (version 5 form) derived from a name. */
export function nameId(namespace: string, name: string): string {
  const h = createHash('sha1').update(`${namespace}:${name}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** A fixed UUID per demo record, derived from its name: loading the demo twice gives the same ids. */
export function demoId(name: string): string {
  return nameId('gfc-demo', name)
}

/** A Member State is a member once: its record's id comes from its ISO code. */
export function memberStateId(countryCode: string): string {
  return nameId('gfc-member-state', countryCode)
}

/** A member is invited to a meeting once: the invitee's id comes from both. */
export function inviteeId(meetingId: string, organisationId: string): string {
  return nameId('gfc-invitee', `${meetingId}:${organisationId}`)
}
