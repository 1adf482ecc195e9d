// English text of the validation keys, for doors that have no UI language (CLI, logs).
// The renderer's locale files carry the same keys in English and French.
export const VALIDATION_MESSAGES: Record<string, string> = {
  'validation.required': 'is required',
  'validation.tooLong': 'is too long (at most {{max}} characters)',
  'validation.tooMany': 'has too many entries (at most {{max}})',
  'validation.oneLine': 'must be on one line',
  'validation.controlChar': 'contains a control character (such as an escape code), which text may not hold',
  'validation.bidiChar': 'contains an invisible character that reverses the direction of the text (U+202A–U+202E, U+2066–U+2069)',
  'validation.email': 'is not a valid e-mail address',
  'validation.date': 'is not a valid date (YYYY-MM-DD)',
  'validation.url': 'is not a valid web address (such as www.example.org, or one starting with http:// or https://)',
  'validation.phone': 'is not a valid phone number',
  'validation.id': 'is not a valid id',
  'validation.unknownCountry': 'is not a United Nations Member State',
  'validation.endBeforeStart': 'is before the start date',
  'validation.alreadyMember': 'is already a member of the Group',
  'validation.invalid': 'is not valid',
  'validation.dateTime': 'is not a valid date and time (YYYY-MM-DDTHH:MM)',
  'validation.timeZone': 'is not a known time zone (such as America/New_York)',
  'validation.venueOrLink': 'needs a venue (city or address) or an online link',
  'validation.wholeNumber': 'must be a whole number',
  'validation.range': 'is out of range',
  'validation.templateUnknownPlaceholder': 'uses a placeholder GFC Desk does not know',
  'validation.templateNotDocx': 'is not a Word (.docx) file',
  'validation.templateTags': 'has a placeholder that is not closed or not well formed',
  'validation.alreadyInvited': 'is already invited',
  'validation.referencePattern': 'must contain {NNN}, the running number',
  'validation.month': 'is not a valid month (YYYY-MM)',
  'validation.quorum': 'needs at least three members (a quorum), including the current Chair',
  'validation.quorumChair': 'must include the Chair in office on the date of the selection',
  'validation.notLive': 'points at a record that does not exist or has been deleted',
  'validation.leadAndSupport': 'lists a member that is also a lead',
  'validation.chairNotState': 'must be a Member State: only Member States can chair the Group',
  'validation.chairOverlap': 'overlaps the term of another Chair',
  'validation.shadowAfterStart': 'must be on or before the start of the term',
  'validation.acronymTaken': 'is the acronym of another mission in the register',
  'validation.holderOverlap': 'overlaps the term of another holder of this post',
  'validation.takeOverTooEarly': 'is too early: the current holder started later',
  'validation.unknownMember': 'names no member of the Group (a Member State by name or ISO code, or an organisation by name or acronym)',
  'validation.notMember': 'is a Member State that is not a member of the Group',
  'validation.unknownChoice': 'is not one of: {{choices}}',
  'validation.stateOrName': 'is required: a Member State, or the name of an organisation',
  'validation.memberNeeded': 'is required for a role, position or start date',
  'validation.repeatedInFile': 'is already in row {{line}} of the file',
}

/** A validation message with the values of its placeholders: "validation.tooLong?max=100". */
export function withParams(key: string, params: Record<string, string | number>): string {
  return `${key}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`
}

/** The key of a validation message, and the values it carries (see withParams). */
export function parseMessage(message: string): { key: string; params?: Record<string, string> } {
  const at = message.indexOf('?')
  if (at < 0) return { key: message }
  return { key: message.slice(0, at), params: Object.fromEntries(new URLSearchParams(message.slice(at + 1))) }
}

/** The English text of a validation message (a key, with or without its values). */
export function validationText(message: string): string {
  const { key, params = {} } = parseMessage(message)
  const text = VALIDATION_MESSAGES[key]
  return text ? text.replace(/\{\{(\w+)\}\}/g, (m, name: string) => params[name] ?? m) : key
}
