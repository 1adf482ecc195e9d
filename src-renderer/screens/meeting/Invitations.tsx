import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useId, useState, type ChangeEvent } from 'react'
import { useForm, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { inputs } from '../../../src-main/core/api'
import type { InvitationForm, MeetingDetail, Preview, TemplateInfo } from '../../../src-main/core/model'
import { ApiError, call } from '../../api/client'
import { useMutate, useQuery } from '../../api/data'
import { useJobs, type TrackedJob } from '../../api/jobs'
import { DataTable } from '../../components/DataTable'
import { FieldShell } from '../../components/Field'
import { FormAlert } from '../../components/FormAlert'
import { useToast } from '../../components/Toasts'
import { errorMessage } from '../../forms/serverErrors'
import { formatDate, uiLang } from '../../lib/format'
import { readBase64 } from '../../lib/files'
import { byMember, refName } from './common'
import './documents.css'
import { ExportButton } from '../../components/ExportButton'

const IssueSchema = inputs['invitations.issue']
type In = z.input<typeof IssueSchema>
type Out = z.output<typeof IssueSchema>

/** Issuing the invitations (options, preview, generation with progress) and the log of what was sent. */
export function InvitationsPanel({ meeting }: { meeting: MeetingDetail }) {
  return (
    <>
      <IssueCard meeting={meeting} />
      <IssueLog meeting={meeting} />
    </>
  )
}

function IssueCard({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const toast = useToast()
  const jobs = useJobs()
  const job = jobs.byMeeting[meeting.id]
  const running = job?.status.state === 'running' && !job.error
  const [alert, setAlert] = useState<string | null>(null)
  const [preview, setPreview] = useState<{ form: InvitationForm; select: Out['select']; data: Preview } | null>(null)
  const [busy, setBusy] = useState<'preview' | 'issue' | null>(null)
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(IssueSchema),
    defaultValues: { meetingId: meeting.id, form: 'letter', combined: false, template: '', date: '', select: 'new', organisationIds: [] },
  })
  const chosenForm = form.watch('form') ?? 'letter'
  const select = form.watch('select') ?? 'new'
  const headingId = useId()
  const formLegendId = useId()
  const selectLegendId = useId()

  // A preview is for one form of invitation and one choice of members: changing them asks for a new one.
  useEffect(() => {
    setPreview((p) => (p && (p.form !== chosenForm || p.select !== select) ? null : p))
  }, [chosenForm, select])

  const preview_ = async (values: Out) => {
    setAlert(null)
    setBusy('preview')
    try {
      const data = await call('invitations.preview', { meetingId: meeting.id, form: values.form, select: values.select, organisationIds: values.organisationIds })
      setPreview({ form: values.form, select: values.select, data })
      // "Members I choose" starts from those the issue would send by default.
      if (values.select === 'chosen' && !values.organisationIds.length) form.setValue('organisationIds', data.rows.filter((r) => r.selected).map((r) => r.organisation.id))
    } catch (e) {
      setAlert(errorMessage(e, t))
    } finally {
      setBusy(null)
    }
  }
  const runPreview = form.handleSubmit(preview_)

  /** Ticking a member in "Members I choose" previews again, so that the references follow. */
  const toggle = (organisationId: string, on: boolean) => {
    const ids = new Set(form.getValues('organisationIds') ?? [])
    if (on) ids.add(organisationId)
    else ids.delete(organisationId)
    form.setValue('organisationIds', [...ids])
    void form.handleSubmit(preview_)()
  }

  const runIssue = form.handleSubmit(async (values) => {
    setAlert(null)
    setBusy('issue')
    try {
      const status = await call('invitations.issue', values)
      if (status === null) toast({ message: t('issue.cancelled') })
      else {
        jobs.track(meeting.id, status)
        setPreview(null)
      }
    } catch (e) {
      setAlert(errorMessage(e, t))
    } finally {
      setBusy(null)
    }
  })

  const noInvitees = meeting.invitees.length === 0
  const sending = preview ? preview.data.rows.filter((r) => r.selected).length : 0

  return (
    <section className="card issue-card" aria-labelledby={headingId} data-testid="issue-panel">
      <h2 id={headingId} className="issue-title">
        {t('issue.title')}
      </h2>
      <p className="muted small">{t('issue.intro')}</p>
      <FormAlert message={alert} />
      {noInvitees && <div className="alert alert--warning">{t('issue.noInvitees')}</div>}
      <form className="issue-options" onSubmit={runPreview} noValidate>
        <fieldset className="radio-group" aria-labelledby={formLegendId}>
          <legend id={formLegendId}>{t('issue.form')}</legend>
          {(['letter', 'note-verbale'] as const).map((f) => (
            <label key={f} className="radio">
              <input type="radio" value={f} {...form.register('form')} disabled={running} />
              <span>
                {t(`invitationForm.${f}`)}
                <span className="muted small radio-hint">{t(`issue.formHint.${f}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="radio-group issue-select" aria-labelledby={selectLegendId}>
          <legend id={selectLegendId}>{t('doc.select.legend')}</legend>
          {(['new', 'all', 'chosen'] as const).map((s) => (
            <label key={s} className="radio">
              <input type="radio" value={s} {...form.register('select')} disabled={running} data-testid={`select-${s}`} />
              <span>{t(`doc.select.${s}`)}</span>
            </label>
          ))}
          <p className="muted small">{t('doc.select.hint')}</p>
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" {...form.register('combined')} disabled={running} />
          <span>{t('issue.combined')}</span>
        </label>
        <TemplatePicker form={form} disabled={running} />
        <div className="form-actions">
          <button type="submit" className="btn" disabled={running || busy !== null || noInvitees}>
            {busy === 'preview' ? t('issue.previewing') : t('issue.preview')}
          </button>
        </div>
      </form>

      {preview && !running && (
        <div className="preview" data-testid="issue-preview">
          <h3 className="preview-title">{t('issue.previewTitle', { count: sending, form: t(`invitationForm.${preview.form}`) })}</h3>
          <p className="muted small" data-testid="issue-count">
            {t('doc.select.count', { count: sending, total: preview.data.rows.length })}
          </p>
          <IssueWarnings preview={preview.data} />
          {sending === 0 && (
            <div className="alert alert--warning" role="alert" data-testid="nothing-to-issue">
              {t('doc.select.none')}
            </div>
          )}
          {preview.data.alreadyIssued.length > 0 && (
            <div className="alert alert--warning" role="alert" data-testid="already-issued-warning">
              <strong>{t('issue.alreadyIssued', { count: preview.data.alreadyIssued.length })}</strong>
              <div className="small">{namesOf(preview.data, (r) => r.issuedBefore.length > 0, lang)}</div>
            </div>
          )}
          {preview.data.withoutAddressee.length > 0 && (
            <div className="alert alert--info" data-testid="without-addressee-warning">
              {t('issue.withoutAddressee', { count: preview.data.withoutAddressee.length })}
              <div className="small">{namesOf(preview.data, (r) => !r.addressee, lang)}</div>
            </div>
          )}
          <div className="table-wrap table-wrap--scroll">
            <table className="table table--dense" data-testid="preview-table">
              <thead>
                <tr>
                  <th scope="col" className="cell-send">
                    {t('doc.select.colSend')}
                  </th>
                  <th scope="col">{t('invitees.colMember')}</th>
                  <th scope="col">{t('invitees.colAddressee')}</th>
                  <th scope="col">{t('invitees.colLanguage')}</th>
                  <th scope="col">{t('issue.colReference')}</th>
                  <th scope="col">{t('issue.colFile')}</th>
                </tr>
              </thead>
              <tbody>
                {/* In the order of issue, which is the order of the reference numbers. */}
                {preview.data.rows.map((r) => (
                  <tr key={r.inviteeId} className={r.selected ? undefined : 'muted'} data-selected={r.selected}>
                    <td className="cell-send">
                      <input
                        type="checkbox"
                        checked={r.selected}
                        disabled={preview.select !== 'chosen' || r.chair || busy !== null}
                        aria-label={t('doc.select.choose', { name: refName(r.organisation, lang) })}
                        onChange={(e) => toggle(r.organisation.id, e.target.checked)}
                      />
                    </td>
                    <th scope="row" className="cell-member" dir="auto">
                      {refName(r.organisation, lang)}
                      {r.chair && <span className="badge">{t('doc.warn.chair')}</span>}
                      {r.issuedBefore.length > 0 && (
                        <span className="badge badge--warn" title={r.issuedBefore.map((b) => `${b.reference} (${formatDate(b.issuedOn, lang)})`).join(', ')}>
                          {t('issue.sentBefore', { count: r.issuedBefore.length })}
                        </span>
                      )}
                    </th>
                    <td dir="auto">{r.addressee || <em className="muted">{r.organisation.kind === 'state' ? t('issue.toMission') : t('issue.toOrganisation')}</em>}</td>
                    <td>
                      <span className="lang-tag">{r.language.toUpperCase()}</span>
                    </td>
                    <td className="col-nowrap" dir="ltr">
                      {r.reference}
                    </td>
                    <td className="cell-file" dir="auto">
                      {r.fileName}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            <button type="button" className="btn btn--primary" onClick={runIssue} disabled={busy !== null || sending === 0}>
              {busy === 'issue' ? t('issue.starting') : t('issue.generate')}
            </button>
            <span className="muted small">{t('issue.generateHint')}</span>
          </div>
        </div>
      )}

      {job && <JobProgress job={job} onClose={() => jobs.forget(meeting.id)} />}
    </section>
  )
}

/** What to know before generating: the Chair on its own list, dates past or out of order, French letters in English. */
function IssueWarnings({ preview }: { preview: Preview }) {
  const { t } = useTranslation()
  const { dates, chairInvited, frenchFallback } = preview
  const fields = frenchFallback.fields.map((f) => (f.startsWith('agenda ') ? t('doc.warn.field.agenda', { n: f.slice(7) }) : t(`doc.warn.field.${f}`))).join(', ')
  const lines = [
    chairInvited.length > 0 && { id: 'chair', text: t('doc.warn.chairInvited', { names: chairInvited.join(', ') }) },
    dates.meetingPast && { id: 'meeting-past', text: t('doc.warn.meetingPast') },
    dates.rsvpPast && { id: 'rsvp-past', text: t('doc.warn.rsvpPast') },
    dates.rsvpAfterMeeting && { id: 'rsvp-after', text: t('doc.warn.rsvpAfterMeeting') },
    frenchFallback.members.length > 0 && { id: 'french', text: t('doc.warn.frenchFallback', { count: frenchFallback.members.length, fields }), detail: frenchFallback.members.join(', ') },
  ].filter((x): x is { id: string; text: string; detail?: string } => !!x)
  if (!lines.length) return null
  return (
    <div className="issue-warnings">
      {lines.map((l) => (
        <div key={l.id} className="alert alert--warning" data-testid={`warn-${l.id}`}>
          {l.text}
          {l.detail && <div className="small">{l.detail}</div>}
        </div>
      ))}
    </div>
  )
}

function namesOf(p: Preview, keep: (r: Preview['rows'][number]) => boolean, lang: 'en' | 'fr'): string {
  return [...p.rows]
    .filter(keep)
    .sort(byMember(lang))
    .map((r) => refName(r.organisation, lang))
    .join(', ')
}

function JobProgress({ job, onClose }: { job: TrackedJob; onClose(): void }) {
  const { t } = useTranslation()
  const s = job.status
  const pct = s.total ? Math.round((s.done / s.total) * 100) : 0
  const text = t('issue.progress', { done: s.done, total: s.total })
  return (
    <div className="job" data-testid="issue-job" aria-live="polite">
      {s.state === 'running' && (
        <>
          <p className="job-line">
            {t('issue.generating')} <strong data-testid="issue-progress-text">{text}</strong>
          </p>
          <div className="progress" role="progressbar" aria-label={t('issue.progressLabel')} aria-valuemin={0} aria-valuemax={s.total} aria-valuenow={s.done} aria-valuetext={text}>
            <div className="progress-bar" style={{ width: `${pct}%` }} />
          </div>
          <p className="muted small">{t('issue.keepWorking')}</p>
        </>
      )}
      {job.error && (
        <div className="alert alert--error" role="alert">
          {job.error}
        </div>
      )}
      {s.state === 'failed' && (
        <div className="alert alert--error" role="alert">
          {t('issue.failed', { detail: s.message })}
        </div>
      )}
      {s.state === 'done' && (
        <div className="job-done" data-testid="issue-done">
          <p>
            <strong>{t('issue.done', { count: s.files.length })}</strong>
          </p>
          <p>
            {t('issue.folder')} <code dir="ltr" data-testid="issue-folder">{s.folder}</code>
          </p>
          <ul className="file-list" data-testid="issue-files">
            {s.files.map((f) => (
              <li key={f} dir="auto">
                {f}
              </li>
            ))}
          </ul>
        </div>
      )}
      {(s.state !== 'running' || job.error) && (
        <button type="button" className="btn btn--small" onClick={onClose}>
          {t('common.dismiss')}
        </button>
      )}
    </div>
  )
}

/** The letterhead to use: the built-in layout or one of the secretary's own Word templates. */
function TemplatePicker({ form, disabled }: { form: UseFormReturn<In, unknown, Out>; disabled: boolean }) {
  const { t } = useTranslation()
  const mutate = useMutate()
  const selectId = useId()
  const fileId = useId()
  const list = useQuery('templates.list', {})
  const chosen = form.watch('template') ?? ''
  const [adding, setAdding] = useState(false)
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string; placeholders?: string[] } | null>(null)
  const templates = list.data ?? []
  const current: TemplateInfo | undefined = templates.find((x) => x.name === chosen)

  const add = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget
    const file = input.files?.[0]
    if (!file) return
    setResult(null)
    if (!/\.docx$/i.test(file.name)) {
      setResult({ tone: 'error', text: t('templates.notDocx') })
      input.value = ''
      return
    }
    setAdding(true)
    try {
      const contentBase64 = await readBase64(file)
      const info = await mutate('templates.add', { name: file.name.replace(/\.docx$/i, ''), contentBase64 })
      form.setValue('template', info.name)
      setResult({ tone: 'success', text: t('templates.added', { name: info.name, count: info.placeholders.length }), placeholders: info.placeholders })
    } catch (err) {
      setResult({ tone: 'error', text: templateError(err, t) })
    } finally {
      setAdding(false)
      input.value = ''
    }
  }

  return (
    <div className="template-picker">
      <div className="template-row">
        <FieldShell id={selectId} label={t('templates.label')} hint={t('templates.hint')} className="field--medium">
          {(aria) => (
            <select {...form.register('template')} {...aria} disabled={disabled}>
              <option value="">{t('templates.builtIn')}</option>
              {templates.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <div className="file-pick">
          <input id={fileId} type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" className="visually-hidden" onChange={add} disabled={disabled || adding} />
          <label htmlFor={fileId} className={'btn btn--quiet' + (disabled || adding ? ' is-disabled' : '')}>
            {adding ? t('templates.checking') : t('templates.add')}
          </label>
        </div>
      </div>
      {current && current.placeholders.length > 0 && !result?.placeholders && (
        <p className="small muted placeholders-line">
          {t('templates.uses')} <Placeholders names={current.placeholders} />
        </p>
      )}
      {result && (
        <div className={result.tone === 'error' ? 'alert alert--error' : 'alert alert--success'} role={result.tone === 'error' ? 'alert' : 'status'} data-testid="template-result">
          {result.text}
          {result.placeholders && result.placeholders.length > 0 && (
            <div className="small placeholders-line">
              <Placeholders names={result.placeholders} />
            </div>
          )}
        </div>
      )}
    </div>
  )
}

function Placeholders({ names }: { names: string[] }) {
  return (
    <span className="placeholders">
      {names.map((p) => (
        <code key={p} dir="ltr">
          {p}
        </code>
      ))}
    </span>
  )
}

const UNKNOWN_KEYS = new Set(['validation.unknownPlaceholder', 'validation.templateUnknownPlaceholder'])

/**
 * The core names the placeholders it does not know in its (English) message, then lists the
 * known ones: the unknown ones are shown as they are, within a sentence in the interface language.
 */
function templateError(e: unknown, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (e instanceof ApiError && e.key && UNKNOWN_KEYS.has(e.key)) {
    const named = /does not know:\s*(.*?)\.\s*(Known placeholders|$)/s.exec(e.message)?.[1]
    const names = named ?? [...new Set(e.message.match(/\{\{[^{}]+\}\}/g) ?? [])].join(', ')
    return names ? t('templates.unknownNamed', { names }) : `${t(e.key)} (${e.message})`
  }
  if (e instanceof ApiError && e.key === 'validation.templateTags') {
    const detail = /broken placeholders:\s*(.*)$/s.exec(e.message)?.[1]?.replace(/\.$/, '')
    return detail ? `${t(e.key)} ${detail}.` : t(e.key)
  }
  return errorMessage(e, t as never)
}

function IssueLog({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  return (
    <section className="section" aria-labelledby="sec-issue-log">
      <div className="section-header">
        <h2 id="sec-issue-log">{t('issueLog.title')}</h2>
        <ExportButton list="issuances" meetingId={meeting.id} ids={meeting.issuances.map((s) => s.id)} />
      </div>
      <DataTable
        testId="issue-log-table"
        dense
        head={
          <>
            <th scope="col">{t('invitees.colMember')}</th>
            <th scope="col">{t('issueLog.colForm')}</th>
            <th scope="col">{t('invitees.colLanguage')}</th>
            <th scope="col">{t('issue.colReference')}</th>
            <th scope="col">{t('issueLog.colDate')}</th>
            <th scope="col">{t('issue.colFile')}</th>
          </>
        }
        columns={6}
        empty={meeting.issuances.length === 0 && t('issueLog.none')}
      >
        {meeting.issuances.map((s) => (
          <tr key={s.id}>
            <th scope="row" className="cell-member" dir="auto">
              {refName(s.organisation, lang)}
            </th>
            <td>{t(`invitationForm.${s.form}`)}</td>
            <td>
              <span className="lang-tag">{s.language.toUpperCase()}</span>
            </td>
            <td className="col-nowrap" dir="ltr">
              {s.reference}
            </td>
            <td className="col-nowrap">{formatDate(s.issuedOn, lang)}</td>
            <td className="cell-file" dir="auto">
              {s.fileName}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  )
}
