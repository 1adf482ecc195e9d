import type { Section, View } from '../../navigation'

/** The work plan's and the Chair register's screens. */
export type WorkplanView =
  | { name: 'workplan' }
  | { name: 'activity'; id: string }
  | { name: 'activityNew' }
  | { name: 'activityEdit'; id: string }
  | { name: 'chairs' }
  | { name: 'chairNew' }
  | { name: 'chairEdit'; id: string }

/** The names of those views, for the addresses (navigation.tsx). */
export const WORKPLAN_VIEWS: readonly WorkplanView['name'][] = ['workplan', 'activity', 'activityNew', 'activityEdit', 'chairs', 'chairNew', 'chairEdit']

export function workplanSection(view: View): Section | null {
  switch (view.name) {
    case 'workplan':
    case 'activity':
    case 'activityNew':
    case 'activityEdit':
      return 'workplan'
    case 'chairs':
    case 'chairNew':
    case 'chairEdit':
      return 'chair'
    default:
      return null
  }
}
