// The document builders: pure functions from gathered data to .docx bytes or .ics text.
// Node-side core: no Electron, no React, no store or services here.
export type * from './types'
export { buildInvitation, buildInvitations, invitationPages, InvitationPress } from './invitation'
export { buildAgenda } from './agenda'
export { buildParticipants, listedParticipants } from './participants'
export { buildTabledComments } from './tabled-comments'
export { buildIcs, type IcsInput } from './ics'
export { buildWorkplan } from './workplan'
export { buildWorkplanCsv } from './workplan-csv'
export { checkTemplate, fillTemplate, fillTemplates, listPlaceholders, prepareTemplate, templateValues, TEMPLATE_FIELDS, type PreparedTemplate, type TemplateField } from './template'
export { invitationFileName, meetingFileName, safeFileNamePart, workplanFileName, MAX_FILE_NAME, type MeetingDocumentKind } from './file-names'
export {
  formatDate,
  formatWeekdayDate,
  formatTime,
  formatUtcOffset,
  formatMeetingDate,
  formatMeetingTime,
  formatMeetingWhen,
  formatSlot,
  formatMonth,
  formatMonthSpan,
  meetingInstants,
  wallClockToInstant,
  zoneLabel,
  NEW_YORK,
} from '../model/format'
export { addressee, chairMission, frenchFallbacks, frOfName, invitationWording, localMeeting, memberMission, memberName, parseHonorific, GROUP_NAME } from './wording'
export {
  buildDirectory,
  buildDirectoryCsv,
  directoryFileName,
  directoryTitle,
  type DirectoryHolder,
  type DirectoryInput,
  type DirectoryMission,
  type DirectoryRow,
} from './directory'
