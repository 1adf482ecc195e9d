import type { ReactNode } from 'react'
import type { View } from '../../navigation'
import { ActivityDetail } from './ActivityDetail'
import { ActivityEdit, ActivityNew } from './ActivityFormScreen'
import { ChairEdit, ChairNew } from './ChairFormScreen'
import { Chairs } from './Chairs'
import { WorkPlan } from './WorkPlan'
import './workplan.css'

/** The screen of one of the work plan's or the Chair register's views (views.ts). */
export function workplanScreen(view: View): ReactNode | null {
  switch (view.name) {
    case 'workplan':
      return <WorkPlan />
    case 'activity':
      return <ActivityDetail key={view.id} id={view.id} />
    case 'activityNew':
      return <ActivityNew />
    case 'activityEdit':
      return <ActivityEdit key={view.id} id={view.id} />
    case 'chairs':
      return <Chairs />
    case 'chairNew':
      return <ChairNew />
    case 'chairEdit':
      return <ChairEdit key={view.id} id={view.id} />
    default:
      return null
  }
}
