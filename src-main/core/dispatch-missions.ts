import type { missionInputs } from './api-missions'
import type { HandlerMap } from './dispatch'
import { AppError } from './model/errors'

// TODO(missions helper): replace with the real services.
const todo = () => {
  throw new AppError('internal', 'Not built yet.')
}

export const missionHandlers: HandlerMap<keyof typeof missionInputs> = {
  'missions.list': todo,
  'missions.get': todo,
  'missions.create': todo,
  'missions.update': todo,
  'missions.delete': todo,
  'missions.restore': todo,
  'missions.addReference': todo,
  'posts.create': todo,
  'posts.update': todo,
  'posts.delete': todo,
  'posts.restore': todo,
  'holders.create': todo,
  'holders.update': todo,
  'holders.delete': todo,
  'field.verify': todo,
  'field.stale': todo,
  'field.contacts': todo,
  'field.secondments': todo,
  'directory.save': todo,
}
