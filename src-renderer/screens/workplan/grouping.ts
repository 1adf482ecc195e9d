import type { TFunction } from 'i18next'
import { ActivityStatus, WorkplanFunction, type ActivityView } from '../../../src-main/core/model/workplan'
import type { UiLanguage } from '../../lib/format'
import { refName } from '../meeting/common'
import { functionName } from './common'

export const GROUPINGS = ['function', 'lead', 'status'] as const
export type Grouping = (typeof GROUPINGS)[number]

export interface ActivityGroup {
  key: string
  label: string
  items: ActivityView[]
}

const byPeriod = (lang: UiLanguage) => {
  const collator = new Intl.Collator(lang, { sensitivity: 'base' })
  return (a: ActivityView, b: ActivityView) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || collator.compare(a.title, b.title)
}

/**
 * The plan in groups, each in order of period: by function (the Terms of Reference's order), by
 * status (planned to deferred), or by lead (alphabetical; an activity with two leads is under
 * both, one with none under "No lead yet", last). Empty groups are left out.
 */
export function groupActivities(list: ActivityView[], grouping: Grouping, lang: UiLanguage, t: TFunction): ActivityGroup[] {
  const sorted = [...list].sort(byPeriod(lang))
  if (grouping === 'function') {
    return WorkplanFunction.options
      .map((f, i) => ({ key: f, label: `${i + 1}. ${functionName(f, lang)}`, items: sorted.filter((a) => a.function === f) }))
      .filter((g) => g.items.length)
  }
  if (grouping === 'status') {
    return ActivityStatus.options.map((s) => ({ key: s, label: t(`activityStatus.${s}`), items: sorted.filter((a) => a.status === s) })).filter((g) => g.items.length)
  }
  const leads = new Map<string, ActivityGroup>()
  const orphans: ActivityView[] = []
  for (const a of sorted) {
    if (a.leads.length === 0) orphans.push(a)
    for (const l of a.leads) {
      const g = leads.get(l.id) ?? { key: l.id, label: refName(l, lang), items: [] }
      g.items.push(a)
      leads.set(l.id, g)
    }
  }
  const collator = new Intl.Collator(lang, { sensitivity: 'base' })
  const groups = [...leads.values()].sort((a, b) => collator.compare(a.label, b.label))
  if (orphans.length) groups.push({ key: '', label: t('workplan.noLead'), items: orphans })
  return groups
}
