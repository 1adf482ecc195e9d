import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { TableName } from '../../../src-main/core/model/entities'
import type { ConflictItem, ConflictValue, RecordPage } from '../../../src-main/core/model/sync'
import type { Resolution } from '../../../src-main/core/model/sync'
import { useMutate, useQuery } from '../../api/data'
import { FormAlert } from '../../components/FormAlert'
import { Loading, Page } from '../../components/Page'
import { useToast } from '../../components/Toasts'
import { errorMessage } from '../../forms/serverErrors'
import { formatDate, uiLang } from '../../lib/format'
import { useNav, type View } from '../../navigation'
import './sync.css'

type FieldConflict = Extract<ConflictItem, { kind: 'field' }>
type DeletedConflict = Extract<ConflictItem, { kind: 'deleted' }>
type RuleBreach = Extract<ConflictItem, { kind: 'rule' }>
type Refused = Extract<ConflictItem, { kind: 'refused' }>

/** What two devices changed differently, rules a merge broke, and changes refused on arrival. */
export function Conflicts() {
  const { t } = useTranslation()
  const list = useQuery('conflicts.list', {})
  const items = list.data ?? []
  const byRecord = new Map<string, { label: string; table: TableName; page: RecordPage; fields: FieldConflict[]; deleted: DeletedConflict[] }>()
  for (const c of items) {
    if (c.kind !== 'field' && c.kind !== 'deleted') continue
    const key = `${c.table}/${c.id}`
    const rec = byRecord.get(key) ?? { label: c.label, table: c.table, page: c.page, fields: [], deleted: [] }
    if (c.kind === 'field') rec.fields.push(c)
    else rec.deleted.push(c)
    byRecord.set(key, rec)
  }
  const rules = items.filter((c): c is RuleBreach => c.kind === 'rule')
  const refused = items.filter((c): c is Refused => c.kind === 'refused')

  return (
    <Page title={t('conflicts.title')} subtitle={t('conflicts.subtitle')}>
      {list.error && (
        <div className="alert alert--error" role="alert">
          {errorMessage(list.error, t)}
        </div>
      )}
      {!list.data ? (
        !list.error && <Loading />
      ) : (
        <>
          <p role="status" className="result-count" data-testid="conflicts-count">
            {items.length ? t('conflicts.count', { count: items.length }) : t('conflicts.none')}
          </p>
          {[...byRecord.entries()].map(([key, rec]) => (
            <section key={key} className="card conflict-record" aria-labelledby={`c-${key}`} data-testid="conflict-record">
              <div className="section-header">
                <h2 id={`c-${key}`} dir="auto">
                  <span className="muted small conflict-table">{t(`sync.table.${rec.table}`)}</span> {rec.label}
                </h2>
                <OpenRecord page={rec.page} label={rec.label} />
              </div>
              {rec.fields.map((c) => (
                <FieldConflictView key={c.field} conflict={c} />
              ))}
              {rec.deleted.map((c, i) => (
                <DeletedConflictView key={i} conflict={c} />
              ))}
            </section>
          ))}
          {rules.length > 0 && (
            <section className="card" aria-labelledby="c-rules" data-testid="breaches">
              <h2 id="c-rules">{t('conflicts.rules')}</h2>
              <p className="muted small">{t('conflicts.rulesIntro')}</p>
              <ul className="conflict-list">
                {rules.map((r, i) => (
                  <li key={i} data-testid="breach">
                    <strong>{ruleTitle(r, t)}</strong>
                    <div className="muted small">{r.message}</div>
                    <div className="conflict-links">
                      {r.labels.map((label, j) => (
                        <OpenRecord key={j} page={r.pages[j]} label={label} />
                      ))}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {refused.length > 0 && (
            <section className="card" aria-labelledby="c-refused">
              <h2 id="c-refused">{t('conflicts.refused')}</h2>
              <p className="muted small">{t('conflicts.refusedIntro')}</p>
              <ul className="conflict-list">
                {refused.map((r, i) => (
                  <li key={i}>
                    <strong dir="auto">{t('conflicts.refusedFrom', { device: r.deviceName, seq: r.seq })}</strong>
                    <div dir="auto">{r.reason}</div>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </Page>
  )
}

function ruleTitle(r: RuleBreach, t: (k: string) => string): string {
  const known: Record<string, string> = {
    'holders/oneAtATime': 'conflicts.rule.twoHolders',
    'organisations/unique': 'conflicts.rule.twoMembers',
    'issuances/unique': 'conflicts.rule.reference',
    'invitees/unique': 'conflicts.rule.invitedTwice',
    'missions/unique': 'conflicts.rule.acronym',
    'chairs/oneAtATime': 'conflicts.rule.chairs',
  }
  return t(known[`${r.table}/${r.rule}`] ?? 'conflicts.rule.invalid')
}

function viewOfPage(page: NonNullable<RecordPage>): View | null {
  switch (page.table) {
    case 'organisations':
      return { name: 'member', id: page.id }
    case 'contacts':
      return { name: 'contact', id: page.id }
    case 'meetings':
      return { name: 'meeting', id: page.id }
    case 'missions':
      return { name: 'mission', id: page.id }
    case 'activities':
      return { name: 'activity', id: page.id }
    case 'chairs':
      return { name: 'chairEdit', id: page.id }
    default:
      return null
  }
}

function OpenRecord({ page, label }: { page: RecordPage; label: string }) {
  const { t } = useTranslation()
  const { go } = useNav()
  const view = page && viewOfPage(page)
  if (!view) return null
  return (
    <button type="button" className="btn btn--small btn--quiet" onClick={() => go(view)}>
      {t('conflicts.open', { label })}
    </button>
  )
}

/** A value as a person reads it. */
function shown(value: unknown, t: (k: string) => string): string {
  if (value === '' || value == null) return t('conflicts.empty')
  if (typeof value === 'boolean') return value ? t('conflicts.yes') : t('conflicts.no')
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ') || t('conflicts.empty')
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value)
}

function Who({ v }: { v: ConflictValue }) {
  const { t, i18n } = useTranslation()
  const at = formatDate(v.at, uiLang(i18n.language))
  return (
    <p className="muted small conflict-who">
      {v.user ? t('conflicts.who', { user: v.user, device: v.deviceName, at }) : t('conflicts.whoDevice', { device: v.deviceName, at })}
    </p>
  )
}

function useResolve() {
  const { t } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const resolve = async (r: Resolution): Promise<string | null> => {
    setBusy(true)
    try {
      await mutate('conflicts.resolve', r)
      toast({ tone: 'success', message: t('conflicts.resolved') })
      return null
    } catch (e) {
      return errorMessage(e, t)
    } finally {
      setBusy(false)
    }
  }
  return { resolve, busy }
}

function FieldConflictView({ conflict: c }: { conflict: FieldConflict }) {
  const { t } = useTranslation()
  const { resolve, busy } = useResolve()
  const [error, setError] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  const inputId = useId()
  const fieldName = t(`conflicts.field.${c.field}`, { defaultValue: c.field })
  // A new value is typed for text, and for lists of text (e-mails, phones: one a line).
  const list = c.values.every((v) => Array.isArray(v.value) && v.value.every((x) => typeof x === 'string'))
  const textual = list || c.values.every((v) => typeof v.value === 'string')
  const first = c.values[0]?.value
  const [draft, setDraft] = useState(Array.isArray(first) ? first.join('\n') : String(first ?? ''))
  const keep = async (value: unknown) => setError(await resolve({ table: c.table, id: c.id, field: c.field, value }))
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    await keep(list ? draft.split('\n').map((x) => x.trim()).filter(Boolean) : draft)
  }
  return (
    <div className="conflict" data-testid="conflict">
      <h3 className="conflict-field">{fieldName}</h3>
      <div className="conflict-values">
        {c.values.map((v, i) => (
          <div key={i} className="conflict-value" data-testid="conflict-value">
            <p className="conflict-shown" dir="auto">
              {shown(v.value, t)}
            </p>
            <Who v={v} />
            {v.shown && <p className="small muted">{t('conflicts.shownNow')}</p>}
            <button type="button" className="btn btn--small" disabled={busy} onClick={() => keep(v.value)}>
              {i === 0 ? t('conflicts.keepThis') : t('conflicts.keepThat')}
              <span className="visually-hidden">: {shown(v.value, t)}</span>
            </button>
          </div>
        ))}
      </div>
      {textual &&
        (editing ? (
          <form className="conflict-edit" onSubmit={submit}>
            <div className="field field--medium">
              <div className="field-label">
                <label htmlFor={inputId}>{t('conflicts.newValue', { field: fieldName })}</label>
              </div>
              {list ? (
                <textarea id={inputId} value={draft} rows={3} onChange={(e) => setDraft(e.target.value)} disabled={busy} aria-describedby={`${inputId}-hint`} />
              ) : (
                <input id={inputId} value={draft} onChange={(e) => setDraft(e.target.value)} disabled={busy} />
              )}
              {list && (
                <p className="field-hint" id={`${inputId}-hint`}>
                  {t('conflicts.oneALine')}
                </p>
              )}
            </div>
            <button type="submit" className="btn btn--primary btn--small" disabled={busy}>
              {t('conflicts.saveValue')}
            </button>
            <button type="button" className="btn btn--small btn--quiet" onClick={() => setEditing(false)} disabled={busy}>
              {t('common.cancel')}
            </button>
          </form>
        ) : (
          <button type="button" className="btn btn--small btn--quiet" onClick={() => setEditing(true)}>
            {t('conflicts.edit')}
          </button>
        ))}
      <FormAlert message={error} />
    </div>
  )
}

function DeletedConflictView({ conflict: c }: { conflict: DeletedConflict }) {
  const { t } = useTranslation()
  const { resolve, busy } = useResolve()
  const [error, setError] = useState<string | null>(null)
  const keep = async (keep: 'deleted' | 'record') => setError(await resolve({ table: c.table, id: c.id, keep }))
  return (
    <div className="conflict" data-testid="conflict">
      <h3 className="conflict-field">{t('conflicts.deletedWhileEdited')}</h3>
      <div className="conflict-values">
        <div className="conflict-value">
          <p className="conflict-shown">{t('conflicts.deletedBy')}</p>
          {c.deletedBy.map((v, i) => (
            <Who key={i} v={v} />
          ))}
          <button type="button" className="btn btn--small" disabled={busy} onClick={() => keep('deleted')}>
            {t('conflicts.keepDeletion')}
          </button>
        </div>
        <div className="conflict-value">
          <p className="conflict-shown">{t('conflicts.editedBy')}</p>
          <ul className="conflict-edits">
            {c.edits.map((e, i) => (
              <li key={i}>
                <span dir="auto">
                  {t(`conflicts.field.${e.field}`, { defaultValue: e.field })}: {shown(e.value.value, t)}
                </span>
                <Who v={e.value} />
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn--small" disabled={busy} onClick={() => keep('record')}>
            {t('conflicts.keepRecord')}
          </button>
        </div>
      </div>
      <FormAlert message={error} />
    </div>
  )
}
