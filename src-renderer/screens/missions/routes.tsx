import type { ReactNode } from 'react'
import type { View } from '../../navigation'
import { FieldMissions } from './FieldMissions'
import { MissionDetail } from './MissionDetail'
import { MissionEdit, MissionNew } from './MissionFormScreen'
import './missions.css'

export function missionScreen(view: View): ReactNode | null {
  switch (view.name) {
    case 'missions':
      return <FieldMissions tab={view.tab} />
    case 'mission':
      return <MissionDetail key={view.id} id={view.id} />
    case 'missionNew':
      return <MissionNew />
    case 'missionEdit':
      return <MissionEdit key={view.id} id={view.id} />
    default:
      return null
  }
}
