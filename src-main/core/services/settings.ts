import { SettingsFields, type Settings } from '../model/settings'
import type { Store } from '../store/store'
import type { Stamps } from '../model/stamps'
import { updateOp, view } from './records'

// The settings are one record with a fixed id, merged per field like any other.
export const SETTINGS_ID = 'settings'

export function getSettings(store: Store): Settings {
  const rec = store.record('settings', SETTINGS_ID)
  const defaults = SettingsFields.parse({})
  if (!rec) return { ...defaults, updatedAt: '', stamps: {} }
  const { updatedAt, stamps, ...fields } = view<Settings>(rec)
  return { ...defaults, ...SettingsFields.parse(fields), updatedAt, stamps }
}

export function updateSettings(store: Store, fields: SettingsFields, seen: Stamps): Settings {
  const rec = store.record('settings', SETTINGS_ID)
  const op = rec ? updateOp(store, 'settings', rec, fields, seen) : { table: 'settings' as const, id: SETTINGS_ID, set: fields }
  if (op) store.commit([op])
  return getSettings(store)
}
