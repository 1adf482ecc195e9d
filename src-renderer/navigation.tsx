import { createContext, useContext } from 'react'

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
  | { name: 'settings' }

export interface Nav {
  view: View
  go(view: View): void
}

export const NavContext = createContext<Nav>({ view: { name: 'members' }, go: () => {} })

export function useNav(): Nav {
  return useContext(NavContext)
}

/** Which left-navigation section a view belongs to. */
export function sectionOf(view: View): 'members' | 'contacts' | 'settings' | null {
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
    case 'settings':
      return 'settings'
    default:
      return null
  }
}
