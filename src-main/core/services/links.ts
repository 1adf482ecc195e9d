import type { TableName } from '../sync/change'

// Which record points at which: one table for the import's checks and for gfc check.

/** Which fields of a record point at which list (a field may hold one id or a list of ids). */
export const LINKS: Partial<Record<TableName, Record<string, TableName>>> = {
  affiliations: { contactId: 'contacts', organisationId: 'organisations' },
  meetings: { chairOrganisationId: 'organisations' },
  invitees: { meetingId: 'meetings', organisationId: 'organisations', addresseeId: 'contacts' },
  comments: { meetingId: 'meetings', organisationId: 'organisations' },
  issuances: { meetingId: 'meetings', organisationId: 'organisations', addresseeId: 'contacts' },
  activities: { leadIds: 'organisations', supportIds: 'organisations', missionIds: 'missions', meetingId: 'meetings' },
  progressNotes: { activityId: 'activities' },
  chairs: { organisationId: 'organisations', selectedBy: 'organisations' },
  posts: { missionId: 'missions' },
  holders: { postId: 'posts', contactId: 'contacts' },
}

/** The ids a record's link field holds: none, one, or a list. */
export function linkedIds(value: unknown): string[] {
  return (Array.isArray(value) ? value.map(String) : [String(value ?? '')]).filter(Boolean)
}
