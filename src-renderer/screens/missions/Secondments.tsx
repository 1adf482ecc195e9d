import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { SecondmentRow } from '../../../src-main/core/model/mission'
import { useQuery } from '../../api/data'
import { ListTable } from '../../components/ListTable'
import { uiLang, type UiLanguage } from '../../lib/format'
import { useNav } from '../../navigation'
import { seconderName } from './names'

/** How many officers each Member State contributes, now (bars) and at the end of each year (a sparkline). */
export function SecondmentsPanel() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const query = useQuery('field.secondments', {})
  const rows = useMemo(() => sortRows(query.data ?? [], lang), [query.data, lang])
  // One scale and one span of years for every row, so that rows compare at a glance.
  const years = useMemo(() => [...new Set(rows.flatMap((r) => Object.keys(r.byYear)))].sort(), [rows])
  const peak = Math.max(1, ...rows.flatMap((r) => [r.current, ...Object.values(r.byYear)]))
  const total = rows.reduce((n, r) => n + r.current, 0)
  const fromMembers = rows.filter((r) => r.seconding.organisationId).reduce((n, r) => n + r.current, 0)

  return (
    <>
      <p className="muted section-intro">{t('field.secondmentsIntro')}</p>
      <ListTable
        query={query}
        testId="secondments"
        rows={rows.length}
        countText={t('field.secondmentsCount', { count: total, states: rows.filter((r) => r.current).length, members: fromMembers })}
        columns={4}
        head={
          <>
            <th scope="col">{t('field.colState')}</th>
            <th scope="col">{t('field.colMembership')}</th>
            <th scope="col" className="col-bar">
              {t('field.colNow')}
            </th>
            <th scope="col" className="col-spark">
              {years.length ? t('field.colOverTime', { from: years[0], to: years[years.length - 1] }) : t('field.colOverTimePlain')}
            </th>
          </>
        }
        empty={t('field.noSecondments')}
      >
        {rows.map((r) => (
          <SecondmentLine key={r.seconding.code} row={r} lang={lang} years={years} peak={peak} />
        ))}
      </ListTable>
    </>
  )
}

/** Most officers first; ties in alphabetical order of the state's name. */
function sortRows(rows: SecondmentRow[], lang: UiLanguage): SecondmentRow[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base' })
  return [...rows].sort((a, b) => b.current - a.current || collator.compare(seconderName(a.seconding, lang), seconderName(b.seconding, lang)))
}

function SecondmentLine({ row, lang, years, peak }: { row: SecondmentRow; lang: UiLanguage; years: string[]; peak: number }) {
  const { t } = useTranslation()
  const { go } = useNav()
  const name = seconderName(row.seconding, lang)
  const member = row.seconding.organisationId
  return (
    <tr data-testid="secondment-row">
      <th scope="row" dir="auto">
        {member ? (
          <button type="button" className="link" onClick={() => go({ name: 'member', id: member })}>
            {name}
          </button>
        ) : (
          name
        )}
      </th>
      <td>{member ? <span className="badge badge--active">{t('field.groupMember')}</span> : <span className="muted small">{t('field.notMember')}</span>}</td>
      <td className="col-bar">
        <span className="bar-cell">
          <span className="bar-value">{row.current}</span>
          <span className="bar-track" aria-hidden="true">
            <span className={'bar' + (member ? ' bar--member' : '')} style={{ width: `${(row.current / peak) * 100}%` }} />
          </span>
        </span>
      </td>
      <td className="col-spark">
        <Sparkline years={years} byYear={row.byYear} peak={peak} label={t('field.overTimeOf', { name })} />
      </td>
    </tr>
  )
}

const W = 160
const H = 30
const PAD = 3

/** Officers at the end of each year as a small line; the figures are its text alternative. */
function Sparkline({ years, byYear, peak, label }: { years: string[]; byYear: Record<string, number>; peak: number; label: string }) {
  if (years.length === 0) return null
  const x = (i: number) => (years.length === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (years.length - 1))
  const y = (v: number) => H - PAD - (v / peak) * (H - 2 * PAD)
  const points = years.map((yr, i) => `${x(i).toFixed(1)},${y(byYear[yr] ?? 0).toFixed(1)}`).join(' ')
  const figures = years.map((yr) => `${yr}: ${byYear[yr] ?? 0}`).join(', ')
  return (
    <svg className="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${label} — ${figures}`}>
      <title>{figures}</title>
      <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} className="sparkline-base" />
      <polyline points={points} className="sparkline-line" />
      {years.map((yr, i) => (
        <circle key={yr} cx={x(i)} cy={y(byYear[yr] ?? 0)} r={i === years.length - 1 ? 2.6 : 1.6} className="sparkline-dot" />
      ))}
    </svg>
  )
}
