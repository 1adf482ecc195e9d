import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useId, useMemo, useState } from 'react'
import { Controller, get, useForm, type FieldValues, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import {
  FrenchArticle,
  guessFrenchArticle,
  MemberStatus,
  MemberStateFields,
  SME_SUGGESTIONS,
  SmeCategory,
  SmeFields,
  type Organisation,
} from '../../src-main/core/model'
import { useMutate, useQuery } from '../api/data'
import { useLoadedStamps, useUpdate } from '../api/stale'
import { CountryCombobox } from '../components/CountryCombobox'
import { FieldShell, SelectField, TextField, useErrorText, type AnyForm } from '../components/Field'
import { FormAlert } from '../components/FormAlert'
import { FormActions } from '../components/FormActions'
import { stateByCode, uiLang } from '../lib/format'
import { useSubmit } from './serverErrors'

type StateIn = z.input<typeof MemberStateFields>
type StateOut = z.output<typeof MemberStateFields>
type SmeIn = z.input<typeof SmeFields>
type SmeOut = z.output<typeof SmeFields>

interface Props {
  /** The member being edited; absent when adding one. */
  initial?: Organisation
  onSaved(org: Organisation): void
  onCancel(): void
}

const COMMON = ['status', 'joined', 'address', 'phone', 'email', 'website', 'notes'] as const

function pick<T extends object>(o: object, keys: readonly string[]): T {
  const src = o as Record<string, unknown>
  return Object.fromEntries(keys.map((k) => [k, src[k] ?? ''])) as T
}

/** Saves either kind of member, new or edited. */
function useSaveMember<In extends FieldValues, Out>(form: UseFormReturn<In, unknown, Out>, initial: Organisation | undefined, onSaved: (o: Organisation) => void) {
  const mutate = useMutate()
  const update = useUpdate()
  const seen = useLoadedStamps(initial?.stamps)
  return useSubmit(form, async (values) => {
    const fields = values as unknown as z.input<typeof MemberStateFields> | z.input<typeof SmeFields>
    onSaved(initial ? await update('organisations.update', { id: initial.id, fields, seen: seen.current }) : await mutate('organisations.create', fields))
  })
}

function Actions({ editing, busy, onCancel }: { editing: boolean; busy: boolean; onCancel(): void }) {
  const { t } = useTranslation()
  return <FormActions submitLabel={editing ? t('common.saveChanges') : t('member.addMember')} busy={busy} onCancel={onCancel} />
}

function MembershipFields({ form }: { form: AnyForm }) {
  const { t } = useTranslation()
  return (
    <div className="grid-2">
      <SelectField
        form={form}
        name="status"
        label={t('member.status')}
        options={MemberStatus.options.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <TextField form={form} name="joined" type="date" label={t('member.joined')} />
    </div>
  )
}

function ContactDetailFields({ form }: { form: AnyForm }) {
  const { t } = useTranslation()
  return (
    <>
      <TextField form={form} name="address" label={t('member.address')} multiline />
      <div className="grid-2">
        <TextField form={form} name="phone" type="tel" label={t('member.phone')} />
        <TextField form={form} name="email" type="email" label={t('member.email')} />
      </div>
      <TextField form={form} name="website" type="url" label={t('member.website')} hint={t('member.websiteHint')} />
    </>
  )
}

export function MemberStateForm({ initial, onSaved, onCancel }: Props) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const countryId = useId()
  const defaults: StateIn =
    initial?.kind === 'state'
      ? { kind: 'state', ...pick<Omit<StateIn, 'kind'>>(initial, ['countryCode', 'correctionsService', 'correctionsServiceEmail', 'correctionsServicePhone', ...COMMON]) }
      : { kind: 'state', countryCode: '', correctionsService: '', correctionsServiceEmail: '', correctionsServicePhone: '', status: 'active', joined: '', address: '', phone: '', email: '', website: '', notes: '' }
  const form = useForm<StateIn, unknown, StateOut>({ resolver: zodResolver(MemberStateFields), defaultValues: defaults })
  const anyForm = form as unknown as AnyForm
  const { alert, onSubmit } = useSaveMember(form, initial, onSaved)
  const members = useQuery('organisations.list', { kind: 'state' })
  const taken = useMemo(
    () => new Set((members.data ?? []).flatMap((o) => (o.kind === 'state' && o.id !== initial?.id ? [o.countryCode] : []))),
    [members.data, initial?.id],
  )
  const code = form.watch('countryCode')
  const group = stateByCode(code)?.group

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={initial ? t('member.editState') : t('member.newState')}>
      <FormAlert message={alert} />
      <fieldset>
        <legend>{t('member.membership')}</legend>
        <Controller
          control={form.control}
          name="countryCode"
          render={({ field, fieldState }) => (
            <FieldShell
              id={countryId}
              label={t('member.country')}
              required
              hint={group ? t('member.groupHint', { group: t(`regionalGroup.${group}`) }) : t('member.countryHint')}
              error={errorText(fieldState.error ?? get(form.formState.errors, 'countryCode'), !field.value)}
            >
              {(aria) => (
                <CountryCombobox
                  {...aria}
                  aria-required
                  value={field.value}
                  onChange={(v) => field.onChange(v)}
                  onBlur={field.onBlur}
                  inputRef={field.ref}
                  taken={taken}
                />
              )}
            </FieldShell>
          )}
        />
        <MembershipFields form={anyForm} />
      </fieldset>
      <fieldset>
        <legend>{t('member.permanentMission')}</legend>
        <ContactDetailFields form={anyForm} />
      </fieldset>
      <fieldset>
        <legend>{t('member.correctionsServiceSection')}</legend>
        <TextField form={anyForm} name="correctionsService" label={t('member.correctionsService')} />
        <div className="grid-2">
          <TextField form={anyForm} name="correctionsServiceEmail" type="email" label={t('member.correctionsServiceEmail')} />
          <TextField form={anyForm} name="correctionsServicePhone" type="tel" label={t('member.correctionsServicePhone')} />
        </div>
      </fieldset>
      <TextField form={anyForm} name="notes" label={t('member.notes')} multiline rows={4} />
      <Actions editing={!!initial} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}

export function SmeForm({ initial, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const suggestionId = useId()
  const defaults: SmeIn =
    initial?.kind === 'sme'
      ? { kind: 'sme', ...pick<Omit<SmeIn, 'kind'>>(initial, ['name', 'nameFr', 'acronym', 'category', ...COMMON]), articleFr: initial.articleFr ?? guessFrenchArticle(initial.nameFr) }
      : { kind: 'sme', name: '', nameFr: '', articleFr: 'none', acronym: '', category: '' as SmeIn['category'], status: 'active', joined: '', address: '', phone: '', email: '', website: '', notes: '' }
  const form = useForm<SmeIn, unknown, SmeOut>({ resolver: zodResolver(SmeFields), defaultValues: defaults })
  const anyForm = form as unknown as AnyForm
  const { alert, onSubmit } = useSaveMember(form, initial, onSaved)
  const [suggestion, setSuggestion] = useState('')
  const existing = useQuery('organisations.list', initial ? null : { kind: 'sme' })
  const existingNames = useMemo(() => new Set((existing.data ?? []).map((o) => o.displayName.toLocaleLowerCase())), [existing.data])
  // Until the person picks one, the article is the one the French name most likely takes.
  const nameFr = form.watch('nameFr') || form.watch('name') || ''
  useEffect(() => {
    if (!form.getFieldState('articleFr').isDirty) form.setValue('articleFr', guessFrenchArticle(nameFr))
  }, [form, nameFr])

  const applySuggestion = (index: string) => {
    setSuggestion(index)
    const s = SME_SUGGESTIONS[Number(index)]
    if (index === '' || !s) return
    const opts = { shouldDirty: true, shouldValidate: form.formState.isSubmitted }
    form.setValue('name', s.name, opts)
    form.setValue('nameFr', s.nameFr, opts)
    form.setValue('acronym', s.acronym, opts)
    form.setValue('category', s.category, opts)
    form.setValue('website', s.website ?? '', opts)
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={initial ? t('member.editSme') : t('member.newSme')}>
      <FormAlert message={alert} />
      {!initial && SME_SUGGESTIONS.some((s) => !existingNames.has(s.name.toLocaleLowerCase())) && (
        <div className="suggestions">
          <FieldShell id={suggestionId} label={t('member.suggestion')} hint={t('member.suggestionHint')}>
            {(aria) => (
              <select {...aria} value={suggestion} onChange={(e) => applySuggestion(e.target.value)}>
                <option value="">{t('member.noSuggestion')}</option>
                {SME_SUGGESTIONS.map((s, i) => {
                  const member = existingNames.has(s.name.toLocaleLowerCase())
                  return (
                    <option key={s.name} value={String(i)} disabled={member}>
                      {(lang === 'fr' ? s.nameFr : s.name) + (s.acronym ? ` (${s.acronym})` : '') + (member ? ` ${t('member.alreadyMember')}` : '')}
                    </option>
                  )
                })}
              </select>
            )}
          </FieldShell>
        </div>
      )}
      <fieldset>
        <legend>{t('member.organisation')}</legend>
        <TextField form={anyForm} name="name" label={t('member.name')} required />
        <div className="grid-2">
          <TextField form={anyForm} name="nameFr" label={t('member.nameFr')} hint={t('member.nameFrHint')} />
          <SelectField
            form={anyForm}
            name="articleFr"
            label={t('doc.articleFr.label')}
            hint={t('doc.articleFr.hint')}
            options={FrenchArticle.options.map((a) => ({ value: a, label: t(`doc.articleFr.${a}`) }))}
          />
        </div>
        <TextField form={anyForm} name="acronym" label={t('member.acronym')} className="field--narrow" />
        <SelectField
          form={anyForm}
          name="category"
          label={t('member.category')}
          required
          placeholder={t('member.chooseCategory')}
          options={SmeCategory.options.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        />
        <MembershipFields form={anyForm} />
      </fieldset>
      <fieldset>
        <legend>{t('member.contactDetails')}</legend>
        <ContactDetailFields form={anyForm} />
      </fieldset>
      <TextField form={anyForm} name="notes" label={t('member.notes')} multiline rows={4} />
      <Actions editing={!!initial} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}
