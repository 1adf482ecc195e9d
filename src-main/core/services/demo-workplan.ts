import type { ActivityFieldsInput } from '../model/workplan'
import type { ChairTermFieldsInput } from '../model/chair'
import { demoId } from './ids'

// The demo's work plan (activities across the six functions, with progress notes) and its
// register of Chairs: Canada and Ghana before, Sweden now (the letterhead in Settings is
// Sweden's), Indonesia selected to follow and shadowing from March 2027.

type DemoActivity = Omit<ActivityFieldsInput, 'leadIds' | 'supportIds' | 'missionIds'> & {
  key: string
  leads: string[]
  supports?: string[]
  notes?: [date: string, text: string][]
}

const activities: DemoActivity[] = [
  {
    key: 'budget-advocacy',
    title: 'Advocate for corrections posts in mission budgets',
    description: 'Joint statements to the Fifth Committee so that mission budgets keep the staffing, equipment and funding of their corrections components.',
    function: 'legislative-support',
    leads: ['SE'],
    supports: ['NL', 'NO', 'GH'],
    start: '2026-03',
    end: '2027-06',
    status: 'under-way',
    notes: [
      ['2026-05-20', 'Joint statement delivered at the second resumed session of the Fifth Committee.'],
      ['2026-10-08', 'Draft language for the 2027 budget cycle shared with members for comment.'],
    ],
  },
  {
    key: 'council-mandates',
    title: 'Corrections language in Security Council mandate renewals',
    description: 'Propose wording on prison security and detention standards to penholders before mandate renewals.',
    function: 'legislative-support',
    leads: ['NO'],
    supports: ['DE', 'JP'],
    start: '2027-01',
    end: '2027-12',
    status: 'planned',
  },
  {
    key: 'seconded-officers',
    title: 'Roster of government-provided corrections officers',
    description: 'Members share the numbers and profiles of officers they can second in the next two years.',
    function: 'field-needs',
    leads: ['GH', 'RW'],
    supports: ['SN', 'ID'],
    start: '2026-01',
    end: '2027-12',
    status: 'under-way',
    notes: [['2026-09-15', 'Eleven members have sent their figures; reminder to the others in October.']],
  },
  {
    key: 'pre-deployment-training',
    title: 'Pre-deployment training for corrections officers',
    description: 'A two-week course on mission settings, human rights in detention and mentoring of national staff.',
    function: 'field-needs',
    leads: ['ZIF'],
    supports: ['SE', 'NO', 'EuroPris'],
    start: '2026-09',
    end: '2027-05',
    status: 'under-way',
    meetingId: demoId('meeting:annual-2027'),
    notes: [['2026-10-09', 'Curriculum discussed at the teleconference on training; pilot course planned for March 2027.']],
  },
  {
    key: 'prison-security-assessment',
    title: 'Prison security assessment support',
    description: 'Experts from national services join assessments of high-risk prisons requested by missions.',
    function: 'technical-expertise',
    leads: ['CA'],
    supports: ['ICPA'],
    start: '2026-06',
    end: '2027-03',
    status: 'under-way',
    notes: [['2026-11-02', 'Assessment team of four experts confirmed.']],
  },
  {
    key: 'health-in-detention',
    title: 'Health care in detention: technical advice',
    description: 'Advice on screening and treatment of tuberculosis in prisons supported by missions.',
    function: 'technical-expertise',
    leads: ['ICRC'],
    supports: ['JO'],
    start: '2025-10',
    end: '2026-06',
    status: 'done',
    notes: [['2026-06-30', 'Guidance note delivered to the corrections components.']],
  },
  {
    key: 'handbook-update',
    title: 'Update of the corrections handbook for peace operations',
    description: 'Review of the chapters on classification of prisoners and on prison management information systems.',
    function: 'policy-guidance',
    leads: ['PRI'],
    supports: ['NL', 'EuroPris'],
    start: '2026-04',
    end: '2027-09',
    status: 'under-way',
    notes: [
      ['2026-07-01', 'First two chapters reviewed.'],
      ['2026-11-10', 'Comments of the Justice and Corrections Service received on chapter 3.'],
    ],
  },
  {
    key: 'gender-guidance',
    title: 'Guidance on women in detention',
    description: 'Practical guidance for corrections officers, drawing on the Bangkok Rules.',
    function: 'policy-guidance',
    leads: ['SN'],
    supports: ['AR'],
    start: '2027-04',
    end: '2028-03',
    status: 'planned',
  },
  {
    key: 'focal-point-briefings',
    title: 'Briefings with the Global Focal Point',
    description: 'Twice-yearly briefings on joint programmes for police, justice and corrections.',
    function: 'global-focal-point',
    leads: ['DE'],
    supports: ['SE'],
    start: '2026-01',
    end: '2027-12',
    status: 'under-way',
    notes: [['2026-06-12', 'First briefing held at the Permanent Mission of Germany.']],
  },
  {
    key: 'joint-programmes-mapping',
    title: 'Mapping of joint rule-of-law programmes',
    description: 'A shared table of the programmes members fund through the Global Focal Point.',
    function: 'global-focal-point',
    leads: ['JP'],
    supports: ['CN'],
    start: '2025-06',
    end: '2026-02',
    status: 'deferred',
    notes: [['2026-02-15', 'Deferred until the Global Focal Point review is published.']],
  },
  {
    key: 'conference-2027',
    title: 'Conference on corrections in peace operations, 2027',
    description: 'Side event and panel of heads of corrections components at the conference.',
    function: 'conferences',
    leads: ['SE', 'GH'],
    supports: ['ACSA', 'ICPA'],
    start: '2027-02',
    end: '2027-10',
    status: 'planned',
    meetingId: demoId('meeting:annual-2027'),
  },
  {
    key: 'regional-workshop',
    title: 'Regional workshop on corrections in Africa',
    description: 'With the African Correctional Services Association, for corrections services that second officers.',
    function: 'conferences',
    leads: ['ACSA'],
    supports: ['SADC', 'RW'],
    start: '2027-05',
    end: '2027-11',
    status: 'planned',
  },
]

/**
 * Which activities concern which field missions. The links are made to the demo missions that
 * exist, so that the demo imports whether or not the field missions are part of it.
 */
const MISSION_LINKS: Record<string, string[]> = {
  'budget-advocacy': ['MINUSCA', 'UNMISS'],
  'seconded-officers': ['MINUSCA', 'MONUSCO', 'UNMISS'],
  'prison-security-assessment': ['MINUSCA'],
  'health-in-detention': ['UNMISS'],
  'focal-point-briefings': ['UNSOM'],
}

const chairs: (ChairTermFieldsInput & { key: string; selectors?: string[] })[] = [
  { key: 'CA-2021', organisationId: 'CA', start: '2021-09-01', end: '2023-08-31', notes: 'Recorded without the history of its selection.' },
  {
    key: 'GH-2023',
    organisationId: 'GH',
    start: '2023-09-01',
    end: '2025-08-31',
    selectedOn: '2023-03-20',
    selectors: ['CA', 'NL', 'SN', 'NO'],
    shadowStart: '2023-05-01',
    shadowEnd: '2023-08-31',
  },
  {
    key: 'SE-2025',
    organisationId: 'SE',
    start: '2025-09-01',
    end: '2027-08-31',
    selectedOn: '2025-03-18',
    selectors: ['GH', 'NO', 'RW', 'DE'],
    shadowStart: '2025-04-01',
    shadowEnd: '2025-08-31',
  },
  {
    key: 'ID-2027',
    organisationId: 'ID',
    start: '2027-09-01',
    end: '2029-08-31',
    selectedOn: '2026-06-15',
    selectors: ['SE', 'NO', 'GH', 'JP'],
    shadowStart: '2027-03-01',
    shadowEnd: '2027-08-31',
  },
]

/** `missions`: the demo's field missions (none when they are not part of the demo). */
export function demoWorkplan(orgId: (key: string) => string, missions: { id: string; acronym: string }[]): { activities: object[]; progressNotes: object[]; chairs: object[] } {
  const missionId = new Map(missions.map((m) => [m.acronym, m.id]))
  return {
    activities: activities.map(({ key, leads, supports, notes: _notes, ...fields }) => ({
      id: demoId(`activity:${key}`),
      ...fields,
      leadIds: leads.map(orgId),
      supportIds: (supports ?? []).map(orgId),
      missionIds: (MISSION_LINKS[key] ?? []).flatMap((a) => missionId.get(a) ?? []),
    })),
    progressNotes: activities.flatMap(({ key, notes }) =>
      (notes ?? []).map(([date, text], i) => ({ id: demoId(`note:${key}:${i}`), activityId: demoId(`activity:${key}`), date, text })),
    ),
    chairs: chairs.map(({ key, organisationId, selectors, ...fields }) => ({
      id: demoId(`chair:${key}`),
      ...fields,
      organisationId: orgId(organisationId),
      selectedBy: (selectors ?? []).map(orgId),
    })),
  }
}
