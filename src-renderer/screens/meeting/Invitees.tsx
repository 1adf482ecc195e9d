import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { inputs } from '../../../src-main/core/api'
import { Response, type InviteeView, type MeetingDetail } from '../../../src-main/core/model'
import { useMutate, useQuery } from '../../api/data'
import { useUpdate } from '../../api/stale'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ActionsHeader, DataTable, SortHeader } from '../../components/DataTable'
import { SelectField, type AnyForm } from '../../components/Field'
import { FormAlert } from '../../components/FormAlert'
import { SearchBox } from '../../components/SearchBox'
import { SelectAllHeader, SelectCell } from '../../components/Selection'
import { useToast } from '../../components/Toasts'
import { errorMessage, useSubmit } from '../../forms/serverErrors'
import { fold, orgName, sortedByName, uiLang, type UiLanguage } from '../../lib/format'
import { useListState } from '../../lists/listState'
import { useSelection } from '../../lists/selection'
import { useSorted, type Sort, type SortValue } from '../../lists/sort'
import { useNav } from '../../navigation'
import { byMember, refName } from './common'
import { InviteesBulk } from './InviteesBulk'
import { ExportButton } from '../../components/ExportButton'

type Filter = 'all' | Response

const COLUMNS: Record<string, SortValue<InviteeView>> = {
  // The rows come Member States first, then experts, each by name (byMember).
  member: () => 0,
  addressee: (i) => i.addressee?.name,
  language: (i) => i.language,
  response: (i, { t }) => t(`response.${i.response}`),
  attended: (i) => (i.attended ? 0 : 1),
}
const inviteeKey = (i: InviteeView) => i.id

/** Everyone invited to the meeting: whom the letter goes to, what they answered, who came. */
export function InviteesPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const mutate = useMutate()
  const toast = useToast()
  const [list, setList] = useListState('invitees', { filter: 'all' as Filter, search: '', sort: { key: 'member', dir: 'asc' } as Sort })
  const { filter, search } = list
  const setFilter = (f: Filter) => setList({ filter: f })
  const setSearch = (v: string) => setList({ search: v })
  const sortBy = { sort: list.sort, onSort: (sort: Sort) => setList({ sort }) }
  const [adding, setAdding] = useState(false)
  const [removing, setRemoving] = useState<InviteeView | null>(null)

  const counts = useMemo(() => {
    const c = Object.fromEntries(Response.options.map((r) => [r, 0])) as Record<Response, number>
    for (const i of meeting.invitees) c[i.response]++
    return c
  }, [meeting.invitees])
  const attended = meeting.invitees.filter((i) => i.attended).length

  const shown = useMemo(() => {
    const q = fold(search.trim())
    return meeting.invitees
      .filter((i) => filter === 'all' || i.response === filter)
      .filter((i) => !q || fold(i.organisation.en).includes(q) || fold(i.organisation.fr).includes(q) || fold(i.addressee?.name ?? '').includes(q))
      .sort(byMember(lang))
  }, [meeting.invitees, filter, search, lang])
  const rows = useSorted(shown, list.sort, COLUMNS)
  const selection = useSelection(rows, inviteeKey)

  const remove = async (inv: InviteeView) => {
    const name = refName(inv.organisation, lang)
    try {
      await mutate('invitees.remove', { id: inv.id })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
      return
    }
    toast({
      message: t('invitees.removed', { name }),
      action: {
        label: t('delete.undo'),
        run: async () => {
          try {
            // Inviting the member again lifts the removal: its answers come back with it.
            await mutate('invitees.add', { meetingId: meeting.id, organisationId: inv.organisationId })
            toast({ tone: 'success', message: t('invitees.reinvited', { name }) })
          } catch (e) {
            toast({ tone: 'error', message: errorMessage(e, t) })
          }
        },
      },
    })
  }

  const filters: Filter[] = ['all', ...Response.options]

  return (
    <section className="section" aria-labelledby="sec-invitees">
      <div className="section-header">
        <h2 id="sec-invitees">{t('invitees.title')}</h2>
        <ExportButton list="invitees" meetingId={meeting.id} ids={rows.map((i) => i.id)} />
        {!adding && (
          <button type="button" className="btn btn--primary" onClick={() => setAdding(true)}>
            {t('invitees.invite')}
          </button>
        )}
      </div>
      {adding && <InviteForm meeting={meeting} onDone={() => setAdding(false)} />}

      <div className="toolbar">
        <div className="chips" role="group" aria-label={t('invitees.filterLabel')}>
          {filters.map((f) => {
            const n = f === 'all' ? meeting.invitees.length : counts[f]
            return (
              <button
                key={f}
                type="button"
                className={`chip chip--${f}` + (filter === f ? ' is-on' : '')}
                aria-pressed={filter === f}
                data-testid={`response-filter-${f}`}
                onClick={() => setFilter(f)}
              >
                {f === 'all' ? t('filters.all') : t(`response.${f}`)}
                <span className="chip-count">{n}</span>
              </button>
            )
          })}
        </div>
        <SearchBox label={t('invitees.search')} value={search} onChange={setSearch} placeholder={t('invitees.searchPlaceholder')} />
      </div>
      <p className="result-count" aria-live="polite" data-testid="invitees-count">
        {t('invitees.count', { count: rows.length, total: meeting.invitees.length })}
        {attended > 0 && ` · ${t('invitees.attendedCount', { count: attended })}`}
      </p>

      <InviteesBulk selection={selection} />
      <DataTable
        testId="invitees-table"
        dense
        head={
          <>
            <SelectAllHeader selection={selection} count={rows.length} />
            <SortHeader label={t('invitees.colMember')} col="member" {...sortBy} />
            <SortHeader label={t('invitees.colAddressee')} col="addressee" {...sortBy} />
            <SortHeader label={t('invitees.colLanguage')} col="language" {...sortBy} />
            <SortHeader label={t('invitees.colResponse')} col="response" {...sortBy} />
            <th scope="col">{t('invitees.colAttendees')}</th>
            <SortHeader label={t('invitees.colAttended')} col="attended" {...sortBy} />
            <ActionsHeader />
          </>
        }
        columns={8}
        empty={rows.length === 0 && (meeting.invitees.length === 0 ? t('invitees.none') : t('invitees.noMatch'))}
      >
        {rows.map((inv) => (
          <InviteeRow key={inv.id} inv={inv} lang={lang} onRemove={() => setRemoving(inv)} check={<SelectCell selection={selection} id={inv.id} name={refName(inv.organisation, lang)} />} />
        ))}
      </DataTable>
      {removing && (
        <ConfirmDialog
          title={t('invitees.removeTitle', { name: refName(removing.organisation, lang) })}
          confirmLabel={t('common.remove')}
          danger
          onConfirm={() => remove(removing)}
          onClose={() => setRemoving(null)}
        >
          <p>{t('invitees.removeBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

function InviteeRow({ inv, lang, onRemove, check }: { inv: InviteeView; lang: UiLanguage; onRemove(): void; check: ReactNode }) {
  const { t } = useTranslation()
  const { go } = useNav()
  const update = useUpdate()
  const toast = useToast()
  const name = refName(inv.organisation, lang)
  // Each control shows the change at once; the core's answer (or its refusal) follows.
  const [addresseeId, setAddresseeId] = useState(inv.addresseeId)
  const [response, setResponse] = useState(inv.response)
  const [attendees, setAttendees] = useState(inv.attendees)
  const [attended, setAttended] = useState(inv.attended)
  useEffect(() => setAddresseeId(inv.addresseeId), [inv.addresseeId])
  useEffect(() => setResponse(inv.response), [inv.response])
  useEffect(() => setAttendees(inv.attendees), [inv.attendees])
  useEffect(() => setAttended(inv.attended), [inv.attended])
  // The stamps of what the row shows: from the row as it refreshes, or from our own last save
  // (two quick changes of one control must not find the first one "changed meanwhile").
  const seen = useRef(inv.stamps)
  useEffect(() => {
    seen.current = inv.stamps
  }, [inv.stamps])

  // Only the field changed is sent: the others stay as they are in the core.
  const save = async (changes: { addresseeId?: string; response?: Response; attendees?: string; attended?: boolean }, undo: () => void) => {
    try {
      seen.current = (await update('invitees.update', { id: inv.id, changes, seen: seen.current })).stamps
    } catch (e) {
      undo()
      toast({ tone: 'error', message: errorMessage(e, t) })
    }
  }

  const options = inv.candidates.map((c) => ({ id: c.id, label: c.name + (c.role ? ` — ${t(`role.${c.role}`, { defaultValue: c.role })}` : '') }))
  if (inv.addressee && !inv.candidates.some((c) => c.id === inv.addressee!.id)) {
    options.push({ id: inv.addressee.id, label: `${inv.addressee.name} ${t('invitees.noLongerContact')}` })
  }
  const none = inv.organisation.kind === 'state' ? t('invitees.toMission') : t('invitees.toOrganisation')

  return (
    <tr data-testid="invitee-row" data-member={inv.organisation.en}>
      {check}
      <th scope="row" className="cell-member">
        <button type="button" className="link" dir="auto" onClick={() => go({ name: 'member', id: inv.organisationId })}>
          {name}
        </button>
      </th>
      <td>
        <select
          className="cell-select addressee-select"
          aria-label={t('invitees.addresseeFor', { name })}
          value={addresseeId}
          dir="auto"
          onChange={(e) => {
            const v = e.target.value
            setAddresseeId(v)
            void save({ addresseeId: v }, () => setAddresseeId(inv.addresseeId))
          }}
        >
          <option value="">{none}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <span className="lang-tag" title={t(`language.${inv.language}`)} data-testid="invitee-language">
          {inv.language.toUpperCase()}
        </span>
      </td>
      <td>
        <select
          className={`cell-select response-select response--${response}`}
          aria-label={t('invitees.responseOf', { name })}
          value={response}
          onChange={(e) => {
            const v = e.target.value as Response
            setResponse(v)
            void save({ response: v }, () => setResponse(inv.response))
          }}
        >
          {Response.options.map((r) => (
            <option key={r} value={r}>
              {t(`response.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="text"
          className="cell-input"
          dir="auto"
          maxLength={1000}
          aria-label={t('invitees.attendeesFor', { name })}
          placeholder={t('invitees.attendeesPlaceholder')}
          value={attendees}
          onChange={(e) => setAttendees(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur()
            if (e.key === 'Escape') setAttendees(inv.attendees)
          }}
          onBlur={() => {
            if (attendees.trim() !== inv.attendees) void save({ attendees: attendees.trim() }, () => setAttendees(inv.attendees))
          }}
        />
      </td>
      <td className="cell-check">
        <input
          type="checkbox"
          aria-label={t('invitees.attendedBy', { name })}
          checked={attended}
          onChange={(e) => {
            const v = e.target.checked
            setAttended(v)
            void save({ attended: v }, () => setAttended(inv.attended))
          }}
        />
      </td>
      <td className="row-actions">
        <button type="button" className="btn btn--small btn--danger-outline" aria-label={t('invitees.removeAria', { name })} onClick={onRemove}>
          {t('common.remove')}
        </button>
      </td>
    </tr>
  )
}

const AddSchema = inputs['invitees.add']
type AddIn = z.input<typeof AddSchema>
type AddOut = z.output<typeof AddSchema>

/** Invites one more member: one not invited yet (a new member, or one removed from the list). */
function InviteForm({ meeting, onDone }: { meeting: MeetingDetail; onDone(): void }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const mutate = useMutate()
  const toast = useToast()
  const members = useQuery('organisations.list', {})
  const form = useForm<AddIn, unknown, AddOut>({ resolver: zodResolver(AddSchema), defaultValues: { meetingId: meeting.id, organisationId: '' } })
  const invited = new Set(meeting.invitees.map((i) => i.organisationId))
  const options = sortedByName(members.data ?? [], lang)
    .filter((o) => !invited.has(o.id))
    .map((o) => ({ value: o.id, label: orgName(o, lang) + (o.status === 'former' ? ` ${t('invitees.formerMember')}` : '') }))
  const headingId = useId()

  const { alert, onSubmit } = useSubmit(form, async (values) => {
    await mutate('invitees.add', values)
    const o = members.data?.find((x) => x.id === values.organisationId)
    toast({ tone: 'success', message: t('invitees.added', { name: o ? orgName(o, lang) : '' }) })
    onDone()
  })

  return (
    <form className="form form--inline-card" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h3 className="card-title" id={headingId}>
        {t('invitees.inviteTitle')}
      </h3>
      <FormAlert message={alert} />
      {members.data && options.length === 0 ? (
        <p className="muted">{t('invitees.everyoneInvited')}</p>
      ) : (
        <SelectField
          form={form as unknown as AnyForm}
          name="organisationId"
          label={t('invitees.memberToInvite')}
          required
          placeholder={t('affiliation.chooseMember')}
          options={options}
          className="field--medium"
        />
      )}
      <div className="form-actions">
        {options.length > 0 && (
          <button type="submit" className="btn btn--primary" disabled={form.formState.isSubmitting}>
            {t('invitees.inviteSubmit')}
          </button>
        )}
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
