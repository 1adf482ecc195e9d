import { zodResolver } from '@hookform/resolvers/zod'
import { useId } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { CommentFields, type CommentView, type MeetingDetail } from '../../src-main/core/model'
import { useMutate } from '../api/data'
import { useLoadedStamps, useUpdate } from '../api/stale'
import { SelectField, TextField, type AnyForm } from '../components/Field'
import { FormAlert } from '../components/FormAlert'
import { FormActions } from '../components/FormActions'
import { today, uiLang } from '../lib/format'
import { byMember, refName } from '../screens/meeting/common'
import { useSubmit } from './serverErrors'

type In = z.input<typeof CommentFields>
type Out = z.output<typeof CommentFields>

interface Props {
  meeting: MeetingDetail
  /** The comments being edited; absent when recording new ones. */
  initial?: CommentView
  onDone(saved: boolean): void
}

/** Written comments a member sent for the Chair to table: who, when received, the text, where the file is kept. */
export function CommentForm({ meeting, initial, onDone }: Props) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const mutate = useMutate()
  const update = useUpdate()
  const seen = useLoadedStamps(initial?.stamps)
  const headingId = useId()
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(CommentFields),
    defaultValues: initial
      ? { meetingId: meeting.id, organisationId: initial.organisationId, text: initial.text, received: initial.received, attachmentPath: initial.attachmentPath }
      : { meetingId: meeting.id, organisationId: '', text: '', received: today(), attachmentPath: '' },
  })
  const anyForm = form as unknown as AnyForm

  // The members invited (those who declined first: they are the ones who write), and the author if no longer invited.
  const invitees = [...meeting.invitees].sort(byMember(lang))
  const declinedFirst = [...invitees.filter((i) => i.response === 'declined'), ...invitees.filter((i) => i.response !== 'declined')]
  const options = declinedFirst.map((i) => ({
    value: i.organisationId,
    label: refName(i.organisation, lang) + (i.response === 'declined' ? ` (${t('response.declined').toLocaleLowerCase()})` : ''),
  }))
  if (initial && !options.some((o) => o.value === initial.organisationId)) {
    options.unshift({ value: initial.organisationId, label: refName(initial.organisation, lang) })
  }

  const { alert, onSubmit } = useSubmit(form, async (fields) => {
    if (initial) await update('comments.update', { id: initial.id, fields, seen: seen.current })
    else await mutate('comments.create', fields)
    onDone(true)
  })

  const title = initial ? t('comments.editTitle', { name: refName(initial.organisation, lang) }) : t('comments.add')
  return (
    <form className="form form--inline-card" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h3 className="card-title" id={headingId} dir="auto">
        {title}
      </h3>
      <FormAlert message={alert} />
      <div className="grid-2">
        <SelectField form={anyForm} name="organisationId" label={t('comments.member')} required placeholder={t('affiliation.chooseMember')} options={options} />
        <TextField form={anyForm} name="received" type="date" label={t('comments.received')} />
      </div>
      <TextField form={anyForm} name="text" label={t('comments.text')} required multiline rows={8} hint={t('comments.textHint')} />
      <TextField form={anyForm} name="attachmentPath" label={t('comments.attachment')} hint={t('comments.attachmentHint')} dir="ltr" />
      <FormActions submitLabel={initial ? t('common.saveChanges') : t('comments.save')} busy={form.formState.isSubmitting} onCancel={() => onDone(false)} />
    </form>
  )
}
