import type { ReactNode } from 'react'
import type { View } from '../../navigation'

// TODO(missions UI helper): one screen per view of views.ts.
export function missionScreen(view: View): ReactNode | null {
  if (view.name === 'missions') return <p>{view.name}</p>
  return null
}
