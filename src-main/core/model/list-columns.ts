import type { ChairTermView } from './chair'
import { choiceName } from './choices'
import type { Contact } from './contact'
import type { Language } from './fields'
import type { InviteeView, IssuanceView, MeetingSummary, MemberRef } from './meeting'
import type { FieldContactView, MissionSummary } from './mission'
import type { Organisation } from './organisation'
import type { ListName } from './tabular'
import { FUNCTION_NAMES, type ActivityView } from './workplan'
import { STATUS_NAMES } from '../documents/workplan-wording'

// The columns of each list as a spreadsheet export writes them: the header in English and
// French, and the cell of a row. Dates are ISO dates, written as dates in a workbook.

export interface ListColumn<T> {
  label: Record<Language, string>
  value(row: T, lang: Language): string | number
  /** A YYYY-MM-DD text, written as a date in a workbook. */
  date?: boolean
}

const L = (en: string, fr: string) => ({ en, fr })
const member = (m: MemberRef | undefined, lang: Language) => (m ? m[lang] || m.en : '')
const current = (c: Contact) => c.affiliations.filter((a) => a.current)
/** A mission's status as the missions register names it. */
const MISSION_STATUS = { open: L('Open', 'Ouverte'), closed: L('Closed', 'Fermée') }

export interface ListRows {
  organisations: Organisation
  contacts: Contact
  meetings: MeetingSummary
  invitees: InviteeView
  issuances: IssuanceView
  chairs: ChairTermView
  activities: ActivityView
  missions: MissionSummary
  holders: FieldContactView
}

export const LIST_COLUMNS: { [K in ListName]: ListColumn<ListRows[K]>[] } = {
  organisations: [
    { label: L('Name', 'Nom'), value: (o, lang) => (lang === 'fr' ? o.displayNameFr : o.displayName) },
    { label: L('Kind', 'Type'), value: (o, lang) => choiceName('kind', o.kind, lang) },
    { label: L('ISO code', 'Code ISO'), value: (o) => (o.kind === 'state' ? o.countryCode : '') },
    { label: L('Acronym', 'Sigle'), value: (o) => (o.kind === 'sme' ? o.acronym : '') },
    { label: L('Regional group / category', 'Groupe régional / catégorie'), value: (o, lang) => (o.kind === 'state' ? (o.regionalGroup ? choiceName('regionalGroup', o.regionalGroup, lang) : '') : choiceName('category', o.category, lang)) },
    { label: L('Status', 'Statut'), value: (o, lang) => choiceName('status', o.status, lang) },
    { label: L('Joined', 'Membre depuis'), value: (o) => o.joined, date: true },
    { label: L('Address', 'Adresse'), value: (o) => o.address },
    { label: L('Phone', 'Téléphone'), value: (o) => o.phone },
    { label: L('E-mail', 'Courriel'), value: (o) => o.email },
    { label: L('Website', 'Site web'), value: (o) => o.website },
    { label: L('Corrections service', 'Service pénitentiaire'), value: (o) => (o.kind === 'state' ? o.correctionsService : '') },
    { label: L('Notes', 'Notes'), value: (o) => o.notes },
  ],
  contacts: [
    { label: L('Honorific', 'Titre'), value: (c) => c.honorific },
    { label: L('Given name', 'Prénom'), value: (c) => c.givenName },
    { label: L('Family name', 'Nom'), value: (c) => c.familyName },
    { label: L('Member', 'Membre'), value: (c) => current(c).map((a) => a.organisationName).join('; ') },
    { label: L('Role', 'Rôle'), value: (c, lang) => current(c).map((a) => choiceName('role', a.role, lang)).join('; ') },
    { label: L('Position', 'Fonction'), value: (c) => current(c).map((a) => a.position).join('; ') },
    { label: L('E-mail', 'Courriel'), value: (c) => c.emails.join('; ') },
    { label: L('Phone', 'Téléphone'), value: (c) => c.phones.join('; ') },
    { label: L('Language', 'Langue'), value: (c, lang) => choiceName('language', c.language, lang) },
    { label: L('Notes', 'Notes'), value: (c) => c.notes },
  ],
  meetings: [
    { label: L('Title', 'Titre'), value: (m, lang) => (lang === 'fr' && m.titleFr ? m.titleFr : m.title) },
    { label: L('Start', 'Début'), value: (m) => m.start.replace('T', ' ') },
    { label: L('End', 'Fin'), value: (m) => m.end.replace('T', ' ') },
    { label: L('Time zone', 'Fuseau horaire'), value: (m) => m.timeZone },
    { label: L('City', 'Ville'), value: (m, lang) => (lang === 'fr' && m.cityFr ? m.cityFr : m.city) },
    { label: L('Online link', 'Lien en ligne'), value: (m) => m.onlineLink },
    { label: L('Invited', 'Invités'), value: (m) => m.counts.total },
    { label: L('Accepted', 'Acceptés'), value: (m) => m.counts.accepted },
    { label: L('Declined', 'Déclinés'), value: (m) => m.counts.declined },
    { label: L('Attended', 'Présents'), value: (m) => m.counts.attended },
  ],
  invitees: [
    { label: L('Member', 'Membre'), value: (i, lang) => member(i.organisation, lang) },
    { label: L('Addressee', 'Destinataire'), value: (i) => i.addressee?.name ?? '' },
    { label: L('Language', 'Langue'), value: (i, lang) => choiceName('language', i.language, lang) },
    { label: L('Response', 'Réponse'), value: (i, lang) => choiceName('response', i.response, lang) },
    { label: L('Who will attend', 'Participants annoncés'), value: (i) => i.attendees },
    { label: L('Attended', 'Présent'), value: (i, lang) => (i.attended ? (lang === 'fr' ? 'Oui' : 'Yes') : '') },
    { label: L('Input to the agenda', 'Contribution à l\'ordre du jour'), value: (i) => i.agendaInput },
  ],
  issuances: [
    { label: L('Reference', 'Référence'), value: (i) => i.reference },
    { label: L('Issued on', 'Date d\'envoi'), value: (i) => i.issuedOn, date: true },
    { label: L('Member', 'Membre'), value: (i, lang) => member(i.organisation, lang) },
    { label: L('Form', 'Forme'), value: (i, lang) => (i.form === 'letter' ? L('Letter', 'Lettre') : L('Note verbale', 'Note verbale'))[lang] },
    { label: L('Language', 'Langue'), value: (i, lang) => choiceName('language', i.language, lang) },
    { label: L('File', 'Fichier'), value: (i) => i.fileName },
  ],
  chairs: [
    { label: L('Chair', 'Présidence'), value: (c, lang) => member(c.organisation, lang) },
    { label: L('Regional group', 'Groupe régional'), value: (c, lang) => (c.organisation.regionalGroup ? choiceName('regionalGroup', c.organisation.regionalGroup, lang) : '') },
    { label: L('Start', 'Début'), value: (c) => c.start, date: true },
    { label: L('End', 'Fin'), value: (c) => c.end, date: true },
    { label: L('Selected on', 'Choisie le'), value: (c) => c.selectedOn, date: true },
    { label: L('Selected by', 'Choisie par'), value: (c, lang) => c.selectors.map((s) => member(s, lang)).join('; ') },
    { label: L('Notes', 'Notes'), value: (c) => c.notes },
  ],
  activities: [
    { label: L('Function', 'Fonction'), value: (a, lang) => FUNCTION_NAMES[a.function][lang] },
    { label: L('Activity', 'Activité'), value: (a, lang) => (lang === 'fr' && a.titleFr ? a.titleFr : a.title) },
    { label: L('Lead', 'Chef de file'), value: (a, lang) => a.leads.map((m) => member(m, lang)).join('; ') },
    { label: L('Supporting', 'En appui'), value: (a, lang) => a.supporters.map((m) => member(m, lang)).join('; ') },
    { label: L('Missions', 'Missions'), value: (a) => a.missions.map((m) => m.acronym).join('; ') },
    { label: L('Start', 'Début'), value: (a) => a.start },
    { label: L('End', 'Fin'), value: (a) => a.end },
    { label: L('Status', 'Statut'), value: (a, lang) => STATUS_NAMES[a.status][lang] },
    { label: L('Description', 'Description'), value: (a) => a.description },
  ],
  missions: [
    { label: L('Acronym', 'Sigle'), value: (m) => m.acronym },
    { label: L('Name', 'Nom'), value: (m, lang) => (lang === 'fr' && m.nameFr ? m.nameFr : m.nameEn) },
    { label: L('Location', 'Lieu'), value: (m) => m.location },
    { label: L('Status', 'Statut'), value: (m, lang) => MISSION_STATUS[m.status][lang] },
    { label: L('Posts', 'Postes'), value: (m) => m.posts },
    { label: L('Filled', 'Pourvus'), value: (m) => m.filled },
    { label: L('Verified on', 'Vérifiée le'), value: (m) => m.verifiedOn, date: true },
  ],
  holders: [
    { label: L('Name', 'Nom'), value: (h) => h.holder.contact.name },
    { label: L('Post', 'Poste'), value: (h, lang) => (lang === 'fr' && h.post.titleFr ? h.post.titleFr : h.post.title) },
    { label: L('Duty station', 'Lieu d\'affectation'), value: (h) => h.post.dutyStation },
    { label: L('Mission', 'Mission'), value: (h) => h.mission.acronym },
    { label: L('E-mail', 'Courriel'), value: (h) => h.holder.contact.emails.join('; ') },
    { label: L('Phone', 'Téléphone'), value: (h) => h.holder.contact.phones.join('; ') },
    { label: L('Seconded by', 'Détaché par'), value: (h, lang) => (h.holder.seconding ? (lang === 'fr' ? h.holder.seconding.fr : h.holder.seconding.en) : '') },
    { label: L('Start', 'Début'), value: (h) => h.holder.start, date: true },
    { label: L('End', 'Fin'), value: (h) => h.holder.end, date: true },
    { label: L('Verified on', 'Vérifié le'), value: (h) => h.holder.verifiedOn, date: true },
  ],
}

/** Each row's id, by which a screen names the rows it shows. */
export const LIST_ROW_ID: { [K in ListName]: (row: ListRows[K]) => string } = {
  organisations: (r) => r.id,
  contacts: (r) => r.id,
  meetings: (r) => r.id,
  invitees: (r) => r.id,
  issuances: (r) => r.id,
  chairs: (r) => r.id,
  activities: (r) => r.id,
  missions: (r) => r.id,
  holders: (r) => r.holder.id,
}

