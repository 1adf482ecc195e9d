import type { CSSProperties, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ActivityStatus } from '../../../src-main/core/model/workplan'
import { StatusBadge } from '../../components/Page'
import type { UiLanguage } from '../../lib/format'
import { refName } from '../meeting/common'
import type { ActivityGroup } from './grouping'
import { formatPeriod, monthAt, monthIndex, monthLabel, monthsBetween, thisMonth } from './months'

interface Props {
  groups: ActivityGroup[]
  /** The months shown, first and last included. */
  from: string
  to: string
  lang: UiLanguage
  onOpen(id: string): void
}

/** The months a timeline shows: the filter's period, else the activities' span, at least a year. */
export function timelineRange(groups: ActivityGroup[], from: string, to: string): { from: string; to: string } | null {
  const all = groups.flatMap((g) => g.items)
  if (!all.length && !(from && to)) return null
  const first = from || all.reduce((m, a) => (a.start < m ? a.start : m), all[0].start)
  let last = to || all.reduce((m, a) => (a.end > m ? a.end : m), all[0].end)
  if (last < first) return null
  if (!to && monthIndex(last) - monthIndex(first) < 11) last = monthAt(monthIndex(first) + 11)
  return { from: first, to: last }
}

/**
 * A Gantt-style picture of the plan: one row per activity and one column per month, a bar from
 * its start to its end month coloured by status, grouped as the list is, with today marked.
 * Laid out with a CSS grid; each bar is a button to the activity.
 */
export function Timeline({ groups, from, to, lang, onOpen }: Props) {
  const { t } = useTranslation()
  const months = monthsBetween(from, to)
  const first = monthIndex(from)
  const last = monthIndex(to)
  const narrow = months.length > 24
  const cells: ReactNode[] = []
  let row = 3 // rows 1 and 2 are the years and the months

  for (const g of groups) {
    cells.push(
      <h3 key={`g-${g.key}`} className="timeline-group" style={{ gridRow: row }} data-testid="timeline-group">
        {g.label}
      </h3>,
    )
    row++
    for (const a of g.items) {
      const s = Math.max(monthIndex(a.start), first)
      const e = Math.min(monthIndex(a.end), last)
      const leads = a.leads.map((l) => refName(l, lang)).join(', ')
      const period = formatPeriod(a.start, a.end, lang)
      cells.push(
        <div key={`l-${g.key}-${a.id}`} className="timeline-label" style={{ gridRow: row }} dir="auto" title={a.title}>
          {a.title}
        </div>,
        <div key={`t-${g.key}-${a.id}`} className="timeline-track" style={{ gridRow: row }} aria-hidden="true" />,
      )
      if (s <= e) {
        const clipped = (monthIndex(a.start) < first ? ' is-cut-start' : '') + (monthIndex(a.end) > last ? ' is-cut-end' : '')
        cells.push(
          <button
            key={`b-${g.key}-${a.id}`}
            type="button"
            className={`timeline-bar timeline-bar--${a.status}${clipped}`}
            style={{ gridRow: row, gridColumn: `${s - first + 2} / ${e - first + 3}` }}
            title={`${a.title} · ${period} · ${t(`activityStatus.${a.status}`)}${leads ? ` · ${leads}` : ''}`}
            aria-label={t('workplan.barLabel', { title: a.title, period, status: t(`activityStatus.${a.status}`) })}
            data-testid="timeline-bar"
            data-status={a.status}
            onClick={() => onOpen(a.id)}
          >
            <span className="timeline-bar-text" dir="auto">
              {leads || a.title}
            </span>
          </button>,
        )
      }
      row++
    }
  }

  const now = thisMonth()
  const nowIndex = monthIndex(now)
  const today = new Date()
  const dayShare = (today.getDate() - 0.5) / new Date(today.getFullYear(), today.getMonth() + 1, 0).getDate()

  return (
    <div className="timeline-wrap">
      <div
        className={'timeline' + (narrow ? ' timeline--narrow' : '')}
        style={{ '--months': months.length, gridTemplateRows: `auto auto repeat(${row - 3}, auto)` } as CSSProperties}
        role="group"
        aria-label={t('workplan.timelineLabel', { period: formatPeriod(from, to, lang) })}
        data-testid="timeline"
      >
        <div className="timeline-corner" style={{ gridRow: '1 / 3' }} />
        {yearSpans(months).map((y) => (
          <div key={y.year} className="timeline-year" style={{ gridRow: 1, gridColumn: `${y.start + 2} / span ${y.count}` }}>
            {y.year}
          </div>
        ))}
        {months.map((m, i) => (
          <div key={m} className={'timeline-month' + (m.endsWith('-01') ? ' is-january' : '')} style={{ gridRow: 2, gridColumn: i + 2 }} title={m}>
            {monthLabel(m, lang, narrow ? 'narrow' : 'short')}
          </div>
        ))}
        {cells}
        {nowIndex >= first && nowIndex <= last && (
          <div className="timeline-today" style={{ gridRow: `1 / ${row}`, gridColumn: nowIndex - first + 2 }} aria-hidden="true">
            <span className="timeline-today-line" style={{ insetInlineStart: `${dayShare * 100}%` }} />
          </div>
        )}
      </div>
      <ul className="plain timeline-legend" aria-label={t('workplan.legend')}>
        {ActivityStatus.options.map((s) => (
          <li key={s}>
            <StatusBadge status={s} label={t(`activityStatus.${s}`)} />
          </li>
        ))}
        <li className="timeline-legend-today">{t('workplan.today')}</li>
      </ul>
    </div>
  )
}

function yearSpans(months: string[]): { year: string; start: number; count: number }[] {
  const spans: { year: string; start: number; count: number }[] = []
  months.forEach((m, i) => {
    const y = m.slice(0, 4)
    const lastSpan = spans[spans.length - 1]
    if (lastSpan?.year === y) lastSpan.count++
    else spans.push({ year: y, start: i, count: 1 })
  })
  return spans
}
