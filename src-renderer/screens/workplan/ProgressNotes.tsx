import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm, type Resolver } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ProgressNoteFields, type ActivityView, type ProgressNote } from '../../../src-main/core/model/workplan'
import { useMutate } from '../../api/data'
import { useLoadedStamps, useUpdate } from '../../api/stale'
import { TextField, type AnyForm } from '../../components/Field'
import { FormAlert } from '../../components/FormAlert'
import { FormActions } from '../../components/FormActions'
import { useToast } from '../../components/Toasts'
import { useSubmit } from '../../forms/serverErrors'
import { formatDate, today, uiLang } from '../../lib/format'
import { useDeleteWithUndo } from '../useDelete'

type NoteIn = z.input<typeof ProgressNoteFields>

/** Dated notes on how the activity is going, newest first: add, correct, delete (with undo). */
export function ProgressNotes({ activity }: { activity: ActivityView }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const [editing, setEditing] = useState<ProgressNote | 'new' | null>(null)
  // A note goes by its date, in the dialog as in the toasts.
  const remove = useDeleteWithUndo('progressNotes', {
    title: (date) => t('workplan.deleteNoteTitle', { date }),
    body: t('workplan.deleteNoteBody'),
    label: (date) => t('workplan.noteLabel', { date }),
  })

  return (
    <section className="section" aria-labelledby="sec-progress">
      <div className="section-header">
        <div>
          <h2 id="sec-progress">{t('workplan.progress')}</h2>
          <p className="muted small section-intro">{t('workplan.progressIntro')}</p>
        </div>
        {editing === null && !activity.deleted && (
          <button type="button" className="btn btn--primary" onClick={() => setEditing('new')}>
            {t('workplan.addNote')}
          </button>
        )}
      </div>
      {editing === 'new' && <NoteForm activityId={activity.id} onDone={() => setEditing(null)} />}
      {activity.notes.length === 0 && editing !== 'new' && <p className="muted">{t('workplan.noNotes')}</p>}
      <ol className="plain progress-notes" data-testid="progress-notes">
        {activity.notes.map((n) =>
          editing !== 'new' && editing?.id === n.id ? (
            <li key={n.id}>
              <NoteForm activityId={activity.id} initial={n} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={n.id} className="progress-note" data-testid="progress-note">
              <div className="progress-note-head">
                <time dateTime={n.date} className="progress-note-date">
                  {formatDate(n.date, lang)}
                </time>
                {!activity.deleted && (
                  <span className="row-actions">
                    <button type="button" className="btn btn--small" aria-label={t('workplan.editNote', { date: formatDate(n.date, lang) })} onClick={() => setEditing(n)}>
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      className="btn btn--small btn--danger-outline"
                      aria-label={t('workplan.deleteNote', { date: formatDate(n.date, lang) })}
                      onClick={() => remove.ask(n.id, formatDate(n.date, lang))}
                    >
                      {t('common.delete')}
                    </button>
                  </span>
                )}
              </div>
              <p className="pre" dir="auto">
                {n.text}
              </p>
            </li>
          ),
        )}
      </ol>
      {remove.dialog}
    </section>
  )
}

function NoteForm({ activityId, initial, onDone }: { activityId: string; initial?: ProgressNote; onDone(): void }) {
  const { t } = useTranslation()
  const mutate = useMutate()
  const update = useUpdate()
  const seen = useLoadedStamps(initial?.stamps)
  const toast = useToast()
  const form = useForm<NoteIn, unknown, ProgressNoteFields>({
    resolver: zodResolver(ProgressNoteFields) as unknown as Resolver<NoteIn, unknown, ProgressNoteFields>,
    defaultValues: { activityId, date: initial?.date ?? today(), text: initial?.text ?? '' },
  })
  const anyForm = form as unknown as AnyForm
  const { alert, onSubmit } = useSubmit(form, async (fields) => {
    if (initial) await update('progressNotes.update', { id: initial.id, fields, seen: seen.current })
    else await mutate('progressNotes.create', fields)
    toast({ tone: 'success', message: initial ? t('workplan.noteSaved') : t('workplan.noteAdded') })
    onDone()
  })
  return (
    <form className="form form--inline-card note-form" onSubmit={onSubmit} noValidate aria-label={initial ? t('workplan.editNoteForm') : t('workplan.addNote')}>
      <FormAlert message={alert} />
      <div className="note-form-fields">
        <TextField form={anyForm} name="date" type="date" label={t('workplan.noteDate')} required className="field--narrow" />
        <TextField form={anyForm} name="text" label={t('workplan.noteText')} multiline rows={3} required />
      </div>
      <FormActions submitLabel={initial ? t('common.saveChanges') : t('workplan.saveNote')} busy={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  )
}
