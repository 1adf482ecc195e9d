import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect } from 'react'
import { useForm, type FieldValues, type Resolver } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { inputs } from '../../src-main/core/api'
import { AddressForm, addressFormOf, ContactFields, ContactRole, HONORIFICS, Language, type Contact, type ContactFieldsInput } from '../../src-main/core/model'
import { useMutate, useQuery } from '../api/data'
import { useLoadedStamps, useUpdate } from '../api/stale'
import { CheckboxField, SelectField, TextField, type AnyForm } from '../components/Field'
import { FormAlert } from '../components/FormAlert'
import { FormActions } from '../components/FormActions'
import { MultiValueField } from '../components/MultiValueField'
import { orgName, sortedByName, uiLang } from '../lib/format'
import { useSubmit } from './serverErrors'

interface Values {
  contact: ContactFieldsInput
  affiliation: { organisationId: string; role: ContactRole; position: string; start: string }
}

const CreateSchema = inputs['contacts.create']
const EditSchema = z.object({ contact: ContactFields })

/**
 * The shared schema, applied to what the person meant: blank e-mail or phone boxes are left out,
 * and no affiliation is sent when no member is chosen. Errors are put back on the boxes they concern.
 */
function contactResolver(schema: typeof CreateSchema | typeof EditSchema): Resolver<Values> {
  const base = zodResolver(schema as typeof CreateSchema) as unknown as Resolver<FieldValues>
  return async (values, context, options) => {
    const kept: Record<'emails' | 'phones', number[]> = { emails: [], phones: [] }
    const contact: Record<string, unknown> = { ...values.contact }
    for (const k of ['emails', 'phones'] as const) {
      const list = values.contact[k] ?? []
      list.forEach((v, i) => v.trim() && kept[k].push(i))
      contact[k] = kept[k].map((i) => list[i])
    }
    const cleaned: FieldValues = { contact }
    if (schema === CreateSchema && values.affiliation.organisationId) cleaned.affiliation = values.affiliation
    const res = await base(cleaned, context, options as never)
    const errs = res.errors as Record<string, Record<string, unknown>> | undefined
    for (const k of ['emails', 'phones'] as const) {
      const e = errs?.contact?.[k]
      if (Array.isArray(e)) {
        const remapped: unknown[] = []
        e.forEach((item, i) => item && (remapped[kept[k][i]] = item))
        errs!.contact[k] = Object.assign(remapped, pickNonIndex(e))
      }
    }
    return res as never
  }
}

function pickNonIndex(arr: unknown[]): object {
  return Object.fromEntries(Object.entries(arr).filter(([k]) => !/^\d+$/.test(k)))
}

interface Props {
  initial?: Contact
  /** When adding a contact from a member's page: the member it is linked to. */
  organisationId?: string
  onSaved(contact: Contact): void
  onCancel(): void
}

export function ContactForm({ initial, organisationId, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const mutate = useMutate()
  const update = useUpdate()
  const seen = useLoadedStamps(initial?.stamps)
  const editing = !!initial
  const contact: ContactFieldsInput = initial
    ? {
        honorific: initial.honorific,
        givenName: initial.givenName,
        familyName: initial.familyName,
        addressForm: initial.addressForm ?? addressFormOf(initial.honorific),
        familyNameFirst: initial.familyNameFirst ?? false,
        emails: initial.emails.length ? [...initial.emails] : [''],
        phones: initial.phones.length ? [...initial.phones] : [''],
        language: initial.language,
        notes: initial.notes,
      }
    : { honorific: '', givenName: '', familyName: '', addressForm: 'neutral', familyNameFirst: false, emails: [''], phones: [''], language: 'en', notes: '' }
  const form = useForm<Values>({
    resolver: contactResolver(editing ? EditSchema : CreateSchema),
    defaultValues: { contact, affiliation: { organisationId: organisationId ?? '', role: 'other', position: '', start: '' } },
  })
  const anyForm = form as unknown as AnyForm
  // Until the person picks one, the form of address follows what the honorific says ("Ms." a woman).
  const honorific = form.watch('contact.honorific') ?? ''
  useEffect(() => {
    if (!form.getFieldState('contact.addressForm').isDirty) form.setValue('contact.addressForm', addressFormOf(honorific))
  }, [form, honorific])
  const members = useQuery('organisations.list', editing ? null : {})
  const fixedMember = organisationId ? members.data?.find((o) => o.id === organisationId) : undefined

  const { alert, onSubmit } = useSubmit(form, async (raw) => {
    const values = raw as unknown as z.output<typeof CreateSchema>
    const saved = initial
      ? await update('contacts.update', { id: initial.id, fields: values.contact, seen: seen.current })
      : await mutate('contacts.create', values)
    onSaved(saved)
  }, (f) => f.replace(/^fields\./, 'contact.'))

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={editing ? t('contact.edit') : t('contact.new')}>
      <FormAlert message={alert} />
      <fieldset>
        <legend>{t('contact.person')}</legend>
        <div className="grid-3">
          <TextField form={anyForm} name="contact.honorific" label={t('contact.honorific')} list="honorifics" hint={t('contact.honorificHint')} />
          <TextField form={anyForm} name="contact.givenName" label={t('contact.givenName')} />
          <TextField form={anyForm} name="contact.familyName" label={t('contact.familyName')} required />
        </div>
        <datalist id="honorifics">
          {HONORIFICS.map((h) => (
            <option key={h} value={h} />
          ))}
        </datalist>
        <div className="grid-3">
          <SelectField
            form={anyForm}
            name="contact.addressForm"
            label={t('doc.addressForm.label')}
            hint={t('doc.addressForm.hint')}
            options={AddressForm.options.map((f) => ({ value: f, label: t(`doc.addressForm.${f}`) }))}
          />
          <CheckboxField form={anyForm} name="contact.familyNameFirst" label={t('doc.familyNameFirst.label')} hint={t('doc.familyNameFirst.hint')} />
          <SelectField
            form={anyForm}
            name="contact.language"
            label={t('contact.language')}
            options={Language.options.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          />
        </div>
      </fieldset>
      {!editing && (
        <fieldset>
          <legend>{t('contact.affiliationSection')}</legend>
          {organisationId ? (
            <p className="fixed-member">
              {t('contact.memberFixed')} <strong dir="auto">{fixedMember ? orgName(fixedMember, lang) : '…'}</strong>
            </p>
          ) : (
            <SelectField
              form={anyForm}
              name="affiliation.organisationId"
              label={t('contact.member')}
              placeholder={t('contact.noMember')}
              options={sortedByName(members.data ?? [], lang).map((o) => ({ value: o.id, label: orgName(o, lang) }))}
            />
          )}
          <div className="grid-3">
            <SelectField
              form={anyForm}
              name="affiliation.role"
              label={t('contact.role')}
              options={ContactRole.options.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            />
            <TextField form={anyForm} name="affiliation.position" label={t('contact.position')} />
            <TextField form={anyForm} name="affiliation.start" type="date" label={t('contact.from')} />
          </div>
        </fieldset>
      )}
      <div className="grid-2">
        <MultiValueField
          form={anyForm}
          name="contact.emails"
          type="email"
          legend={t('contact.emails')}
          itemLabel={(n) => t('contact.emailN', { n })}
          addLabel={t('contact.addEmail')}
          removeLabel={(n) => t('contact.removeEmail', { n })}
        />
        <MultiValueField
          form={anyForm}
          name="contact.phones"
          type="tel"
          legend={t('contact.phones')}
          itemLabel={(n) => t('contact.phoneN', { n })}
          addLabel={t('contact.addPhone')}
          removeLabel={(n) => t('contact.removePhone', { n })}
        />
      </div>
      <TextField form={anyForm} name="contact.notes" label={t('contact.notes')} multiline rows={4} />
      <FormActions submitLabel={editing ? t('common.saveChanges') : t('contact.addContact')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}
