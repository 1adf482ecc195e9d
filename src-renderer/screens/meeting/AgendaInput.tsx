import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { InviteeFields, Uuid, type InviteeView, type MeetingDetail } from '../../../src-main/core/model'
import { useUpdate } from '../../api/stale'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ActionsHeader, DataTable } from '../../components/DataTable'
import { Dialog } from '../../components/Dialog'
import { SelectField, TextField, type AnyForm } from '../../components/Field'
import { FormAlert } from '../../components/FormAlert'
import { useToast } from '../../components/Toasts'
import { errorMessage, useSubmit } from '../../forms/serverErrors'
import { uiLang } from '../../lib/format'
import { byMember, refName } from './common'

// The input to the agenda a member gave: the invitee's own field, edited here in a dialog.
const InputSchema = z.object({ inviteeId: Uuid, agendaInput: InviteeFields.shape.agendaInput })
type In = z.input<typeof InputSchema>
type Out = z.output<typeof InputSchema>

export function AgendaInputPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const update = useUpdate()
  const toast = useToast()
  const [editing, setEditing] = useState<InviteeView | 'new' | null>(null)
  const [clearing, setClearing] = useState<InviteeView | null>(null)
  const rows = meeting.invitees.filter((i) => i.agendaInput.trim()).sort(byMember(lang))

  const clear = async (inv: InviteeView) => {
    const name = refName(inv.organisation, lang)
    const before = inv.agendaInput
    let cleared: InviteeView
    try {
      cleared = await update('invitees.update', { id: inv.id, changes: { agendaInput: '' }, seen: inv.stamps })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
      return
    }
    toast({
      message: t('agendaInput.cleared', { name }),
      action: {
        label: t('delete.undo'),
        run: async () => {
          try {
            await update('invitees.update', { id: inv.id, changes: { agendaInput: before }, seen: cleared.stamps })
            toast({ tone: 'success', message: t('agendaInput.restored', { name }) })
          } catch (e) {
            toast({ tone: 'error', message: errorMessage(e, t) })
          }
        },
      },
    })
  }

  return (
    <section className="section" aria-labelledby="sec-agenda-input">
      <div className="section-header">
        <div>
          <h2 id="sec-agenda-input">{t('agendaInput.title')}</h2>
          <p className="muted small section-intro">{t('agendaInput.intro')}</p>
        </div>
        <button type="button" className="btn btn--primary" onClick={() => setEditing('new')} disabled={meeting.invitees.length === 0}>
          {t('agendaInput.record')}
        </button>
      </div>
      <DataTable
        testId="agenda-input-table"
        head={
          <>
            <th scope="col">{t('invitees.colMember')}</th>
            <th scope="col">{t('agendaInput.colInput')}</th>
            <ActionsHeader />
          </>
        }
        columns={3}
        empty={rows.length === 0 && t('agendaInput.none')}
      >
        {rows.map((inv) => {
          const name = refName(inv.organisation, lang)
          return (
            <tr key={inv.id}>
              <th scope="row" className="cell-member" dir="auto">
                {name}
              </th>
              <td className="pre" dir="auto">
                {inv.agendaInput}
              </td>
              <td className="row-actions">
                <button type="button" className="btn btn--small" aria-label={t('agendaInput.editAria', { name })} onClick={() => setEditing(inv)}>
                  {t('common.edit')}
                </button>
                <button type="button" className="btn btn--small btn--danger-outline" aria-label={t('agendaInput.clearAria', { name })} onClick={() => setClearing(inv)}>
                  {t('common.delete')}
                </button>
              </td>
            </tr>
          )
        })}
      </DataTable>
      {editing && <AgendaInputDialog meeting={meeting} initial={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {clearing && (
        <ConfirmDialog
          title={t('agendaInput.clearTitle', { name: refName(clearing.organisation, lang) })}
          confirmLabel={t('delete.confirm')}
          danger
          onConfirm={() => clear(clearing)}
          onClose={() => setClearing(null)}
        >
          <p>{t('agendaInput.clearBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

function AgendaInputDialog({ meeting, initial, onClose }: { meeting: MeetingDetail; initial?: InviteeView; onClose(): void }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const update = useUpdate()
  // The answers as the dialog opened: what the person saw of each invitee.
  const loaded = useRef(Object.fromEntries(meeting.invitees.map((i) => [i.id, i.stamps])))
  const toast = useToast()
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(InputSchema),
    defaultValues: { inviteeId: initial?.id ?? '', agendaInput: initial?.agendaInput ?? '' },
  })
  const anyForm = form as unknown as AnyForm
  const sorted = [...meeting.invitees].sort(byMember(lang))
  // Choosing a member who already gave input brings it up to edit, unless something was typed.
  const chosen = form.watch('inviteeId')
  const shown = useRef(initial?.agendaInput ?? '')
  useEffect(() => {
    if (initial) return
    const next = meeting.invitees.find((i) => i.id === chosen)?.agendaInput ?? ''
    if (form.getValues('agendaInput') === shown.current) {
      form.setValue('agendaInput', next)
      shown.current = next
    }
  }, [chosen, initial, meeting.invitees, form])

  const { alert, onSubmit } = useSubmit(form, async ({ inviteeId, agendaInput }) => {
    const saved = await update('invitees.update', { id: inviteeId, changes: { agendaInput }, seen: loaded.current[inviteeId] ?? {} })
    toast({ tone: 'success', message: t('agendaInput.saved', { name: refName(saved.organisation, lang) }) })
    onClose()
  }, (f) => f.replace(/^changes\./, ''))

  const title = initial ? t('agendaInput.editTitle', { name: refName(initial.organisation, lang) }) : t('agendaInput.record')
  return (
    <Dialog title={title} onClose={onClose} busy={form.formState.isSubmitting} wide>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={title}>
        <FormAlert message={alert} />
        {!initial && (
          <SelectField
            form={anyForm}
            name="inviteeId"
            label={t('invitees.colMember')}
            required
            placeholder={t('affiliation.chooseMember')}
            options={sorted.map((i) => ({ value: i.id, label: refName(i.organisation, lang) + (i.agendaInput.trim() ? ` ${t('agendaInput.hasInput')}` : '') }))}
          />
        )}
        <TextField form={anyForm} name="agendaInput" label={t('agendaInput.field')} hint={t('agendaInput.fieldHint')} multiline rows={6} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={form.formState.isSubmitting}>
            {t('agendaInput.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
