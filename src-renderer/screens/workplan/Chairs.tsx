import { useTranslation } from 'react-i18next'
import type { ChairRegister, ChairTermView } from '../../../src-main/core/model/chair'
import { useQuery } from '../../api/data'
import { ActionsHeader, SortHeader } from '../../components/DataTable'
import { ListTable } from '../../components/ListTable'
import { Page, StatusBadge } from '../../components/Page'
import { formatDate, uiLang, type UiLanguage } from '../../lib/format'
import { useListState } from '../../lists/listState'
import { useSorted, type Sort, type SortValue } from '../../lists/sort'
import { useNav } from '../../navigation'
import { refName } from '../meeting/common'
import { useDeleteWithUndo } from '../useDelete'
import { Rotation } from './Rotation'
import { ExportButton } from '../../components/ExportButton'

const COLUMNS: Record<string, SortValue<ChairTermView>> = {
  state: (c, { lang }) => refName(c.organisation, lang),
  term: (c) => c.start,
  status: (c, { t }) => t(`chairStatus.${c.status}`),
  selection: (c) => c.selectedOn,
}

/** The register as on screen: its order (kept for the session) and its terms in that order. */
export function useChairsList() {
  const [state, set] = useListState('chairs', { sort: { key: 'term', dir: 'desc' } as Sort })
  const query = useQuery('chairs.register', {})
  const rows = useSorted(query.data?.terms ?? NO_TERMS, state.sort, COLUMNS)
  return { state, set, query, rows }
}
const NO_TERMS: ChairTermView[] = []

/** The register of Chairs: who chaired, chairs and will chair, how each was selected, and the rotation. */
export function Chairs() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const { state, set, query: register, rows: terms } = useChairsList()
  const sortBy = { sort: state.sort, onSort: (sort: Sort) => set({ sort }) }
  const del = useDeleteWithUndo('chairs', { title: (name) => t('chairs.deleteTitle', { name }), body: t('chairs.deleteBody') })

  return (
    <Page
      title={t('chairs.title')}
      subtitle={t('chairs.subtitle')}
      actions={
        <>
          <button type="button" className="btn btn--primary" onClick={() => go({ name: 'chairNew' })}>
            {t('chairs.new')}
          </button>
          <ExportButton list="chairs" ids={terms.map((c) => c.id)} />
        </>
      }
    >
      {register.data && <ChairSummary register={register.data} lang={lang} />}
      <h2 className="chairs-heading">{t('chairs.register')}</h2>
      <ListTable
        query={register}
        testId="chairs"
        rows={terms.length}
        countText={t('chairs.count', { count: terms.length })}
        columns={6}
        head={
          <>
            <SortHeader label={t('chairs.colState')} col="state" {...sortBy} />
            <SortHeader label={t('chairs.colTerm')} col="term" {...sortBy} />
            <SortHeader label={t('chairs.colStatus')} col="status" {...sortBy} />
            <SortHeader label={t('chairs.colSelection')} col="selection" {...sortBy} />
            <th scope="col">{t('chairs.colShadowing')}</th>
            <ActionsHeader />
          </>
        }
        empty={t('chairs.none')}
      >
        {terms.map((c) => (
          <TermRow key={c.id} term={c} lang={lang} onEdit={() => go({ name: 'chairEdit', id: c.id })} onDelete={() => del.ask(c.id, refName(c.organisation, lang))} />
        ))}
      </ListTable>
      {register.data && <Rotation register={register.data} lang={lang} />}
      {del.dialog}
    </Page>
  )
}

/** The current and the incoming Chair, at the top where a secretary looks first. */
function ChairSummary({ register, lang }: { register: ChairRegister; lang: UiLanguage }) {
  const { t } = useTranslation()
  const { current, incoming } = register
  const term = (c: ChairTermView) => `${formatDate(c.start, lang)} – ${formatDate(c.end, lang)}`
  return (
    <div className="cards chair-cards">
      <section className="card chair-card chair-card--current" aria-labelledby="sec-chair-current" data-testid="current-chair">
        <h2 id="sec-chair-current">{t('chairs.current')}</h2>
        {current ? (
          <>
            <p className="chair-card-name" dir="auto">
              {refName(current.organisation, lang)}
            </p>
            <p className="muted small">{term(current)}</p>
          </>
        ) : (
          <p className="muted">{t('chairs.noCurrent')}</p>
        )}
      </section>
      <section className="card chair-card chair-card--incoming" aria-labelledby="sec-chair-incoming" data-testid="incoming-chair">
        <h2 id="sec-chair-incoming">{t('chairs.incoming')}</h2>
        {incoming ? (
          <>
            <p className="chair-card-name" dir="auto">
              {refName(incoming.organisation, lang)}
            </p>
            <p className="muted small">{term(incoming)}</p>
            {incoming.shadowStart && (
              <p className="muted small">{t('chairs.shadowsFrom', { from: formatDate(incoming.shadowStart, lang), to: formatDate(incoming.shadowEnd || incoming.start, lang) })}</p>
            )}
          </>
        ) : (
          <p className="muted">{t('chairs.noIncoming')}</p>
        )}
      </section>
    </div>
  )
}

function TermRow({ term: c, lang, onEdit, onDelete }: { term: ChairTermView; lang: UiLanguage; onEdit(): void; onDelete(): void }) {
  const { t } = useTranslation()
  const name = refName(c.organisation, lang)
  const shadow = c.shadowStart ? `${formatDate(c.shadowStart, lang)} – ${formatDate(c.shadowEnd, lang) || '…'}` : ''
  return (
    <tr className={`row--${c.status}`} data-testid="chair-row" data-status={c.status}>
      <th scope="row" dir="auto">
        {name}
        {c.organisation.regionalGroup && (
          <div className="muted small">{t(`regionalGroup.${c.organisation.regionalGroup}`)}</div>
        )}
      </th>
      <td className="col-nowrap">
        {formatDate(c.start, lang)} – {formatDate(c.end, lang)}
      </td>
      <td>
        <StatusBadge status={c.status} label={t(`chairStatus.${c.status}`)} />
      </td>
      <td className="cell-selection">
        {c.selectedOn ? (
          <>
            <div className="col-nowrap">{t('chairs.selectedOnDate', { date: formatDate(c.selectedOn, lang) })}</div>
            {c.selectors.length > 0 && (
              <div className="muted small" dir="auto">
                {t('chairs.selectedByList', { names: c.selectors.map((s) => refName(s, lang)).join(', ') })}
              </div>
            )}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>{shadow || <span className="muted">—</span>}</td>
      <td className="row-actions">
        <button type="button" className="btn btn--small" aria-label={t('chairs.editAria', { name })} onClick={onEdit}>
          {t('common.edit')}
        </button>
        <button type="button" className="btn btn--small btn--danger-outline" aria-label={t('chairs.deleteAria', { name })} onClick={onDelete}>
          {t('common.delete')}
        </button>
      </td>
    </tr>
  )
}
