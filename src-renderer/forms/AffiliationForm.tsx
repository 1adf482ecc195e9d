import { zodResolver } from '@hookform/resolvers/zod'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { AffiliationFields, ContactRole, type Contact } from '../../src-main/core/model'
import { useMutate, useQuery } from '../api/data'
import { useLoadedStamps, useUpdate } from '../api/stale'
import { SelectField, TextField, type AnyForm } from '../components/Field'
import { FormAlert } from '../components/FormAlert'
import { FormActions } from '../components/FormActions'
import { orgName, sortedByName, uiLang } from '../lib/format'
import { useSubmit } from './serverErrors'

type In = z.input<typeof AffiliationFields>
type Out = z.output<typeof AffiliationFields>
type ContactAffiliation = Contact['affiliations'][number]

interface Props {
  contactId: string
  /** The link being edited; absent when adding one. */
  initial?: ContactAffiliation
  onDone(): void
}

/** Links a person to a member (role, position, period), or edits such a link. */
export function AffiliationForm({ contactId, initial, onDone }: Props) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const mutate = useMutate()
  const update = useUpdate()
  const seen = useLoadedStamps(initial?.stamps)
  const members = useQuery('organisations.list', {})
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(AffiliationFields),
    defaultValues: initial
      ? { contactId, organisationId: initial.organisationId, role: initial.role, position: initial.position, start: initial.start, end: initial.end }
      : { contactId, organisationId: '', role: 'other', position: '', start: '', end: '' },
  })
  const anyForm = form as unknown as AnyForm

  const { alert, onSubmit } = useSubmit(form, async (fields) => {
    if (initial) await update('affiliations.update', { id: initial.id, fields, seen: seen.current })
    else await mutate('affiliations.create', fields)
    onDone()
  })

  return (
    <form className="form form--inline-card" onSubmit={onSubmit} noValidate aria-label={initial ? t('affiliation.edit') : t('affiliation.add')}>
      <h3 className="card-title">{initial ? t('affiliation.edit') : t('affiliation.add')}</h3>
      <FormAlert message={alert} />
      <div className="grid-2">
        <SelectField
          form={anyForm}
          name="organisationId"
          label={t('contact.member')}
          required
          placeholder={t('affiliation.chooseMember')}
          options={sortedByName(members.data ?? [], lang).map((o) => ({ value: o.id, label: orgName(o, lang) }))}
        />
        <SelectField
          form={anyForm}
          name="role"
          label={t('contact.role')}
          options={ContactRole.options.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
      </div>
      <TextField form={anyForm} name="position" label={t('contact.position')} />
      <div className="grid-2">
        <TextField form={anyForm} name="start" type="date" label={t('contact.from')} />
        <TextField form={anyForm} name="end" type="date" label={t('contact.to')} />
      </div>
      <FormActions submitLabel={initial ? t('common.saveChanges') : t('affiliation.save')} busy={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  )
}
