import type { Section, View } from '../../navigation'

// TODO(missions UI helper): the field missions' screens.
export type MissionView = { name: 'missions' }

export function missionSection(view: View): Section | null {
  return view.name === 'missions' ? 'missions' : null
}
