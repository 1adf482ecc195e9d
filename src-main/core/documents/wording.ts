import { addressFormOf, personName, type AddressForm } from '../model/contact'
import type { Language } from '../model/fields'
import type { MeetingKind } from '../model/meeting'
import type { FrenchArticle } from '../model/organisation'
import { formatDate, formatMeetingWhen, formatWeekdayDate, NBSP } from '../model/format'
import type { AgendaEntry, ChairInfo, InvitationInput, MeetingInfo, Person, RecipientOrganisation } from './types'

// The protocol phrases of the Chair's correspondence, in English and French: the one
// source of truth for the generated invitations (invitation.ts) and for the values put
// into a secretary's own template (template.ts).

export const GROUP_NAME: Record<Language, string> = {
  en: 'Group of Friends of Corrections in Peace Operations',
  fr: 'Groupe des amis des questions pénitentiaires dans les opérations de paix',
}

const UN: Record<Language, string> = { en: 'to the United Nations', fr: 'auprès de l’Organisation des Nations Unies' }

/** Typographic apostrophes and French no-break spaces, applied to every phrase written here. */
function fr(text: string): string {
  return text
    .replace(/'/g, '’')
    .replace(/ ([:;!?»])/g, `${NBSP}$1`)
    .replace(/« /g, `«${NBSP}`)
}

// ---------------------------------------------------------------------------------------
// Names of states and organisations in running text

/** States whose English short name takes "the" in running text (UN terminology). */
const EN_THE = new Set([
  'Bahamas',
  'Central African Republic',
  'Comoros',
  'Congo',
  "Democratic People's Republic of Korea",
  'Democratic Republic of the Congo',
  'Dominican Republic',
  'Gambia',
  "Lao People's Democratic Republic",
  'Marshall Islands',
  'Niger',
  'Philippines',
  'Republic of Korea',
  'Republic of Moldova',
  'Russian Federation',
  'Sudan',
  'Syrian Arab Republic',
  'United Arab Emirates',
  'United Kingdom of Great Britain and Northern Ireland',
  'United Republic of Tanzania',
  'United States of America',
])

const ORGANISATION_NOUN =
  /\b(Association|Committee|Organi[sz]ation|Cent(re|er)|Community|Institute|Agency|Office|Services?|Programme|Fund|Union|Commission|Council|Foundation|Network|Department|Ministry|Academy|College|University|Secretariat|Bureau|Directorate|Authority|Forum|Society|Group|Federation|Mission|Court|Bank)\b/

/**
 * A name as it reads after "of" or "to" in English: "Ghana", "the Niger",
 * "the Kingdom of the Netherlands" (from "Netherlands (Kingdom of the)"),
 * "the International Committee of the Red Cross", "Penal Reform International".
 */
export function enInText(org: Pick<RecipientOrganisation, 'kind' | 'en'>): string {
  const name = org.en.trim()
  if (/^the\s/i.test(name)) return name
  if (org.kind === 'state') {
    const inverted = /^(.+?) \((.+ of(?: the)?)\)$/.exec(name)
    if (inverted) return `the ${inverted[2]} ${inverted[1]}`
    return EN_THE.has(name) ? `the ${name}` : name
  }
  return ORGANISATION_NOUN.test(name) ? `the ${name}` : name
}

/** "du Ghana" → "au Ghana", "de la Suède" → "à la Suède", "de l'Inde" → "à l'Inde", "des Pays-Bas" → "aux Pays-Bas". */
export function frTo(frOf: string): string {
  const s = frOf.trim()
  if (/^du\s/i.test(s)) return `au ${s.slice(3)}`
  if (/^des\s/i.test(s)) return `aux ${s.slice(4)}`
  if (/^de\s/i.test(s)) return `à ${s.slice(3)}`
  if (/^d['’]/i.test(s)) return `à ${s.slice(2)}`
  return `à ${s}`
}

/** "du Ghana" → "le Ghana", "de la Suède" → "la Suède", "de l'Inde" → "l'Inde", "de Cuba" → "Cuba". */
export function frDefinite(frOf: string): string {
  const s = frOf.trim()
  if (/^du\s/i.test(s)) return `le ${s.slice(3)}`
  if (/^des\s/i.test(s)) return `les ${s.slice(4)}`
  if (/^de\s/i.test(s)) return s.slice(3)
  if (/^d['’]/i.test(s)) return s.slice(2)
  return s
}

/** The article that goes before a state's official title in French: "du Royaume", "de la République"… */
const FR_TITLE_OF: [RegExp, string][] = [
  [/^(Royaume|Grand-Duché|Sultanat|Commonwealth)\b/, 'du '],
  [/^(République|Principauté|Fédération|Confédération)\b/, 'de la '],
  [/^(États|Émirats|Îles)\b/, 'des '],
]

/**
 * "des Pays-Bas (Royaume des)" → "du Royaume des Pays-Bas", "de l'Iran (République islamique d')" →
 * "de la République islamique d'Iran": the UN's list form of a name, as it reads in a sentence.
 */
export function frOfInText(frOf: string): string {
  const s = frOf.trim()
  const m = /^(?:du |de la |de l['’]|des |de |d['’])?(.+?) \((.+)\)$/.exec(s)
  if (!m) return s
  const [, name, title] = m
  const full = /['’]$/.test(title) ? `${title}${name}` : `${title} ${name}`
  const article = FR_TITLE_OF.find(([re]) => re.test(title))?.[1] ?? (/^[aeiouyhâàéèêîïôûœ]/i.test(title) ? "de l'" : 'de ')
  return `${article}${full}`
}

/**
 * "du Comité international de la Croix-Rouge", "de la Communauté…", "de l'Institut…", "des Nations
 * Unies", "de Penal Reform International": an organisation's French name after "de", with its article.
 */
export function frOfName(name: string, article: FrenchArticle): string {
  const n = name.trim()
  if (article === 'le') return `du ${n}`
  if (article === 'la') return `de la ${n}`
  if (article === 'l') return fr(`de l'${n}`)
  if (article === 'les') return `des ${n}`
  return /^[aeiouyhâàéèêîïôûœ]/i.test(n) ? fr(`d'${n}`) : `de ${n}`
}

/** The French "de …" of an organisation, from `frOf` when given, else built from its French name. */
function frOfOrg(org: RecipientOrganisation): string {
  if (org.frOf.trim()) return frOfInText(org.frOf)
  const name = org.fr.trim() || org.en.trim()
  return /^[aeiouyhâàéèêîïôûœ]/i.test(name) ? `d'${name}` : `de ${name}`
}

/** The member's name in the language: "Ghana" / "Comité international de la Croix-Rouge". */
export function memberName(org: RecipientOrganisation, language: Language): string {
  return (language === 'fr' ? org.fr.trim() || org.en.trim() : org.en.trim() || org.fr.trim())
}

/**
 * "Permanent Mission of Ghana to the United Nations" / "Mission permanente du Ghana auprès de
 * l'Organisation des Nations Unies"; for an SME, the organisation's own name.
 */
export function memberMission(org: RecipientOrganisation, language: Language): string {
  if (org.kind === 'sme') return memberName(org, language)
  return language === 'fr'
    ? fr(`Mission permanente ${frOfOrg(org)} ${UN.fr}`)
    : `Permanent Mission of ${enInText(org)} ${UN.en}`
}

/** The Chair's mission: typed in Settings for English; built from the state in French when known. */
export function chairMission(chair: ChairInfo, language: Language): string {
  if (language === 'fr' && chair.state) return fr(`Mission permanente ${frOfInText(chair.state.frOf)} ${UN.fr}`)
  if (chair.missionName.trim()) return chair.missionName.trim()
  if (chair.state) return `Permanent Mission of ${enInText({ kind: 'state', en: chair.state.en })} ${UN.en}`
  return language === 'fr' ? 'La présidence' : 'The Chair'
}

/** "Chair of the Group of Friends…" / "Présidence du Groupe des amis…", for the letterhead. */
export function chairLine(language: Language): string {
  return language === 'fr' ? `Présidence du ${GROUP_NAME.fr}` : `Chair of the ${GROUP_NAME.en}`
}

// ---------------------------------------------------------------------------------------
// Honorifics, names and positions

export type Gender = 'm' | 'f' | null

export interface Honorific {
  /** "H.E.", "His/Her Excellency", "S.E.", "Son Excellence". */
  excellency: boolean
  gender: Gender
  /** The courtesy title after any "H.E.": mr, ms, mrs, miss, dr, or other (kept as typed). */
  title: 'mr' | 'ms' | 'mrs' | 'miss' | 'dr' | 'other' | null
  /** What is left when it is not one we know: "Prof.", "Colonel"… */
  other: string
}

/** Reads an honorific as typed: "H.E. Mr.", "H.E. Ms.", "H.E.", "Mr.", "Ms.", "Mrs.", "Dr.", "S.E. Mme"… */
export function parseHonorific(typed: string): Honorific {
  let rest = typed.trim().replace(/\s+/g, ' ')
  let excellency = false
  let gender: Gender = null
  const he = /^(H\.?\s?E\.?|His Excellency|Her Excellency|S\.?\s?E\.?|Son Excellence)(?=\s|$)\s*/i.exec(rest)
  if (he) {
    excellency = true
    if (/^his/i.test(he[1])) gender = 'm'
    if (/^her/i.test(he[1])) gender = 'f'
    rest = rest.slice(he[0].length)
  }
  const word = rest.toLowerCase().replace(/\.$/, '')
  const known: Record<string, [Honorific['title'], Gender]> = {
    mr: ['mr', 'm'],
    m: ['mr', 'm'],
    monsieur: ['mr', 'm'],
    ms: ['ms', 'f'],
    mrs: ['mrs', 'f'],
    mme: ['ms', 'f'],
    madame: ['ms', 'f'],
    miss: ['miss', 'f'],
    mlle: ['ms', 'f'],
    mademoiselle: ['ms', 'f'],
    dr: ['dr', null],
  }
  if (!word) return { excellency, gender, title: null, other: '' }
  const k = known[word]
  if (k) return { excellency, gender: k[1] ?? gender, title: k[0], other: '' }
  return { excellency, gender, title: 'other', other: rest }
}

/** The honorific as it is written before the full name in the address block. */
export function honorificText(h: Honorific, language: Language): string {
  const courtesy = (() => {
    if (language === 'fr') {
      if (h.title === 'mr') return 'M.'
      if (h.title === 'ms' || h.title === 'mrs' || h.title === 'miss') return 'Mme'
      if (h.title === 'dr') return 'Dr'
      return h.other
    }
    if (h.title === 'mr') return 'Mr.'
    if (h.title === 'ms') return 'Ms.'
    if (h.title === 'mrs') return 'Mrs.'
    if (h.title === 'miss') return 'Miss'
    if (h.title === 'dr') return 'Dr.'
    return h.other
  })()
  let excellency = ''
  if (h.excellency) {
    // French lists and letters write "S. E. M." / "S. E. Mme", held together.
    if (language === 'fr') excellency = `S.${NBSP}E.`
    else if (h.gender === 'm') excellency = 'His Excellency'
    else if (h.gender === 'f') excellency = 'Her Excellency'
    else excellency = 'H.E.'
  }
  return [excellency, courtesy].filter(Boolean).join(language === 'fr' ? NBSP : ' ')
}

/** "Kwame Sampleson"; family name first in capitals, as UN lists write it: "WANG Wei". */
export function fullName(p: Pick<Person, 'givenName' | 'familyName' | 'familyNameFirst'>): string {
  const given = p.givenName.trim()
  const family = p.familyName.trim()
  return (p.familyNameFirst ? [family.toLocaleUpperCase(), given] : [given, family]).filter(Boolean).join(' ')
}

/** A person with at least a name; otherwise the invitation goes to the office. */
function named(p: Person | null): Person | null {
  return p && fullName(p) ? p : null
}

/** English position → French [masculine, feminine]. The common titles of missions and organisations. */
const POSITIONS_FR: [RegExp, string, string][] = [
  [/^ambassador (and|&) permanent representative$/, 'Ambassadeur et Représentant permanent', 'Ambassadrice et Représentante permanente'],
  [/^permanent representative$/, 'Représentant permanent', 'Représentante permanente'],
  [/^deputy permanent representative$/, 'Représentant permanent adjoint', 'Représentante permanente adjointe'],
  [/^charg[ée]e? d['’]affaires(,? (a\.? ?i\.?|ad interim))?$/, 'Chargé d’affaires par intérim', 'Chargée d’affaires par intérim'],
  [/^ambassador$/, 'Ambassadeur', 'Ambassadrice'],
  [/^minister[- ]counsell?or$/, 'Ministre conseiller', 'Ministre conseillère'],
  [/^minister$/, 'Ministre', 'Ministre'],
  [/^counsell?or$/, 'Conseiller', 'Conseillère'],
  [/^first secretary$/, 'Premier Secrétaire', 'Première Secrétaire'],
  [/^second secretary$/, 'Deuxième Secrétaire', 'Deuxième Secrétaire'],
  [/^third secretary$/, 'Troisième Secrétaire', 'Troisième Secrétaire'],
  [/^attach[ée]e?$/, 'Attaché', 'Attachée'],
  [/^military advis[eo]r$/, 'Conseiller militaire', 'Conseillère militaire'],
  [/^senior advis[eo]r$/, 'Conseiller principal', 'Conseillère principale'],
  [/^legal advis[eo]r$/, 'Conseiller juridique', 'Conseillère juridique'],
  [/^(corrections?|prison) advis[eo]r$/, 'Conseiller pour les questions pénitentiaires', 'Conseillère pour les questions pénitentiaires'],
  [/^detention advis[eo]r$/, 'Conseiller pour les questions de détention', 'Conseillère pour les questions de détention'],
  [/^advis[eo]r$/, 'Conseiller', 'Conseillère'],
  [/^program(me)? (officer|manager)$/, 'Chargé de programme', 'Chargée de programme'],
  [/^focal point$/, 'Point focal', 'Point focal'],
  [/^deputy director$/, 'Directeur adjoint', 'Directrice adjointe'],
  [/^police advis[eo]r$/, 'Conseiller pour les questions de police', 'Conseillère pour les questions de police'],
  [/^director[- ]general$/, 'Directeur général', 'Directrice générale'],
  [/^executive director$/, 'Directeur exécutif', 'Directrice exécutive'],
  [/^director$/, 'Directeur', 'Directrice'],
  [/^secretary[- ]general$/, 'Secrétaire général', 'Secrétaire générale'],
  [/^executive secretary$/, 'Secrétaire exécutif', 'Secrétaire exécutive'],
  [/^president$/, 'Président', 'Présidente'],
  [/^chair(man|woman|person)?$/, 'Président', 'Présidente'],
  [/^head of delegation$/, 'Chef de délégation', 'Cheffe de délégation'],
  [/^head$/, 'Chef', 'Cheffe'],
]

/** A position in the letter's language; French for the titles we know, agreeing with the form of address. */
export function positionText(position: string, language: Language, gender: Gender): string {
  const typed = position.trim().replace(/\s+/g, ' ')
  if (language !== 'fr') return typed
  const key = typed.toLowerCase()
  for (const [re, m, f] of POSITIONS_FR) if (re.test(key)) return gender === 'f' ? f : m
  return typed
}

/** Positions held "of [state] to the United Nations" rather than in its mission. */
const REPRESENTATIVE = /representative|repr[ée]sentant|charg[ée]e? d['’]affaires|^ambassador$/i

function stateLine(org: RecipientOrganisation, language: Language): string {
  return language === 'fr' ? fr(`${frOfOrg(org)} ${UN.fr}`) : `of ${enInText(org)} ${UN.en}`
}

// ---------------------------------------------------------------------------------------
// The addressee

export interface Addressee {
  /** The protocol block, one line each: name, position, organisation, city. */
  lines: string[]
  /** "His Excellency Mr. Kwame Sampleson" (the first line), or the office when there is no one. */
  fullName: string
  /** "Kwame Sampleson", or "" when the invitation goes to the office. */
  name: string
  honorific: string
  /** The position lines joined: "Permanent Representative of Ghana to the United Nations". */
  position: string
  salutation: string
  /** The letter's last sentence. */
  closing: string
}

// Opening and closing go in pairs, in both languages: "Excellency, … Accept, Excellency, …",
// "Dear Mr. X, … Yours sincerely,", "Monsieur l'Ambassadeur, … Veuillez agréer, Monsieur
// l'Ambassadeur, …", "Madame, … Veuillez agréer, Madame, …".
interface Courtesy {
  salutation: string
  closing: string
}

function excellency(language: Language, vocative?: string): Courtesy {
  if (language === 'fr') {
    const v = vocative ?? 'Excellence'
    return { salutation: fr(`${v},`), closing: fr(`Veuillez agréer, ${v}, les assurances de ma très haute considération.`) }
  }
  return { salutation: 'Excellency,', closing: 'Accept, Excellency, the assurances of my highest consideration.' }
}

function frenchCourtesy(vocative: string): Courtesy {
  return { salutation: `${vocative},`, closing: `Veuillez agréer, ${vocative}, l’assurance de ma haute considération.` }
}

const VOCATIVE_FR: Record<AddressForm, string> = { male: 'Monsieur', female: 'Madame', neutral: 'Madame, Monsieur' }
const AMBASSADOR_FR: Partial<Record<AddressForm, string>> = { male: 'Monsieur l’Ambassadeur', female: 'Madame l’Ambassadrice' }

/** Ambassador's rank: a Permanent Representative, an ambassador (or a head of mission with no position typed). */
const AMBASSADOR = /^$|ambassad|permanent representative$|représentante? permanente?$/i

/** The city of the missions in New York, for the last line of the block. */
function missionCity(chair: ChairInfo): string {
  return chair.city.trim() || 'New York'
}

/** A line of the block that would wrap is cut before "to the United Nations" / "auprès de…". */
const LONG_LINE = 80

function splitLong(line: string): string[] {
  if (line.length <= LONG_LINE) return [line]
  const at = line.search(/ (to the United Nations|auprès de l[’']Organisation des Nations Unies)$/)
  return at > 0 ? [line.slice(0, at), line.slice(at + 1)] : [line]
}

/** Whom a letter is addressed to, how it opens and how it closes. */
export function addressee(input: Pick<InvitationInput, 'addressee' | 'organisation' | 'language' | 'chair'>): Addressee {
  const { organisation: org, language: lang, chair } = input
  const person = named(input.addressee)
  const member = memberName(org, lang)
  if (!person) {
    if (org.kind === 'state') {
      const title = lang === 'fr' ? fr(`Le Représentant permanent ${stateLine(org, 'fr')}`) : `The Permanent Representative ${stateLine(org, 'en')}`
      return { lines: [...splitLong(title), missionCity(chair)], fullName: title, name: '', honorific: '', position: title, ...excellency(lang) }
    }
    const head = lang === 'fr' ? 'La Direction' : 'The Head'
    const courtesy = lang === 'fr' ? frenchCourtesy(VOCATIVE_FR.neutral) : { salutation: 'Dear Sir or Madam,', closing: 'Yours faithfully,' }
    return { lines: [head, member], fullName: head, name: '', honorific: '', position: head, ...courtesy }
  }
  const typed = parseHonorific(person.honorific)
  const form = person.addressForm ?? addressFormOf(person.honorific)
  const h: Honorific = { ...typed, gender: form === 'male' ? 'm' : form === 'female' ? 'f' : null }
  const honorific = honorificText(h, lang)
  const name = fullName(person)
  const first = [honorific, name].filter(Boolean).join(lang === 'fr' ? NBSP : ' ')
  const position = positionText(person.position, lang, h.gender)
  const positionLines: string[] = []
  if (org.kind === 'state') {
    if (position && REPRESENTATIVE.test(position)) positionLines.push(`${position} ${stateLine(org, lang)}`)
    else {
      if (position) positionLines.push(position)
      positionLines.push(memberMission(org, lang))
    }
  } else {
    if (position) positionLines.push(position)
    positionLines.push(member)
  }
  const lines = [first, ...positionLines.flatMap(splitLong)]
  if (org.kind === 'state') lines.push(missionCity(chair))

  let courtesy: Courtesy
  const family = person.familyName.trim() || name
  if (h.excellency) {
    const ambassador = org.kind === 'state' && AMBASSADOR.test(person.position.trim())
    courtesy = excellency(lang, lang === 'fr' && ambassador ? AMBASSADOR_FR[form] : undefined)
  } else if (lang === 'fr') {
    courtesy = frenchCourtesy(VOCATIVE_FR[form])
  } else {
    // "Dear Mr. Wang," (the family name, however the name is ordered), "Dear Dr. Roe,"; with no
    // courtesy title, the whole name.
    const title = honorificText({ ...h, excellency: false }, 'en')
    courtesy = { salutation: `Dear ${title ? `${title} ${family}` : personName(person)},`, closing: 'Yours sincerely,' }
  }
  return { lines, fullName: first, name, honorific, position: positionLines.join(', '), ...courtesy }
}

// ---------------------------------------------------------------------------------------
// The meeting in running text

const KIND: Record<MeetingKind, Record<Language, string>> = {
  annual: { en: 'annual meeting', fr: 'réunion annuelle' },
  regular: { en: 'meeting', fr: 'réunion' },
  teleconference: { en: 'teleconference', fr: 'téléconférence' },
  'side-event': { en: 'side event', fr: 'manifestation parallèle' },
  'ad-hoc': { en: 'ad hoc meeting', fr: 'réunion spéciale' },
}

/** The title without years, punctuation, the Group's name or "GFC": what is left says more than the kind? */
function bareTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(GROUP_NAME.en.toLowerCase(), ' ')
    .replace(GROUP_NAME.fr.toLowerCase(), ' ')
    .replace(/\b(19|20)\d\d\b/g, ' ')
    .replace(/[^\p{L}\s]/gu, ' ')
    .replace(/\b(gfc|of the|du|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * "the annual meeting of the Group of Friends of Corrections in Peace Operations", with the
 * meeting's own title after it when it says more than its kind:
 * "…Peace Operations, entitled “Corrections in transitions”," / "…, intitulée « … »,".
 */
export function meetingPhrase(meeting: Pick<MeetingInfo, 'kind' | 'title'>, language: Language): string {
  const kind = KIND[meeting.kind] ?? KIND.regular
  const t = bareTitle(meeting.title)
  const plain = !t || t === kind.en || t === kind.fr || t === 'meeting' || t === 'réunion'
  if (language === 'fr') {
    const base = `la ${kind.fr} du ${GROUP_NAME.fr}`
    return plain ? base : fr(`${base}, intitulée « ${meeting.title.trim()} »,`)
  }
  const base = `the ${kind.en} of the ${GROUP_NAME.en}`
  return plain ? base : `${base}, entitled “${meeting.title.trim()}”,`
}

/**
 * The meeting as a document in the language writes it: in French, the French title, city,
 * address and agenda items where they were given, the English ones elsewhere.
 */
export function localMeeting(meeting: MeetingInfo, language: Language): MeetingInfo {
  if (language !== 'fr') return meeting
  const or = (french: string | undefined, english: string) => french?.trim() || english
  return {
    ...meeting,
    title: or(meeting.titleFr, meeting.title),
    city: or(meeting.cityFr, meeting.city),
    address: or(meeting.addressFr, meeting.address),
    agenda: meeting.agenda.map((item) => ({ ...item, title: or(item.titleFr, item.title) })),
  }
}

/** What a French document of the meeting takes from the English: "title", "venue", "agenda 2"… */
export function frenchFallbacks(meeting: Pick<MeetingInfo, 'title' | 'titleFr' | 'address' | 'addressFr' | 'agenda'>): string[] {
  const out: string[] = []
  if (meeting.title.trim() && !meeting.titleFr?.trim()) out.push('title')
  if (meeting.address.trim() && !meeting.addressFr?.trim()) out.push('venue')
  meeting.agenda.forEach((item, i) => {
    if (!item.titleFr?.trim()) out.push(`agenda ${i + 1}`)
  })
  return out
}

/** "United Nations Headquarters, Conference Room 7, New York" (the city once). */
export function venueText(meeting: Pick<MeetingInfo, 'address' | 'city'>): string {
  const address = meeting.address.trim().replace(/\s*\n\s*/g, ', ')
  const city = meeting.city.trim()
  if (!address) return city
  if (!city || address.toLowerCase().includes(city.toLowerCase())) return address
  return `${address}, ${city}`
}

/** "+1 646 555 0199" with no-break spaces, so that a number is never cut at the end of a line. */
export function keepNumbersTogether(text: string): string {
  const glue = (t: string) => t.replace(/(\+?\d[\d()-]*) (?=[\d(])/g, `$1${NBSP}`)
  return glue(glue(text))
}

export interface Venue {
  /** The end of the sentence "…to be held on [when]": ", at United Nations Headquarters, …, New York." */
  place: string
  /** A sentence of its own on joining online or by telephone, or "". */
  online: string
}

/** Where the meeting is, and how to join it from afar. */
export function venueSentences(meeting: MeetingInfo, language: Language): Venue {
  const place = venueText(meeting)
  const link = meeting.onlineLink.trim()
  const dial = keepNumbersTogether(meeting.dialIn.trim())
  const onlyCity = !meeting.address.trim() && !!meeting.city.trim()
  if (language === 'fr') {
    const at = place ? (onlyCity ? `, à ${place}.` : `, à l'adresse suivante : ${place}.`) : ', en ligne.'
    const how = [link && `en ligne à l'adresse ${link}`, dial && `par téléphone (${dial})`].filter(Boolean).join(', ou ')
    const online = how ? `Il sera ${place ? 'également ' : ''}possible d'y participer ${how}.` : ''
    return { place: fr(at), online: fr(online) }
  }
  const at = place ? (onlyCity ? `, in ${place}.` : `, at ${place}.`) : ', online.'
  const how = [link && `online at ${link}`, dial && `by telephone (${dial})`].filter(Boolean).join(' or ')
  return { place: at, online: how ? `Delegations may ${place ? 'also ' : ''}join ${how}.` : '' }
}

/** "Online" / "En ligne" when there is no place. */
export function venueOrOnline(meeting: MeetingInfo, language: Language): string {
  return venueText(meeting) || (language === 'fr' ? 'En ligne' : 'Online')
}

/** Who answers the RSVPs: as typed for the meeting, else the Chair's e-mail. */
export function rsvpContact(meeting: MeetingInfo, chair: ChairInfo): string {
  return meeting.rsvpContact.trim() || chair.email.trim()
}

// ---------------------------------------------------------------------------------------
// The invitation, paragraph by paragraph

export interface AgendaLine {
  number: number
  title: string
  presenter: string
  minutes: number
  /** "H.E. Ms. Anna Exempel · 10 min", or "" when neither is known. */
  detail: string
}

export function agendaLines(agenda: AgendaEntry[]): AgendaLine[] {
  return agenda.map((item, i) => {
    const presenter = item.presenter.trim()
    const minutes = item.minutes > 0 ? `${item.minutes}${NBSP}min` : ''
    return {
      number: i + 1,
      title: item.title.trim(),
      presenter,
      minutes: item.minutes,
      detail: [presenter, minutes].filter(Boolean).join(' · '),
    }
  })
}

export interface InvitationWording {
  /** "New York, 1 February 2027" / "New York, le 1er février 2027". */
  placeDate: string
  /** Whom a letter is addressed to (a note verbale ends with `recipientLine` instead). */
  addressee: Addressee
  /** Note verbale: "Permanent Mission of Ghana to the United Nations, New York". */
  recipientLine: string
  /** The paragraphs between the salutation (letter) or the top (note) and the signature. */
  body: string[]
}

export function placeAndDate(city: string, date: string, language: Language): string {
  const place = city.trim() || 'New York'
  return language === 'fr' ? `${place}, le ${formatDate(date, 'fr')}` : `${place}, ${formatDate(date, 'en')}`
}

export function annexTitle(language: Language): string {
  return language === 'fr' ? fr('Annexe : Ordre du jour provisoire') : 'Annex: Provisional agenda'
}

export function invitationWording(input: InvitationInput): InvitationWording {
  const { language: lang, chair, organisation: org, form } = input
  const meeting = localMeeting(input.meeting, lang)
  const to = addressee(input)
  const when = formatMeetingWhen(meeting, lang, chair.clock12)
  const what = meetingPhrase(meeting, lang)
  const venue = venueSentences(meeting, lang)
  const where = venue.place
  const hasAgenda = meeting.agenda.length > 0
  const deadline = meeting.rsvpDeadline ? formatWeekdayDate(meeting.rsvpDeadline, lang) : ''
  const contact = rsvpContact(meeting, chair)
  const multiDay = /^(from|du) /.test(when)
  const held = lang === 'fr' ? `qui se tiendra ${multiDay ? '' : 'le '}${when}` : `to be held ${multiDay ? '' : 'on '}${when}`
  const body: string[] = []

  if (form === 'letter') {
    body.push(
      lang === 'fr'
        ? fr(`J'ai l'honneur de vous inviter à ${what}${comma(what)}${held}${where}`)
        : `I have the honour to invite you to ${what}${comma(what)}${held}${where}`,
    )
    if (venue.online) body.push(venue.online)
    body.push(
      hasAgenda
        ? lang === 'fr'
          ? fr(`L'ordre du jour provisoire de la réunion figure en annexe à la présente lettre.`)
          : 'The provisional agenda of the meeting is annexed to the present letter.'
        : lang === 'fr'
          ? fr(`L'ordre du jour provisoire vous sera communiqué en temps utile.`)
          : 'The provisional agenda will be circulated in due course.',
    )
    body.push(
      lang === 'fr'
        ? fr(
            `Je vous saurais gré de bien vouloir confirmer votre participation, en indiquant les noms et fonctions des membres de votre délégation${deadline ? `, d'ici au ${deadline}` : ''}${contact ? `, auprès de ${contact}` : ''}.`,
          )
        : `I should be grateful if you would confirm your participation, with the names and functions of the members of your delegation${deadline ? `, by ${deadline}` : ''}${contact ? `, to ${contact}` : ''}.`,
    )
    body.push(to.closing)
  } else {
    const from = chairSubject(chair, lang)
    const fromShort = chairShortSubject(chair, lang)
    const recipient = memberMission(org, lang)
    const state = org.kind === 'state'
    if (lang === 'fr') {
      const recipientTo = state ? `à la ${recipient}` : frTo(frOfOrg(org))
      body.push(
        fr(
          `${from} présente ses compliments ${recipientTo} et, en sa qualité de présidente du ${GROUP_NAME.fr}, a l'honneur de l'inviter à se faire représenter à la ${KIND[meeting.kind]?.fr ?? 'réunion'} du Groupe${titleClause(meeting, 'fr')}, ${held}${where}`,
        ),
      )
      if (venue.online) body.push(venue.online)
      body.push(
        hasAgenda
          ? fr(`L'ordre du jour provisoire de la réunion figure en annexe à la présente note.`)
          : fr(`L'ordre du jour provisoire sera communiqué en temps utile.`),
      )
      const recipientShortTo = state ? `à la Mission permanente ${frOfOrg(org)}` : frTo(frOfOrg(org))
      body.push(
        fr(
          `${fromShort} saurait gré ${recipientShortTo} de bien vouloir confirmer sa participation, en indiquant les noms et fonctions de ses représentants${deadline ? `, d'ici au ${deadline}` : ''}${contact ? `, auprès de ${contact}` : ''}.`,
        ),
      )
      body.push(fr(`${from} saisit cette occasion pour renouveler ${recipientTo} les assurances de sa très haute considération.`))
    } else {
      const recipientRef = state ? `the ${recipient}` : enInText(org)
      const invited = state ? 'the Permanent Mission' : 'it'
      body.push(
        `${from} presents its compliments to ${recipientRef} and, in its capacity as Chair of the ${GROUP_NAME.en}, has the honour to invite ${invited} to be represented at the ${KIND[meeting.kind]?.en ?? 'meeting'} of the Group${titleClause(meeting, 'en')}, ${held}${where}`,
      )
      if (venue.online) body.push(venue.online)
      body.push(
        hasAgenda
          ? 'The provisional agenda of the meeting is annexed to the present note.'
          : 'The provisional agenda will be circulated in due course.',
      )
      const recipientShort = state ? `the Permanent Mission of ${enInText(org)}` : enInText(org)
      body.push(
        `${fromShort} would be grateful if ${recipientShort} could confirm its participation, with the names and functions of its representatives${deadline ? `, by ${deadline}` : ''}${contact ? `, to ${contact}` : ''}.`,
      )
      body.push(`${from} avails itself of this opportunity to renew to ${recipientRef} the assurances of its highest consideration.`)
    }
  }
  const recipientLine =
    org.kind === 'state' ? `${memberMission(org, lang)}, ${missionCity(chair)}` : memberMission(org, lang)
  return {
    placeDate: placeAndDate(chair.city, input.date, lang),
    addressee: to,
    recipientLine,
    body: body.map((p) => capitalise(p)),
  }
}

/** ", entitled “…”" when the title says more than the kind of meeting (for the note's shorter phrase); the comma after it is the caller's. */
function titleClause(meeting: Pick<MeetingInfo, 'kind' | 'title'>, language: Language): string {
  const phrase = meetingPhrase(meeting, language)
  const i = phrase.indexOf(language === 'fr' ? ', intitulée' : ', entitled')
  return i < 0 ? '' : phrase.slice(i, phrase.length - 1)
}

/** "The Permanent Mission of Sweden to the United Nations" / "La Mission permanente de la Suède auprès de…": the note's subject. */
function chairSubject(chair: ChairInfo, language: Language): string {
  const mission = chairMission(chair, language)
  if (language === 'fr') return /^mission/i.test(mission) ? `La ${mission}` : mission
  return `The ${stripThe(mission)}`
}

/** "The Permanent Mission of Sweden" (without "to the United Nations"), for the second mention. */
function chairShortSubject(chair: ChairInfo, language: Language): string {
  if (chair.state) {
    return language === 'fr'
      ? fr(`La Mission permanente ${frOfInText(chair.state.frOf)}`)
      : `The Permanent Mission of ${enInText({ kind: 'state', en: chair.state.en })}`
  }
  return language === 'fr' ? 'La Mission' : 'The Mission'
}

/** The comma before "to be held": none when the title clause already ends with one. */
function comma(phrase: string): string {
  return phrase.endsWith(',') ? ' ' : ', '
}

function stripThe(s: string): string {
  return s.replace(/^the\s+/i, '')
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** The signatory's title in the document's language, as typed in Settings. */
export function signatoryTitle(chair: ChairInfo, language: Language): string {
  return (language === 'fr' && chair.signatoryTitleFr?.trim()) || chair.signatoryTitle.trim()
}
