import type { Section, View } from '../../navigation'

// TODO(workplan UI helper): the work plan's and the Chair register's screens.
export type WorkplanView = { name: 'workplan' } | { name: 'chairs' }

export function workplanSection(view: View): Section | null {
  if (view.name === 'workplan') return 'workplan'
  if (view.name === 'chairs') return 'chair'
  return null
}
