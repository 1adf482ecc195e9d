import type { Section, View } from '../../navigation'

/** The sub-views of the Field missions section's main screen. */
export type FieldTab = 'register' | 'stale' | 'secondments' | 'contacts'

export type MissionView =
  | { name: 'missions'; tab?: FieldTab }
  | { name: 'mission'; id: string }
  | { name: 'missionNew' }
  | { name: 'missionEdit'; id: string }

const NAMES: ReadonlySet<string> = new Set<MissionView['name']>(['missions', 'mission', 'missionNew', 'missionEdit'])

export function missionSection(view: View): Section | null {
  return NAMES.has(view.name) ? 'missions' : null
}
