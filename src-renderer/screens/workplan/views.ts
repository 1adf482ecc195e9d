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
