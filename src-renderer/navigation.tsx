import { createContext, useContext } from 'react'
import { missionSection, type MissionView } from './screens/missions/views'
import { workplanSection, type WorkplanView } from './screens/workplan/views'

export type View =
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
  | WorkplanView
  | MissionView

/** The parts of a meeting's page. */
export type MeetingTab = 'invitees' | 'agendaInput' | 'comments' | 'documents' | 'invitations'

export interface Nav {
  view: View
  go(view: View): void
}

export const NavContext = createContext<Nav>({ view: { name: 'members' }, go: () => {} })

export function useNav(): Nav {
  return useContext(NavContext)
}

export type Section = 'members' | 'contacts' | 'meetings' | 'workplan' | 'chair' | 'missions' | 'settings'

/** Which left-navigation section a view belongs to. */
export function sectionOf(view: View): Section | null {
  switch (view.name) {
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
    default:
      return workplanSection(view) ?? missionSection(view)
  }
}
