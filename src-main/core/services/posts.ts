import { randomUUID } from 'node:crypto'
import type { MissionDetail, PostFields } from '../model/mission'
import type { Store } from '../store/store'
import { enteredBy } from './field-records'
import { getMission } from './missions'
import type { Stamps } from '../model/stamps'
import { requireLive, setDeleted, updateOp } from './records'

// A post is a role in a mission, apart from whoever holds it; it belongs to a live mission.

export function createPost(store: Store, fields: PostFields): MissionDetail {
  requireLive(store, 'missions', fields.missionId, 'mission')
  store.commit([{ table: 'posts', id: randomUUID(), set: { ...enteredBy(store, fields), deleted: false } }])
  return getMission(store, fields.missionId)
}

export function updatePost(store: Store, id: string, fields: PostFields, seen: Stamps): MissionDetail {
  const rec = requireLive(store, 'posts', id, 'post')
  requireLive(store, 'missions', fields.missionId, 'mission')
  const op = updateOp(store, 'posts', rec, fields, seen)
  if (op) store.commit([op])
  return getMission(store, fields.missionId)
}

/** Deleting a post hides its holders with it; restoring it brings them back. */
export function setPostDeleted(store: Store, id: string, deleted: boolean): MissionDetail {
  return getMission(store, String(setDeleted(store, 'posts', id, 'post', deleted).data.missionId))
}
