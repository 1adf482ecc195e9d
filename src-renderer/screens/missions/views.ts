import type { Section, View } from '../../navigation'

/** The sub-views of the Field missions section's main screen. */
export type FieldTab = 'register' | 'stale' | 'secondments' | 'contacts'

export type MissionView =
  | { name: 'missions'; tab?: FieldTab }
  | { name: 'mission'; id: string }
  | { name: 'missionNew' }
  | { name: 'missionEdit'; id: string }

/** The names of those views, for the addresses (navigation.tsx). */
export const MISSION_VIEWS: readonly MissionView['name'][] = ['missions', 'mission', 'missionNew', 'missionEdit']
const NAMES: ReadonlySet<string> = new Set(MISSION_VIEWS)

export function missionSection(view: View): Section | null {
  return NAMES.has(view.name) ? 'missions' : null
}
