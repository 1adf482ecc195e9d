import { SettingsFields, type Settings } from '../model/settings'
import type { Store } from '../store/store'
import { diffOp, view } from './records'

// The settings are one record with a fixed id, merged per field like any other.
export const SETTINGS_ID = 'settings'

export function getSettings(store: Store): Settings {
  const rec = store.record('settings', SETTINGS_ID)
  const defaults = SettingsFields.parse({})
  if (!rec) return { ...defaults, updatedAt: '' }
  const { updatedAt, ...fields } = view<Settings>(rec)
  return { ...defaults, ...SettingsFields.parse(fields), updatedAt }
}

export function updateSettings(store: Store, fields: SettingsFields): Settings {
  const op = diffOp('settings', store.record('settings', SETTINGS_ID), SETTINGS_ID, fields)
  if (op) store.commit([op])
  return getSettings(store)
}
