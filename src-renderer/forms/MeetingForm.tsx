import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useId, useMemo, useState } from 'react'
import { Controller, get, useFieldArray, useForm, type Resolver, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { MeetingFields, MeetingKind, type Meeting, type MeetingDetail } from '../../src-main/core/model'
import { useMutate, useQuery } from '../api/data'
import { useLoadedStamps, useUpdate } from '../api/stale'
import { FieldShell, SelectField, TextField, useErrorText, type AnyForm } from '../components/Field'
import { FormAlert } from '../components/FormAlert'
import { FormActions } from '../components/FormActions'
import { TimeZoneCombobox } from '../components/TimeZoneCombobox'
import { orgName, sortedByName, uiLang } from '../lib/format'
import { NEW_YORK } from '../../src-main/core/model/format'
import { addMinutes, formatClock, readSpan } from '../lib/time'
import { useSubmit } from './serverErrors'

type In = z.input<typeof MeetingFields>
type Out = z.output<typeof MeetingFields>
interface ItemIn {
  title: string
  titleFr: string
  presenter: string
  minutes: number
}
/** The form's own shape: the agenda always a list, so rows can be added to it. */
type Values = Omit<In, 'agenda'> & { agenda: ItemIn[] }

const MAX_ITEMS = 60

function defaults(m?: Meeting): Values {
  if (m) {
    return {
      kind: m.kind,
      title: m.title,
      titleFr: m.titleFr,
      start: m.start,
      end: m.end,
      timeZone: m.timeZone,
      city: m.city,
      address: m.address,
      cityFr: m.cityFr,
      addressFr: m.addressFr,
      onlineLink: m.onlineLink,
      dialIn: m.dialIn,
      agenda: m.agenda.map((a) => ({ title: a.title, titleFr: a.titleFr, presenter: a.presenter, minutes: a.minutes })),
      rsvpDeadline: m.rsvpDeadline,
      rsvpContact: m.rsvpContact,
      chairOrganisationId: m.chairOrganisationId,
      notes: m.notes,
    }
  }
  return {
    kind: 'regular',
    title: '',
    titleFr: '',
    start: '',
    end: '',
    timeZone: NEW_YORK,
    city: '',
    address: '',
    cityFr: '',
    addressFr: '',
    onlineLink: '',
    dialIn: '',
    agenda: [],
    rsvpDeadline: '',
    rsvpContact: '',
    chairOrganisationId: '',
    notes: '',
  }
}

interface Props {
  /** The meeting being edited; absent when planning one. */
  initial?: Meeting
  onSaved(meeting: MeetingDetail): void
  onCancel(): void
}

/** Plans a meeting of the Group, or edits one: when, where (or online), the agenda, who convenes. */
export function MeetingForm({ initial, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const mutate = useMutate()
  const update = useUpdate()
  const seen = useLoadedStamps(initial?.stamps)
  const errorText = useErrorText()
  const zoneId = useId()
  const form = useForm<Values, unknown, Out>({
    resolver: zodResolver(MeetingFields) as unknown as Resolver<Values, unknown, Out>,
    defaultValues: defaults(initial),
  })
  const anyForm = form as unknown as AnyForm
  const states = useQuery('organisations.list', { kind: 'state' })
  const chairOptions = useMemo(
    () =>
      sortedByName(states.data ?? [], lang)
        .filter((o) => o.status === 'active' || o.id === initial?.chairOrganisationId)
        .map((o) => ({ value: o.id, label: orgName(o, lang) })),
    [states.data, lang, initial?.chairOrganisationId],
  )

  useCurrentChair(form, !initial, chairOptions)

  const [start, end, timeZone] = form.watch(['start', 'end', 'timeZone'])
  // A start time with no end yet: a two-hour meeting, to be corrected if need be.
  useEffect(() => {
    if (start && !form.getValues('end')) {
      const next = addMinutes(start, 120)
      if (next) form.setValue('end', next, { shouldDirty: true })
    }
  }, [start, form])

  const nyReading = timeZone !== NEW_YORK ? readSpan(start, end, timeZone, NEW_YORK, lang) : null
  const zoneHint = nyReading ? t('meeting.inNewYork', { date: nyReading.date, time: nyReading.time }) : t('meeting.timeZoneHint')

  const { alert, onSubmit } = useSubmit(form, async (fields) => {
    const saved = initial ? await update('meetings.update', { id: initial.id, fields, seen: seen.current }) : await mutate('meetings.create', fields)
    onSaved(saved)
  })

  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate aria-label={initial ? t('meeting.edit') : t('meeting.new')}>
      <FormAlert message={alert} />
      <fieldset>
        <legend>{t('meeting.section')}</legend>
        <div className="grid-2">
          <SelectField
            form={anyForm}
            name="kind"
            label={t('meeting.kind')}
            options={MeetingKind.options.map((k) => ({ value: k, label: t(`meetingKind.${k}`) }))}
          />
          <SelectField form={anyForm} name="chairOrganisationId" label={t('meeting.chair')} hint={t('meeting.chairHint')} placeholder={t('meeting.noChair')} options={chairOptions} />
        </div>
        <TextField form={anyForm} name="title" label={t('meeting.title')} required placeholder={t('meeting.titlePlaceholder')} />
        <TextField form={anyForm} name="titleFr" label={t('doc.french.title')} hint={t('doc.french.titleHint')} />
      </fieldset>

      <fieldset>
        <legend>{t('meeting.when')}</legend>
        <div className="grid-2">
          <TextField form={anyForm} name="start" type="datetime-local" label={t('meeting.start')} required />
          <TextField form={anyForm} name="end" type="datetime-local" label={t('meeting.end')} required />
        </div>
        <Controller
          control={form.control}
          name="timeZone"
          render={({ field, fieldState }) => (
            <FieldShell id={zoneId} label={t('meeting.timeZone')} required hint={zoneHint} error={errorText(fieldState.error ?? get(form.formState.errors, 'timeZone'))} className="field--zone">
              {(aria) => <TimeZoneCombobox {...aria} aria-required value={field.value} onChange={(v) => field.onChange(v)} onBlur={field.onBlur} inputRef={field.ref} />}
            </FieldShell>
          )}
        />
      </fieldset>

      <fieldset>
        <legend>{t('meeting.where')}</legend>
        <p className="field-hint fieldset-intro">{t('meeting.whereHint')}</p>
        <div className="grid-2">
          <TextField form={anyForm} name="city" label={t('meeting.city')} />
          <TextField form={anyForm} name="onlineLink" type="url" label={t('meeting.onlineLink')} hint={t('meeting.onlineLinkHint')} dir="ltr" />
        </div>
        <div className="grid-2">
          <TextField form={anyForm} name="address" label={t('meeting.address')} multiline rows={2} />
          <TextField form={anyForm} name="dialIn" label={t('meeting.dialIn')} multiline rows={2} hint={t('meeting.dialInHint')} />
        </div>
        <div className="grid-2">
          <TextField form={anyForm} name="cityFr" label={t('doc.french.city')} hint={t('doc.french.venueHint')} />
          <TextField form={anyForm} name="addressFr" label={t('doc.french.address')} multiline rows={2} />
        </div>
      </fieldset>

      <AgendaFields form={form} start={start} />

      <fieldset>
        <legend>{t('meeting.replies')}</legend>
        <div className="grid-2">
          <TextField form={anyForm} name="rsvpDeadline" type="date" label={t('meeting.rsvpDeadline')} />
          <TextField form={anyForm} name="rsvpContact" label={t('meeting.rsvpContact')} hint={t('meeting.rsvpContactHint')} />
        </div>
      </fieldset>

      <TextField form={anyForm} name="notes" label={t('meeting.notes')} multiline rows={3} />
      {!initial && <p className="muted">{t('meeting.invitesAll')}</p>}
      <FormActions submitLabel={initial ? t('common.saveChanges') : t('meeting.plan')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}

/**
 * A new meeting is convened by the Chair in office, from the register of Chairs, unless the
 * person has already chosen; an unreadable register leaves the choice empty.
 */
function useCurrentChair(form: UseFormReturn<Values, unknown, Out>, enabled: boolean, options: { value: string }[]) {
  const register = useQuery('chairs.register', enabled ? {} : null)
  const current = register.data?.current?.organisationId
  // Waits for the option to be listed, so that the select shows the value it holds.
  const listed = !!current && options.some((o) => o.value === current)
  useEffect(() => {
    if (enabled && current && listed && !form.getValues('chairOrganisationId') && !form.getFieldState('chairOrganisationId').isDirty) {
      form.setValue('chairOrganisationId', current)
    }
  }, [enabled, current, listed, form])
}

/** The agenda: items in order, each with its presenter and length; the slots follow from the start time. */
function AgendaFields({ form, start }: { form: UseFormReturn<Values, unknown, Out>; start: string }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const anyForm = form as unknown as AnyForm
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: 'agenda' })
  const items = form.watch('agenda') ?? []
  const baseId = useId()
  const [focusRow, setFocusRow] = useState<number | null>(null)

  useEffect(() => {
    if (focusRow === null) return
    document.getElementById(`${baseId}-title-${focusRow}`)?.focus()
    setFocusRow(null)
  }, [focusRow, baseId, fields.length])

  const listError = get(form.formState.errors, 'agenda') as { message?: string; root?: { message?: string } } | undefined
  const listMessage = errorText((listError?.root ?? (listError?.message ? listError : undefined)) as never)

  let offset = 0
  const slots = items.map((it) => {
    const m = Number.isFinite(Number(it?.minutes)) ? Number(it.minutes) : 0
    const from = offset
    offset += m
    return start && m > 0 ? `${formatClock(addMinutes(start, from))}–${formatClock(addMinutes(start, from + m))}` : ''
  })

  return (
    <fieldset className="agenda-fields">
      <legend>{t('meeting.agenda')}</legend>
      {fields.length === 0 ? (
        <p className="muted">{t('meeting.noAgenda')}</p>
      ) : (
        <ol className="agenda-rows">
          <li className="agenda-row agenda-row--head" aria-hidden="true">
            <span>#</span>
            <span>{t('meeting.itemTitleCol')}</span>
            <span>{t('meeting.itemPresenterCol')}</span>
            <span>{t('meeting.itemMinutesCol')}</span>
            <span />
          </li>
          {fields.map((f, i) => {
            const n = i + 1
            const minutesError = errorText(get(form.formState.errors, `agenda.${i}.minutes`))
            return (
              <li key={f.id} className="agenda-row" data-testid="agenda-row">
                <span className="agenda-num">
                  {n}
                  {slots[i] && <span className="agenda-slot">{slots[i]}</span>}
                </span>
                <span className="agenda-titles">
                  <ItemText form={anyForm} name={`agenda.${i}.title`} id={`${baseId}-title-${i}`} label={t('meeting.itemTitle', { n })} />
                  <ItemText form={anyForm} name={`agenda.${i}.titleFr`} id={`${baseId}-titleFr-${i}`} label={t('doc.french.itemTitle', { n })} placeholder={t('doc.french.title')} />
                </span>
                <ItemText form={anyForm} name={`agenda.${i}.presenter`} id={`${baseId}-presenter-${i}`} label={t('meeting.itemPresenter', { n })} />
                <FieldShell id={`${baseId}-minutes-${i}`} label={t('meeting.itemMinutes', { n })} hideLabel error={minutesError}>
                  {(aria) => (
                    <input
                      {...form.register(`agenda.${i}.minutes`, { setValueAs: (v: unknown) => (v === '' || v == null ? 0 : Number(v)) })}
                      {...aria}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={600}
                      step={5}
                    />
                  )}
                </FieldShell>
                <span className="agenda-actions">
                  <button type="button" className="btn btn--small btn--icon" aria-label={t('meeting.moveUp', { n })} title={t('meeting.moveUp', { n })} disabled={i === 0} onClick={() => move(i, i - 1)}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn--small btn--icon"
                    aria-label={t('meeting.moveDown', { n })}
                    title={t('meeting.moveDown', { n })}
                    disabled={i === fields.length - 1}
                    onClick={() => move(i, i + 1)}
                  >
                    ↓
                  </button>
                  <button type="button" className="btn btn--small btn--quiet" aria-label={t('meeting.removeItem', { n })} onClick={() => remove(i)}>
                    {t('common.remove')}
                  </button>
                </span>
              </li>
            )
          })}
        </ol>
      )}
      {listMessage && <p className="field-error">{listMessage}</p>}
      <div className="agenda-foot">
        <button
          type="button"
          className="btn btn--quiet"
          disabled={fields.length >= MAX_ITEMS}
          onClick={() => {
            append({ title: '', titleFr: '', presenter: '', minutes: 15 }, { shouldFocus: false })
            setFocusRow(fields.length)
          }}
        >
          + {t('meeting.addItem')}
        </button>
        {offset > 0 && <span className="muted">{t('meeting.agendaTotal', { duration: duration(offset, t) })}</span>}
      </div>
    </fieldset>
  )
}

function duration(minutes: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return t('meeting.minutesOnly', { m })
  return m === 0 ? t('meeting.hoursOnly', { h }) : t('meeting.hoursMinutes', { h, m: String(m).padStart(2, '0') })
}

function ItemText({ form, name, id, label, placeholder }: { form: AnyForm; name: string; id: string; label: string; placeholder?: string }) {
  const errorText = useErrorText()
  const error = errorText(get(form.formState.errors, name))
  return (
    <FieldShell id={id} label={label} hideLabel error={error}>
      {(aria) => <input {...form.register(name)} {...aria} type="text" dir="auto" autoComplete="off" placeholder={placeholder} lang={placeholder ? 'fr' : undefined} />}
    </FieldShell>
  )
}
