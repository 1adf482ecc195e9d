import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo } from 'react'
import { useForm, type Resolver } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { ActivityFields, ActivityStatus, WorkplanFunction, type ActivityFieldsInput, type ActivityView } from '../../../src-main/core/model/workplan'
import { useMutate, useQuery } from '../../api/data'
import { useLoadedStamps, useUpdate } from '../../api/stale'
import { SelectField, TextField, type AnyForm } from '../../components/Field'
import { FormAlert } from '../../components/FormAlert'
import { FormActions } from '../../components/FormActions'
import { useSubmit } from '../../forms/serverErrors'
import { formatDate, orgName, sortedByName, uiLang } from '../../lib/format'
import { refName } from '../meeting/common'
import { functionName, MonthField } from './common'
import { MultiPickerField, type PickOption } from './MultiPicker'

function defaults(a?: ActivityView): ActivityFieldsInput {
  return {
    title: a?.title ?? '',
    titleFr: a?.titleFr ?? '',
    description: a?.description ?? '',
    function: a?.function ?? ('' as WorkplanFunction),
    leadIds: a?.leadIds ?? [],
    supportIds: a?.supportIds ?? [],
    missionIds: a?.missionIds ?? [],
    start: a?.start ?? '',
    end: a?.end ?? '',
    status: a?.status ?? 'planned',
    meetingId: a?.meetingId ?? '',
  }
}

interface Props {
  /** The activity being edited; absent when adding one. */
  initial?: ActivityView
  onSaved(activity: ActivityView): void
  onCancel(): void
}

/** Records an activity of the work plan, or edits one: what, which function, who leads, when. */
export function ActivityForm({ initial, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const mutate = useMutate()
  const update = useUpdate()
  const seen = useLoadedStamps(initial?.stamps)
  const form = useForm<ActivityFieldsInput, unknown, ActivityFields>({
    resolver: zodResolver(ActivityFields) as unknown as Resolver<ActivityFieldsInput, unknown, ActivityFields>,
    defaultValues: defaults(initial),
  })
  const anyForm = form as unknown as AnyForm
  const members = useMemberOptions(initial)
  const missions = useMissionOptions(initial)
  // A member leads or supports an activity, not both: each list offers only the members the other has not taken.
  const [leadIds, supportIds] = form.watch(['leadIds', 'supportIds'])
  const leadOptions = members.options.filter((o) => !supportIds?.includes(o.id))
  const supportOptions = members.options.filter((o) => !leadIds?.includes(o.id))
  const meetings = useQuery('meetings.list', {})
  const meetingOptions = (meetings.data ?? []).map((m) => ({ value: m.id, label: `${m.title} (${formatDate(m.start.slice(0, 10), lang)})` }))
  if (initial?.meeting && !meetingOptions.some((o) => o.value === initial.meeting!.id)) {
    meetingOptions.push({ value: initial.meeting.id, label: initial.meeting.title })
  }

  const { alert, onSubmit } = useSubmit(form, async (fields) => {
    const saved = initial ? await update('activities.update', { id: initial.id, fields, seen: seen.current }) : await mutate('activities.create', fields)
    onSaved(saved)
  })

  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate aria-label={initial ? t('workplan.editTitle', { title: initial.title }) : t('workplan.new')}>
      <FormAlert message={alert} />
      <fieldset>
        <legend>{t('workplan.what')}</legend>
        <TextField form={anyForm} name="title" label={t('workplan.fieldTitle')} required />
        <TextField form={anyForm} name="titleFr" label={t('doc.french.title')} hint={t('doc.french.titleHint')} />
        <TextField form={anyForm} name="description" label={t('workplan.description')} multiline rows={4} />
        <div className="grid-2">
          <SelectField
            form={anyForm}
            name="function"
            label={t('workplan.function')}
            hint={t('workplan.functionHint')}
            required
            placeholder={t('workplan.chooseFunction')}
            options={WorkplanFunction.options.map((f, i) => ({ value: f, label: `${i + 1}. ${functionName(f, lang)}` }))}
          />
          <SelectField form={anyForm} name="status" label={t('workplan.status')} options={ActivityStatus.options.map((s) => ({ value: s, label: t(`activityStatus.${s}`) }))} />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('workplan.when')}</legend>
        <div className="grid-2">
          <MonthField form={anyForm} name="start" label={t('workplan.start')} required />
          <MonthField form={anyForm} name="end" label={t('workplan.end')} required />
        </div>
        {/* Mounted again once the meetings are listed, so that the select shows the value it holds. */}
        <SelectField key={meetings.data ? 'listed' : 'loading'} form={anyForm} name="meetingId" label={t('workplan.meeting')} hint={t('workplan.meetingHint')} placeholder={t('workplan.noMeeting')} options={meetingOptions} />
      </fieldset>

      <fieldset>
        <legend>{t('workplan.who')}</legend>
        <MultiPickerField
          form={anyForm}
          name="leadIds"
          label={t('workplan.leads')}
          options={leadOptions}
          known={members.known}
          placeholder={t('workplan.pickMember')}
          emptyText={t('workplan.noMemberMatch')}
        />
        <MultiPickerField
          form={anyForm}
          name="supportIds"
          label={t('workplan.supporters')}
          options={supportOptions}
          known={members.known}
          placeholder={t('workplan.pickMember')}
          emptyText={t('workplan.noMemberMatch')}
        />
        <MultiPickerField
          form={anyForm}
          name="missionIds"
          label={t('workplan.missions')}
          hint={t('workplan.missionsHint')}
          unavailable={missions.unavailable ? t('workplan.missionsUnavailable') : undefined}
          options={missions.options}
          known={missions.known}
          placeholder={t('workplan.pickMission')}
          emptyText={t('workplan.noMissionMatch')}
        />
      </fieldset>

      <FormActions submitLabel={initial ? t('common.saveChanges') : t('workplan.add')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}

/** The Group's active members (and any former one the activity already names), by name. */
function useMemberOptions(initial?: ActivityView) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const list = useQuery('organisations.list', {})
  return useMemo(() => {
    const options: PickOption[] = sortedByName(list.data ?? [], lang)
      .filter((o) => o.status === 'active')
      .map((o) => ({ id: o.id, label: orgName(o, lang), note: t(`kind.${o.kind}`) }))
    const known = new Map([...(initial?.leads ?? []), ...(initial?.supporters ?? [])].map((m) => [m.id, refName(m, lang)]))
    return { options, known }
  }, [list.data, lang, initial, t])
}

/**
 * The field missions to choose from. The missions' register may be unavailable (not yet
 * recorded, or an older core): the picker then offers nothing and says so, and the form still saves.
 */
function useMissionOptions(initial?: ActivityView) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const list = useQuery('missions.list', {})
  return useMemo(() => {
    const options: PickOption[] = (list.data ?? []).map((m) => ({
      id: m.id,
      label: m.acronym,
      note: [lang === 'fr' ? m.nameFr || m.nameEn : m.nameEn, m.status === 'closed' ? t('workplan.missionClosed') : ''].filter(Boolean).join(' · '),
    }))
    const known = new Map((initial?.missions ?? []).map((m) => [m.id, m.acronym]))
    return { options, known, unavailable: !!list.error && !list.data }
  }, [list.data, list.error, lang, initial, t])
}
