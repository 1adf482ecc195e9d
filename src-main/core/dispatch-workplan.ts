import type { workplanInputs } from './api-workplan'
import type { HandlerMap } from './dispatch'
import { AppError } from './model/errors'

// TODO(workplan helper): replace with the real services.
const todo = () => {
  throw new AppError('internal', 'Not built yet.')
}

export const workplanHandlers: HandlerMap<keyof typeof workplanInputs> = {
  'activities.list': todo,
  'activities.get': todo,
  'activities.create': todo,
  'activities.update': todo,
  'activities.delete': todo,
  'activities.restore': todo,
  'progressNotes.create': todo,
  'progressNotes.update': todo,
  'progressNotes.delete': todo,
  'workplan.save': todo,
  'chairs.register': todo,
  'chairs.get': todo,
  'chairs.create': todo,
  'chairs.update': todo,
  'chairs.delete': todo,
  'chairs.restore': todo,
}
