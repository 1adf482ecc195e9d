import type { ReactNode } from 'react'
import type { View } from '../../navigation'

// TODO(workplan UI helper): one screen per view of views.ts.
export function workplanScreen(view: View): ReactNode | null {
  if (view.name === 'workplan' || view.name === 'chairs') return <p>{view.name}</p>
  return null
}
