import type { workplanInputs } from './api-workplan'
import type { HandlerMap } from './dispatch'
import { chairRegister, createChair, getChair, setChairDeleted, updateChair } from './services/chairs'
import { createActivity, createProgressNote, deleteProgressNote, getActivity, listActivities, restoreProgressNote, setActivityDeleted, updateActivity, updateProgressNote } from './services/workplan'
import { saveWorkplan } from './services/workplan-export'

export const workplanHandlers: HandlerMap<keyof typeof workplanInputs> = {
  'activities.list': (app, i) => listActivities(app.store, i),
  'activities.get': (app, i) => getActivity(app.store, i.id),
  'activities.create': (app, i) => createActivity(app.store, i),
  'activities.update': (app, i) => updateActivity(app.store, i.id, i.fields, i.seen),
  'activities.delete': (app, i) => setActivityDeleted(app.store, i.id, true),
  'activities.restore': (app, i) => setActivityDeleted(app.store, i.id, false),
  'progressNotes.create': (app, i) => createProgressNote(app.store, i),
  'progressNotes.update': (app, i) => updateProgressNote(app.store, i.id, i.fields, i.seen),
  'progressNotes.delete': (app, i) => deleteProgressNote(app.store, i.id),
  'progressNotes.restore': (app, i) => restoreProgressNote(app.store, i.id),
  'workplan.save': (app, i) => saveWorkplan(app.store, app.shell, i),
  'chairs.register': (app) => chairRegister(app.store),
  'chairs.get': (app, i) => getChair(app.store, i.id),
  'chairs.create': (app, i) => createChair(app.store, i),
  'chairs.update': (app, i) => updateChair(app.store, i.id, i.fields, i.seen),
  'chairs.delete': (app, i) => setChairDeleted(app.store, i.id, true),
  'chairs.restore': (app, i) => setChairDeleted(app.store, i.id, false),
}
