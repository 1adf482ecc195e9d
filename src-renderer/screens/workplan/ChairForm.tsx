import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useMemo, useRef } from 'react'
import { useForm, type Resolver, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { chairToInclude, ChairTermFields, defaultTermEnd, QUORUM, quorumVoters, type ChairRegister, type ChairTermFieldsInput, type ChairTermView } from '../../../src-main/core/model/chair'
import { useMutate, useQuery } from '../../api/data'
import { useLoadedStamps, useUpdate } from '../../api/stale'
import { SelectField, TextField, type AnyForm } from '../../components/Field'
import { FormAlert } from '../../components/FormAlert'
import { FormActions } from '../../components/FormActions'
import { useSubmit } from '../../forms/serverErrors'
import { orgName, sortedByName, uiLang } from '../../lib/format'
import { refName } from '../meeting/common'
import { MultiPickerField, type PickOption } from './MultiPicker'

function defaults(c?: ChairTermView): ChairTermFieldsInput {
  return {
    organisationId: c?.organisationId ?? '',
    start: c?.start ?? '',
    end: c?.end ?? '',
    selectedOn: c?.selectedOn ?? '',
    selectedBy: c?.selectedBy ?? [],
    shadowStart: c?.shadowStart ?? '',
    shadowEnd: c?.shadowEnd ?? '',
    notes: c?.notes ?? '',
  }
}

interface Props {
  /** The term being edited; absent when recording a new one. */
  initial?: ChairTermView
  register: ChairRegister
  onSaved(term: ChairTermView): void
  onCancel(): void
}

/** Records a Member State's term as Chair, with its selection by a quorum and the shadowing period. */
export function ChairForm({ initial, register, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const mutate = useMutate()
  const update = useUpdate()
  const seen = useLoadedStamps(initial?.stamps)
  const form = useForm<ChairTermFieldsInput, unknown, ChairTermFields>({
    resolver: zodResolver(ChairTermFields) as unknown as Resolver<ChairTermFieldsInput, unknown, ChairTermFields>,
    defaultValues: defaults(initial),
  })
  const anyForm = form as unknown as AnyForm
  const members = useQuery('organisations.list', {})
  const stateOptions = useMemo(
    () =>
      sortedByName((members.data ?? []).filter((o) => o.kind === 'state' && (o.status === 'active' || o.id === initial?.organisationId)), lang).map((o) => ({
        value: o.id,
        label: orgName(o, lang),
      })),
    [members.data, lang, initial?.organisationId],
  )
  const quorumOptions: PickOption[] = useMemo(
    () => sortedByName((members.data ?? []).filter((o) => o.status === 'active'), lang).map((o) => ({ id: o.id, label: orgName(o, lang), note: t(`kind.${o.kind}`) })),
    [members.data, lang, t],
  )
  const known = useMemo(() => new Map((initial?.selectors ?? []).map((s) => [s.id, refName(s, lang)])), [initial, lang])

  useDefaultEnd(form)

  const { alert, onSubmit } = useSubmit(form, async (fields) => {
    const saved = initial ? await update('chairs.update', { id: initial.id, fields, seen: seen.current }) : await mutate('chairs.create', fields)
    onSaved(saved)
  })

  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate aria-label={initial ? t('chairs.editTitle', { name: refName(initial.organisation, lang) }) : t('chairs.new')}>
      <FormAlert message={alert} />
      <fieldset>
        <legend>{t('chairs.term')}</legend>
        {/* Mounted again once the members are listed, so that the select shows the value it holds. */}
        <SelectField
          key={members.data ? 'listed' : 'loading'}
          form={anyForm}
          name="organisationId"
          label={t('chairs.state')}
          hint={t('chairs.stateHint')}
          required
          placeholder={t('chairs.chooseState')}
          options={stateOptions}
        />
        <div className="grid-2">
          <TextField form={anyForm} name="start" type="date" label={t('chairs.start')} required />
          <TextField form={anyForm} name="end" type="date" label={t('chairs.end')} hint={t('chairs.endHint')} required />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('chairs.selection')}</legend>
        <p className="field-hint fieldset-intro">{t('chairs.selectionIntro', { count: QUORUM })}</p>
        <TextField form={anyForm} name="selectedOn" type="date" label={t('chairs.selectedOn')} className="field--narrow" />
        <MultiPickerField
          form={anyForm}
          name="selectedBy"
          label={t('chairs.selectedBy')}
          options={quorumOptions}
          known={known}
          placeholder={t('workplan.pickMember')}
          emptyText={t('workplan.noMemberMatch')}
        />
        <QuorumNote form={form} register={register} editingId={initial?.id} />
      </fieldset>

      <fieldset>
        <legend>{t('chairs.shadowing')}</legend>
        <p className="field-hint fieldset-intro">{t('chairs.shadowingIntro')}</p>
        <div className="grid-2">
          <TextField form={anyForm} name="shadowStart" type="date" label={t('chairs.shadowStart')} />
          <TextField form={anyForm} name="shadowEnd" type="date" label={t('chairs.shadowEnd')} />
        </div>
      </fieldset>

      <TextField form={anyForm} name="notes" label={t('chairs.notes')} multiline rows={3} />
      <FormActions submitLabel={initial ? t('common.saveChanges') : t('chairs.save')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}

/**
 * A chosen start fills in the end of a two-year term, unless the person has set an end of
 * their own (one that is not the default of the previous start).
 */
function useDefaultEnd(form: UseFormReturn<ChairTermFieldsInput, unknown, ChairTermFields>) {
  const start = form.watch('start')
  const previous = useRef(start)
  useEffect(() => {
    const before = previous.current
    previous.current = start
    if (!start || start === before || !/^\d{4}-\d{2}-\d{2}$/.test(start)) return
    const end = form.getValues('end')
    if (!end || (before && end === defaultTermEnd(before))) form.setValue('end', defaultTermEnd(start), { shouldDirty: true })
  }, [start, form])
}

/**
 * Says, as the quorum is chosen, whether it will do: at least three members besides the state
 * itself, including the Chair in office on the selection date. The schema refuses fewer than
 * three; the core checks the rest.
 */
function QuorumNote({ form, register, editingId }: { form: UseFormReturn<ChairTermFieldsInput, unknown, ChairTermFields>; register: ChairRegister; editingId?: string }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const [selectedOn, selectedBy, organisationId] = form.watch(['selectedOn', 'selectedBy', 'organisationId'])
  const term = { organisationId: organisationId ?? '', selectedOn: selectedOn || '', selectedBy: selectedBy ?? [] }
  const chosen = quorumVoters(term)
  const chair = chairToInclude(register.terms.filter((c) => c.id !== editingId), term)
  if (!term.selectedOn && chosen.length === 0) return null
  const short = chosen.length < QUORUM
  const chairMissing = !!chair && !chosen.includes(chair.organisationId)
  const chairName = chair ? refName(chair.organisation, lang) : ''
  const ok = !short && !chairMissing
  return (
    <p className={'quorum-note ' + (ok ? 'quorum-note--ok' : 'quorum-note--short')} data-testid="quorum-note" aria-live="polite">
      {t('chairs.quorumCount', { count: chosen.length, min: QUORUM })}
      {chair && ' ' + (chairMissing ? t('chairs.quorumNeedsChair', { name: chairName }) : t('chairs.quorumHasChair', { name: chairName }))}
    </p>
  )
}
