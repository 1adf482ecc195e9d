import { zodResolver } from '@hookform/resolvers/zod'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { MissionFields, MissionKind, MissionStatus, type Mission, type MissionDetail, type MissionFieldsInput } from '../../../src-main/core/model/mission'
import { useMutate } from '../../api/data'
import { useLoadedStamps, useUpdate } from '../../api/stale'
import { SelectField, TextField, type AnyForm } from '../../components/Field'
import { FormAlert } from '../../components/FormAlert'
import { FormActions } from '../../components/FormActions'
import { useSubmit } from '../../forms/serverErrors'

/** The departments at Headquarters that lead peace operations; any other may be typed. */
const DEPARTMENTS = ['DPO', 'DPPA', 'DPPA-DPO'] as const

function defaults(m?: Mission): MissionFieldsInput {
  if (m) {
    const { acronym, nameEn, nameFr, location, kind, leadDepartment, status, start, end, notes, verifiedOn, verifiedBy } = m
    return { acronym, nameEn, nameFr, location, kind, leadDepartment, status, start, end, notes, verifiedOn, verifiedBy }
  }
  return { acronym: '', nameEn: '', nameFr: '', location: '', kind: 'peacekeeping', leadDepartment: 'DPO', status: 'open', start: '', end: '', notes: '', verifiedOn: '', verifiedBy: '' }
}

interface Props {
  /** The mission being edited; absent when adding one. */
  initial?: Mission
  onSaved(mission: MissionDetail): void
  onCancel(): void
}

/** A mission of the register: names in both languages, where, what kind, who leads it, when. */
export function MissionForm({ initial, onSaved, onCancel }: Props) {
  const { t } = useTranslation()
  const mutate = useMutate()
  const update = useUpdate()
  const seen = useLoadedStamps(initial?.stamps)
  // The verification stays as it was: editing a record is not checking that it is still true.
  const form = useForm<MissionFieldsInput, unknown, MissionFields>({ resolver: zodResolver(MissionFields), defaultValues: defaults(initial) })
  const anyForm = form as unknown as AnyForm

  const { alert, onSubmit } = useSubmit(form, async (fields) => {
    const saved = initial ? await update('missions.update', { id: initial.id, fields, seen: seen.current }) : await mutate('missions.create', fields)
    onSaved(saved)
  })

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={initial ? t('mission.edit') : t('mission.new')}>
      <FormAlert message={alert} />
      <fieldset>
        <legend>{t('mission.identity')}</legend>
        <div className="grid-3">
          <TextField form={anyForm} name="acronym" label={t('mission.acronym')} required hint={t('mission.acronymHint')} dir="ltr" />
          <TextField form={anyForm} name="location" label={t('mission.location')} required hint={t('mission.locationHint')} className="span-2" />
        </div>
        <TextField form={anyForm} name="nameEn" label={t('mission.nameEn')} required />
        <TextField form={anyForm} name="nameFr" label={t('mission.nameFr')} hint={t('mission.nameFrHint')} />
      </fieldset>
      <fieldset>
        <legend>{t('mission.operation')}</legend>
        <div className="grid-2">
          <SelectField form={anyForm} name="kind" label={t('mission.kind')} options={MissionKind.options.map((k) => ({ value: k, label: t(`missions.kind.${k}`) }))} />
          <TextField form={anyForm} name="leadDepartment" label={t('mission.leadDepartment')} list="gfc-departments" hint={t('mission.leadDepartmentHint')} dir="ltr" />
        </div>
        <datalist id="gfc-departments">
          {DEPARTMENTS.map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
        <div className="grid-3">
          <SelectField form={anyForm} name="status" label={t('mission.status')} options={MissionStatus.options.map((s) => ({ value: s, label: t(`missions.statusValue.${s}`) }))} />
          <TextField form={anyForm} name="start" type="date" label={t('mission.start')} />
          <TextField form={anyForm} name="end" type="date" label={t('mission.end')} hint={t('mission.endHint')} />
        </div>
      </fieldset>
      <TextField form={anyForm} name="notes" label={t('mission.notes')} multiline rows={3} />
      <FormActions submitLabel={initial ? t('common.saveChanges') : t('mission.addMission')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}
