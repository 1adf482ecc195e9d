import { useTranslation } from 'react-i18next'
import type { StaleByMission } from '../../../src-main/core/model/mission'
import type { QueryState } from '../../api/data'
import { ActionsHeader, DataTable } from '../../components/DataTable'
import { errorMessage } from '../../forms/serverErrors'
import { formatDate, uiLang } from '../../lib/format'
import { useNav } from '../../navigation'
import { missionName } from './names'
import { MarkVerifiedButton, useVerify } from './verify'

/** What needs checking, per mission: records never verified or not for six months. */
export function StalePanel({ query }: { query: QueryState<StaleByMission[]> }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const verify = useVerify()
  const groups = query.data ?? []
  const total = groups.reduce((n, g) => n + g.items.length, 0)

  return (
    <>
      <p className="muted section-intro">{t('field.staleIntro')}</p>
      {query.error && (
        <div className="alert alert--error" role="alert">
          {errorMessage(query.error, t)}
        </div>
      )}
      <p className="result-count" aria-live="polite" data-testid="stale-count">
        {query.data !== undefined ? (total ? t('field.staleTotal', { count: total, missions: groups.length }) : t('field.allVerified')) : ''}
      </p>
      {groups.map((g) => {
        const headingId = `stale-${g.mission.id}`
        return (
          <section key={g.mission.id} className="stale-group" aria-labelledby={headingId} data-testid="stale-group">
            <h2 id={headingId} className="stale-group-title">
              <button type="button" className="link" onClick={() => go({ name: 'mission', id: g.mission.id })}>
                {g.mission.acronym}
              </button>{' '}
              <span className="muted small" dir="auto">
                {missionName(g.mission, lang)}
              </span>
            </h2>
            <DataTable
              testId="stale-table"
              dense
              columns={5}
              head={
                <>
                  <th scope="col">{t('field.colRecord')}</th>
                  <th scope="col">{t('field.colKind')}</th>
                  <th scope="col">{t('field.colVerifiedOn')}</th>
                  <th scope="col">{t('field.colVerifiedBy')}</th>
                  <ActionsHeader />
                </>
              }
            >
              {g.items.map((item) => (
                <tr key={item.id} data-testid="stale-row">
                  <td dir="auto">{item.label[lang]}</td>
                  <td className="col-nowrap">{t(`field.table.${item.table}`)}</td>
                  <td className="col-nowrap">{item.verifiedOn ? formatDate(item.verifiedOn, lang) : <span className="muted">{t('field.never')}</span>}</td>
                  <td dir="auto">{item.verifiedBy}</td>
                  <td className="row-actions">
                    <MarkVerifiedButton target={{ ...item, label: item.label[lang] }} verify={verify} />
                  </td>
                </tr>
              ))}
            </DataTable>
          </section>
        )
      })}
      {verify.dialog}
    </>
  )
}
