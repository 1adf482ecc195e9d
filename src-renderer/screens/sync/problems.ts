import type { TFunction } from 'i18next'
import type { FolderProblem } from '../../../src-main/core/model/sync'

/** A shared folder's problem in the interface language; one the core gives no key for, in its own words. */
export function folderProblem(p: FolderProblem, t: TFunction): string {
  return p.key ? t(p.key, p.params) : p.text
}
