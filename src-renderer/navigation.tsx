import { createContext, useContext } from 'react'
import { MISSION_VIEWS, missionSection, type MissionView } from './screens/missions/views'
import { WORKPLAN_VIEWS, workplanSection, type WorkplanView } from './screens/workplan/views'

export type View =
  | { name: 'home' }
  | { name: 'welcome' }
  | { name: 'members' }
  | { name: 'member'; id: string }
  | { name: 'memberNew'; kind: 'state' | 'sme' }
  | { name: 'memberEdit'; id: string }
  | { name: 'contacts' }
  | { name: 'contact'; id: string }
  | { name: 'contactNew'; organisationId?: string }
  | { name: 'contactEdit'; id: string }
  | { name: 'meetings' }
  | { name: 'meeting'; id: string; tab?: MeetingTab }
  | { name: 'meetingNew' }
  | { name: 'meetingEdit'; id: string }
  | { name: 'settings' }
  | { name: 'sync' }
  | { name: 'conflicts' }
  | WorkplanView
  | MissionView

/** The parts of a meeting's page. */
export type MeetingTab = 'invitees' | 'agendaInput' | 'comments' | 'documents' | 'invitations'

export interface Nav {
  view: View
  /** Opens a screen as a new step of the history (Back returns here); asks first if a form has unsaved changes. */
  go(view: View): void
  /** Changes the address of the screen on view without a new history step (a tab chosen on the same record). */
  replace(view: View): void
}

export const NavContext = createContext<Nav>({ view: { name: 'home' }, go: () => {}, replace: () => {} })

export function useNav(): Nav {
  return useContext(NavContext)
}

export type Section = 'home' | 'members' | 'contacts' | 'meetings' | 'workplan' | 'chair' | 'missions' | 'sync' | 'conflicts' | 'settings'

/** Which left-navigation section a view belongs to. */
export function sectionOf(view: View): Section | null {
  switch (view.name) {
    case 'home':
      return 'home'
    case 'members':
    case 'member':
    case 'memberNew':
    case 'memberEdit':
      return 'members'
    case 'contacts':
    case 'contact':
    case 'contactNew':
    case 'contactEdit':
      return 'contacts'
    case 'meetings':
    case 'meeting':
    case 'meetingNew':
    case 'meetingEdit':
      return 'meetings'
    case 'settings':
      return 'settings'
    case 'sync':
      return 'sync'
    case 'conflicts':
      return 'conflicts'
    case 'welcome':
      return null
    default:
      return workplanSection(view) ?? missionSection(view)
  }
}

// Every screen has an address: `#/<view name>` followed by the view's other values as a query,
// e.g. `#/meeting?id=…&tab=invitations`. Hash addresses need nothing of the server, so they work
// the same under app://gfc/ in Electron and from the loopback host; Back, Forward and reload follow.

const VIEW_NAMES: ReadonlySet<string> = new Set<string>([
  'home',
  'welcome',
  'members',
  'member',
  'memberNew',
  'memberEdit',
  'contacts',
  'contact',
  'contactNew',
  'contactEdit',
  'meetings',
  'meeting',
  'meetingNew',
  'meetingEdit',
  'settings',
  'sync',
  'conflicts',
  ...WORKPLAN_VIEWS,
  ...MISSION_VIEWS,
])

/** The address of a view: `#/member?id=…`. */
export function hrefOf(view: View): string {
  const { name, ...rest } = view
  const query = new URLSearchParams(Object.entries(rest).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')).toString()
  return `#/${name}${query ? '?' + query : ''}`
}

/** The view an address names, or null when it names none (an empty or foreign address). */
export function viewOf(hash: string): View | null {
  const m = /^#\/([A-Za-z]+)(?:\?(.*))?$/.exec(hash)
  if (!m || !VIEW_NAMES.has(m[1])) return null
  return { ...Object.fromEntries(new URLSearchParams(m[2] ?? '')), name: m[1] } as View
}
