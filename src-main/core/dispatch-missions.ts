import type { missionInputs } from './api-missions'
import type { HandlerMap } from './dispatch'
import { saveDirectory } from './services/directory'
import { fieldContacts, secondments, staleRecords, verify } from './services/field-views'
import { createHolder, deleteHolder, restoreHolder, updateHolder } from './services/holders'
import { addReferenceMissions, createMission, getMission, listMissions, setMissionDeleted, updateMission } from './services/missions'
import { createPost, setPostDeleted, updatePost } from './services/posts'

export const missionHandlers: HandlerMap<keyof typeof missionInputs> = {
  'missions.list': (app, i) => listMissions(app.store, i),
  'missions.get': (app, i) => getMission(app.store, i.id),
  'missions.create': (app, i) => createMission(app.store, i),
  'missions.update': (app, i) => updateMission(app.store, i.id, i.fields, i.seen),
  'missions.delete': (app, i) => setMissionDeleted(app.store, i.id, true),
  'missions.restore': (app, i) => setMissionDeleted(app.store, i.id, false),
  'missions.addReference': (app) => addReferenceMissions(app.store),
  'posts.create': (app, i) => createPost(app.store, i),
  'posts.update': (app, i) => updatePost(app.store, i.id, i.fields, i.seen),
  'posts.delete': (app, i) => setPostDeleted(app.store, i.id, true),
  'posts.restore': (app, i) => setPostDeleted(app.store, i.id, false),
  'holders.create': (app, i) => createHolder(app.store, i),
  'holders.update': (app, i) => updateHolder(app.store, i.id, i.fields, i.seen),
  'holders.delete': (app, i) => deleteHolder(app.store, i.id),
  'holders.restore': (app, i) => restoreHolder(app.store, i.id),
  'field.verify': (app, i) => verify(app.store, i.table, i.id, i.by),
  'field.stale': (app, i) => staleRecords(app.store, i.missionId),
  'field.contacts': (app, i) => fieldContacts(app.store, i),
  'field.secondments': (app) => secondments(app.store),
  'directory.save': (app, i) => saveDirectory(app.store, app.shell, i),
}
