import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useMemo } from 'react'
import { Controller, get, useForm, type FieldErrors, type Resolver, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ContactFields, fullName, Language, optionalEmail, phone, type Contact, type ContactFieldsInput } from '../../../src-main/core/model'
import { HolderFields, NewHolder, type HolderView, type PostView } from '../../../src-main/core/model/mission'
import { useMutate, useQuery } from '../../api/data'
import { useLoadedStamps, useUpdate } from '../../api/stale'
import { Combobox } from '../../components/Combobox'
import { CountryCombobox } from '../../components/CountryCombobox'
import { Dialog, DialogActions } from '../../components/Dialog'
import { FieldShell, SelectField, TextField, useErrorText, type AnyForm } from '../../components/Field'
import { FormAlert } from '../../components/FormAlert'
import { useSubmit } from '../../forms/serverErrors'
import { fold, formatDate, today, uiLang } from '../../lib/format'
import { postLabel } from '../../../src-main/core/model/mission'
import { dayBefore } from './names'

type Seconded = 'yes' | 'no'

/** What the new-holder form holds: the person (chosen or new), the term and the seconding. */
interface NewValues {
  mode: 'existing' | 'new'
  contactId: string
  person: { honorific: string; givenName: string; familyName: string; email: string; phone: string; language: Language }
  start: string
  end: string
  seconded: Seconded
  secondedBy: string
  notes: string
  closePrevious: boolean
  /** Who enters the holding, asked only while this computer does not know (the userName preference). */
  verifier: string
}

/** "Seconded by a Member State" chosen but no state picked is an omission, not "not seconded". */
function secondingError(v: { seconded: Seconded; secondedBy: string }): FieldErrors | null {
  return v.seconded === 'yes' && !v.secondedBy ? { secondedBy: { type: 'required', message: 'validation.required' } } : null
}

/**
 * The model's NewHolder schema, applied to what the person filled in: a chosen contact or a new
 * person (one e-mail, one phone), and the seconding state only when seconded. Its errors are put
 * back on the boxes they concern.
 */
function newHolderResolver(postId: string, hasCurrent: boolean, needName: boolean): Resolver<NewValues, unknown, NewHolder> {
  const base = zodResolver(NewHolder)
  return async (v, context, options) => {
    const p = v.person
    const input = {
      postId,
      contactId: v.mode === 'existing' ? v.contactId : '',
      contact:
        v.mode === 'new'
          ? { honorific: p.honorific, givenName: p.givenName, familyName: p.familyName, emails: p.email.trim() ? [p.email.trim()] : [], phones: p.phone.trim() ? [p.phone.trim()] : [], language: p.language }
          : undefined,
      start: v.start,
      end: v.end,
      secondedBy: v.seconded === 'yes' ? v.secondedBy : '',
      notes: v.notes,
      closePrevious: hasCurrent && v.closePrevious,
    }
    const res = await base(input, context, options as never)
    const errors = { ...(res.errors as FieldErrors), ...secondingError(v), ...(needName && !v.verifier.trim() ? { verifier: { type: 'required', message: 'validation.required' } } : null) } as Record<string, unknown>
    if (Object.keys(errors).length === 0) return res as never
    const contact = errors.contact as Record<string, unknown> | undefined
    if (contact) {
      errors.person = { ...contact, email: firstOf(contact.emails), phone: firstOf(contact.phones) }
      delete errors.contact
    }
    return { values: {}, errors: errors as FieldErrors<NewValues> }
  }
}

const firstOf = (e: unknown) => (Array.isArray(e) ? e[0] : e)

/** The core's field names on the form's boxes ("contact.emails.0" is the new person's e-mail). */
function newHolderField(field: string): string {
  return field.replace(/^contact\.emails(\.\d+)?$/, 'person.email').replace(/^contact\.phones(\.\d+)?$/, 'person.phone').replace(/^contact\./, 'person.')
}

/** Adds a holder to a post: someone already in the contacts, or a new person created with the holding. */
export function NewHolderDialog({ post, onClose }: { post: PostView; onClose(): void }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const mutate = useMutate()
  const current = post.holders.find((h) => h.current)
  // A holding someone enters counts as checked by them (the core stamps it with this computer's
  // user); the first time, with no name known yet, the form asks for it, as Mark verified does.
  const prefs = useQuery('preferences.get', {})
  const needName = !!prefs.data && !prefs.data.userName.trim()
  const form = useForm<NewValues, unknown, NewHolder>({
    resolver: newHolderResolver(post.id, !!current, needName),
    defaultValues: {
      mode: 'existing',
      contactId: '',
      person: { honorific: '', givenName: '', familyName: '', email: '', phone: '', language: 'en' },
      start: today(),
      end: '',
      seconded: 'yes',
      secondedBy: '',
      notes: '',
      closePrevious: true,
      verifier: '',
    },
  })
  const anyForm = form as unknown as AnyForm
  const [mode, start] = form.watch(['mode', 'start'])

  const { alert, onSubmit } = useSubmit(form, async (input) => {
    const verifier = form.getValues('verifier').trim()
    if (needName) await mutate('preferences.update', { userName: verifier })
    await mutate('holders.create', input)
    onClose()
  }, newHolderField)

  return (
    <Dialog title={t('fieldHolder.addTitle', { post: postLabel(post, lang) })} onClose={onClose} busy={form.formState.isSubmitting} wide>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={alert} />
        <fieldset className="radio-group">
          <legend>{t('fieldHolder.who')}</legend>
          <label className="radio">
            <input type="radio" value="existing" {...form.register('mode')} />
            <span>{t('fieldHolder.existing')}</span>
          </label>
          <label className="radio">
            <input type="radio" value="new" {...form.register('mode')} />
            <span>{t('fieldHolder.newPerson')}</span>
          </label>
        </fieldset>
        {mode === 'existing' ? <ContactPicker form={form} /> : <NewPersonFields form={anyForm} />}
        <div className="grid-2">
          <TextField form={anyForm} name="start" type="date" label={t('fieldHolder.start')} required />
          <TextField form={anyForm} name="end" type="date" label={t('fieldHolder.end')} hint={t('fieldHolder.endHint')} />
        </div>
        {current && (
          <label className="checkbox close-previous">
            <input type="checkbox" {...form.register('closePrevious')} />
            <span dir="auto">
              {t('fieldHolder.closePrevious', { name: current.contact.name, date: start && dayBefore(start) ? formatDate(dayBefore(start), lang) : '…' })}
            </span>
          </label>
        )}
        <SecondingFields form={anyForm} name="secondedBy" />
        <TextField form={anyForm} name="notes" label={t('fieldHolder.notes')} multiline rows={2} />
        {needName && <TextField form={anyForm} name="verifier" label={t('field.yourName')} hint={t('holderEntry.verifierHint')} required autoComplete="name" className="field--medium" />}
        <DialogActions submitLabel={t('fieldHolder.add')} busy={form.formState.isSubmitting} onCancel={onClose} />
      </form>
    </Dialog>
  )
}

function NewPersonFields({ form }: { form: AnyForm }) {
  const { t } = useTranslation()
  return (
    <fieldset>
      <legend>{t('fieldHolder.newPerson')}</legend>
      <div className="grid-3">
        <TextField form={form} name="person.honorific" label={t('contact.honorific')} />
        <TextField form={form} name="person.givenName" label={t('contact.givenName')} />
        <TextField form={form} name="person.familyName" label={t('contact.familyName')} required />
      </div>
      <div className="grid-3">
        <TextField form={form} name="person.email" type="email" label={t('fieldHolder.email')} dir="ltr" />
        <TextField form={form} name="person.phone" type="tel" label={t('fieldHolder.phone')} dir="ltr" />
        <SelectField form={form} name="person.language" label={t('contact.language')} options={Language.options.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
      </div>
    </fieldset>
  )
}

const contactKey = (c: Contact) => c.id

/** A searchable pick-list over the contacts (names in any script, accents ignored; e-mails too). */
function ContactPicker({ form }: { form: UseFormReturn<NewValues, unknown, NewHolder> }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const id = useId()
  const contacts = useQuery('contacts.list', {})
  const byId = useMemo(() => new Map((contacts.data ?? []).map((c) => [c.id, c])), [contacts.data])
  const folded = useMemo(() => new Map((contacts.data ?? []).map((c) => [c.id, fold([fullName(c), ...c.emails].join(' '))])), [contacts.data])
  const match = (c: Contact, q: string) => {
    const s = folded.get(c.id) ?? ''
    if (fold(c.familyName).startsWith(q) || fold(c.givenName).startsWith(q)) return 'start'
    return s.includes(q) ? 'within' : false
  }
  return (
    <Controller
      control={form.control}
      name="contactId"
      render={({ field, fieldState }) => {
        const chosen = byId.get(field.value)
        return (
          <FieldShell id={id} label={t('fieldHolder.contact')} required hint={t('fieldHolder.contactHint')} error={errorText(fieldState.error ?? get(form.formState.errors, 'contactId'), !field.value)}>
            {(aria) => (
              <Combobox<Contact>
                {...aria}
                aria-required
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
                options={contacts.data ?? []}
                keyOf={contactKey}
                textOf={fullName}
                valueText={chosen ? fullName(chosen) : ''}
                normalize={fold}
                match={match}
                findExact={(q) => contacts.data?.find((c) => fold(fullName(c)) === q)?.id}
                placeholder={t('fieldHolder.contactPlaceholder')}
                listLabel={t('fieldHolder.contact')}
                emptyText={t('fieldHolder.noContactMatch')}
                renderOption={(c) => (
                  <>
                    <span dir="auto">{fullName(c)}</span>
                    {c.emails[0] && (
                      <span className="combobox-note" dir="ltr">
                        {' '}
                        {c.emails[0]}
                      </span>
                    )}
                  </>
                )}
              />
            )}
          </FieldShell>
        )
      }}
    />
  )
}

/** Seconded by a Member State (picked from the UN list), or not seconded (UN staff); `name` is where the state goes. */
function SecondingFields({ form, name }: { form: AnyForm; name: string }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const id = useId()
  const seconded = form.watch('seconded')
  return (
    <fieldset>
      <legend>{t('fieldHolder.seconding')}</legend>
      <div className="radio-group">
        <label className="radio">
          <input type="radio" value="yes" {...form.register('seconded')} />
          <span>{t('fieldHolder.secondedYes')}</span>
        </label>
        <label className="radio">
          <input type="radio" value="no" {...form.register('seconded', { onChange: () => form.setValue(name, '') })} />
          <span>{t('fieldHolder.secondedNo')}</span>
        </label>
      </div>
      {seconded === 'yes' && (
        <Controller
          control={form.control}
          name={name}
          render={({ field, fieldState }) => (
            <FieldShell id={id} label={t('fieldHolder.secondedBy')} required error={errorText(fieldState.error ?? get(form.formState.errors, name), !field.value)} className="field--medium">
              {(aria) => <CountryCombobox {...aria} aria-required taken={NONE} value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} />}
            </FieldShell>
          )}
        />
      )}
    </fieldset>
  )
}

const NONE: ReadonlySet<string> = new Set()

/** The holding as edited: its term, seconding and notes, and the person's main e-mail, phone and language. */
const EditSchema = z
  .object({
    holding: HolderFields,
    person: z.object({ email: optionalEmail, phone, language: Language }),
    seconded: z.enum(['yes', 'no']),
  })
  .refine((v) => v.seconded === 'no' || v.holding.secondedBy, { message: 'validation.required', path: ['holding', 'secondedBy'] })
type EditIn = z.input<typeof EditSchema>
type EditOut = z.output<typeof EditSchema>

/**
 * Edits a holding (e.g. ends the term, corrects the seconding state) and the holder's contact
 * details, which belong to the person and so change everywhere the person appears.
 */
export function EditHoldingDialog({ holder, post, onClose }: { holder: HolderView; post: PostView; onClose(): void }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const contact = useQuery('contacts.get', { id: holder.contact.id })
  return (
    <Dialog title={t('fieldHolder.editTitle', { name: holder.contact.name, post: postLabel(post, lang) })} onClose={onClose} wide>
      {contact.data ? <EditHoldingForm holder={holder} contact={contact.data} onClose={onClose} /> : <p className="muted" aria-busy="true">…</p>}
    </Dialog>
  )
}

function EditHoldingForm({ holder, contact, onClose }: { holder: HolderView; contact: Contact; onClose(): void }) {
  const { t } = useTranslation()
  const update = useUpdate()
  const holderSeen = useLoadedStamps(holder.stamps)
  const contactSeen = useLoadedStamps(contact.stamps)
  const form = useForm<EditIn, unknown, EditOut>({
    resolver: zodResolver(EditSchema),
    defaultValues: {
      holding: {
        postId: holder.postId,
        contactId: holder.contactId,
        start: holder.start,
        end: holder.end,
        secondedBy: holder.secondedBy,
        notes: holder.notes,
        // Editing is not checking: the verification stays as it was.
        verifiedOn: holder.verifiedOn,
        verifiedBy: holder.verifiedBy,
      },
      person: { email: contact.emails[0] ?? '', phone: contact.phones[0] ?? '', language: contact.language },
      seconded: holder.secondedBy ? 'yes' : 'no',
    },
  })
  const anyForm = form as unknown as AnyForm

  // The person's details are the contact's; the rest is the holding's.
  const mapField = (f: string) => (f.startsWith('fields.emails') ? 'person.email' : f.startsWith('fields.phones') ? 'person.phone' : f.replace(/^fields\./, 'holding.'))
  const { alert, onSubmit } = useSubmit(
    form,
    async ({ holding, person }) => {
      const emails = replaceFirst(contact.emails, person.email)
      const phones = replaceFirst(contact.phones, person.phone)
      if (emails.join('\n') !== contact.emails.join('\n') || phones.join('\n') !== contact.phones.join('\n') || person.language !== contact.language) {
        // An update gives every field: what this form does not show is sent as the contact has it.
        const kept = Object.fromEntries(ContactFields.keyof().options.map((k) => [k, contact[k]])) as ContactFieldsInput
        await update('contacts.update', { id: contact.id, fields: { ...kept, emails, phones, language: person.language }, seen: contactSeen.current })
      }
      await update('holders.update', { id: holder.id, fields: holding, seen: holderSeen.current })
      onClose()
    },
    mapField,
  )

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={alert} />
      <fieldset>
        <legend>{t('fieldHolder.term')}</legend>
        <div className="grid-2">
          <TextField form={anyForm} name="holding.start" type="date" label={t('fieldHolder.start')} required />
          <TextField form={anyForm} name="holding.end" type="date" label={t('fieldHolder.end')} hint={t('fieldHolder.endHint')} />
        </div>
      </fieldset>
      <SecondingFields form={anyForm} name="holding.secondedBy" />
      <fieldset>
        <legend>{t('fieldHolder.reach')}</legend>
        <p className="field-hint fieldset-intro">{t('fieldHolder.reachHint')}</p>
        <div className="grid-3">
          <TextField form={anyForm} name="person.email" type="email" label={t('fieldHolder.email')} dir="ltr" />
          <TextField form={anyForm} name="person.phone" type="tel" label={t('fieldHolder.phone')} dir="ltr" />
          <SelectField form={anyForm} name="person.language" label={t('contact.language')} options={Language.options.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
        </div>
      </fieldset>
      <TextField form={anyForm} name="holding.notes" label={t('fieldHolder.notes')} multiline rows={2} />
      <DialogActions submitLabel={t('common.saveChanges')} busy={form.formState.isSubmitting} onCancel={onClose} />
    </form>
  )
}

/** The person's list with its first entry replaced (or removed when blanked); the others are kept. */
function replaceFirst(list: string[], first: string): string[] {
  const rest = list.slice(1)
  return first.trim() ? [first.trim(), ...rest] : rest
}
