import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { PostFields, type HolderView, type MissionDetail, type PostFieldsInput, type PostView } from '../../../src-main/core/model/mission'
import { useMutate } from '../../api/data'
import { useLoadedStamps, useUpdate } from '../../api/stale'
import { ActionsHeader, DataTable } from '../../components/DataTable'
import { Dialog, DialogActions } from '../../components/Dialog'
import { TextField, type AnyForm } from '../../components/Field'
import { FormAlert } from '../../components/FormAlert'
import { RecordHistory } from '../../components/RecordHistory'
import { useSubmit } from '../../forms/serverErrors'
import { formatDate, uiLang, type UiLanguage } from '../../lib/format'
import { useNav } from '../../navigation'
import { useDeleteWithUndo } from '../useDelete'
import { HoldingTerm, ReachList } from './holding'
import { EditHoldingDialog, NewHolderDialog } from './Holders'
import { postLabel, postTitle } from '../../../src-main/core/model/mission'
import { seconderName } from './names'
import { useVerify, VerifiedLine } from './verify'

type Editing = { kind: 'post'; post?: PostView } | { kind: 'newHolder'; post: PostView } | { kind: 'holding'; post: PostView; holder: HolderView } | null

/** The mission's posts, each with its current holder, its history and its verification. */
export function PostsSection({ mission }: { mission: MissionDetail }) {
  const { t } = useTranslation()
  const verify = useVerify()
  const [editing, setEditing] = useState<Editing>(null)
  const remove = useRemovals()
  const close = () => setEditing(null)
  const readOnly = mission.deleted

  return (
    <section className="section" aria-labelledby="sec-posts">
      <div className="section-header">
        <div>
          <h2 id="sec-posts">{t('fieldPost.title', { count: mission.posts.length })}</h2>
          <p className="muted small section-intro">{t('fieldPost.intro')}</p>
        </div>
        {!readOnly && (
          <button type="button" className="btn" onClick={() => setEditing({ kind: 'post' })}>
            {t('fieldPost.add')}
          </button>
        )}
      </div>
      {mission.posts.length === 0 && <p className="muted">{t('fieldPost.none')}</p>}
      <div className="posts">
        {mission.posts.map((p) => (
          <PostCard
            key={p.id}
            post={p}
            verify={verify}
            readOnly={readOnly}
            onEdit={() => setEditing({ kind: 'post', post: p })}
            onDelete={() => remove.askPost(p)}
            onAddHolder={() => setEditing({ kind: 'newHolder', post: p })}
            onEditHolding={(h) => setEditing({ kind: 'holding', post: p, holder: h })}
            onDeleteHolding={(h) => remove.askHolding(h)}
          />
        ))}
      </div>
      {editing?.kind === 'post' && <PostDialog missionId={mission.id} post={editing.post} onClose={close} />}
      {editing?.kind === 'newHolder' && <NewHolderDialog post={editing.post} onClose={close} />}
      {editing?.kind === 'holding' && <EditHoldingDialog post={editing.post} holder={editing.holder} onClose={close} />}
      {verify.dialog}
      {remove.dialog}
    </section>
  )
}

interface CardProps {
  post: PostView
  verify: ReturnType<typeof useVerify>
  readOnly: boolean
  onEdit(): void
  onDelete(): void
  onAddHolder(): void
  onEditHolding(h: HolderView): void
  onDeleteHolding(h: HolderView): void
}

function PostCard({ post, verify, readOnly, onEdit, onDelete, onAddHolder, onEditHolding, onDeleteHolding }: CardProps) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const [open, setOpen] = useState(false)
  const [changes, setChanges] = useState(false)
  const historyId = useId()
  const headingId = useId()
  const title = postTitle(post, lang)
  const current = post.holders.filter((h) => h.current)
  const others = post.holders.filter((h) => !h.current)
  const label = postLabel(post, lang)

  return (
    <article className={'card post-card' + (post.stale ? ' is-stale' : '')} aria-labelledby={headingId} data-testid="post-card">
      <header className="post-head">
        <div>
          <h3 id={headingId} className="post-title" dir="auto">
            {title}
            {post.head && <span className="badge badge--head">{t('fieldPost.head')}</span>}
          </h3>
          <p className="muted small" dir="auto">
            {[post.dutyStation, lang === 'fr' ? post.title !== title && post.title : post.titleFr].filter(Boolean).join(' · ')}
          </p>
        </div>
        <div className="row-actions">
          <button type="button" className="btn btn--small" onClick={() => setChanges(true)} aria-label={t('recordHistory.ofNamed', { name: label })}>
            {t('recordHistory.title')}
          </button>
          {!readOnly && (
            <>
              <button type="button" className="btn btn--small" onClick={onEdit} aria-label={t('fieldPost.editNamed', { title: label })}>
                {t('common.edit')}
              </button>
              <button type="button" className="btn btn--small btn--danger-outline" onClick={onDelete} aria-label={t('fieldPost.deleteNamed', { title: label })}>
                {t('common.delete')}
              </button>
            </>
          )}
        </div>
      </header>
      {changes && (
        <Dialog title={t('recordHistory.ofNamed', { name: label })} onClose={() => setChanges(false)} wide>
          <RecordHistory table="posts" id={post.id} collapsed={false} title={label} />
          {post.holders.map((h) => (
            <RecordHistory key={h.id} table="holders" id={h.id} title={h.contact.name} />
          ))}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setChanges(false)}>
              {t('recordHistory.close')}
            </button>
          </div>
        </Dialog>
      )}
      <VerifiedLine record={post} target={{ table: 'posts', id: post.id, label }} verify={verify} readOnly={readOnly} />

      <div className="holders">
        {current.length === 0 && <p className="vacant">{t('fieldHolder.vacant')}</p>}
        {current.map((h) => (
          <CurrentHolder key={h.id} holder={h} lang={lang} verify={verify} readOnly={readOnly} postLabel={label} onEdit={() => onEditHolding(h)} />
        ))}
        {!readOnly && (
          <button type="button" className="btn btn--small" onClick={onAddHolder} aria-label={t('fieldHolder.addNamed', { post: label })}>
            {t('fieldHolder.addButton')}
          </button>
        )}
      </div>

      {others.length > 0 && (
        <div className="history">
          <button type="button" className="btn btn--quiet btn--small history-toggle" aria-expanded={open} aria-controls={historyId} onClick={() => setOpen((o) => !o)}>
            {open ? t('fieldHolder.hideHistory') : t('fieldHolder.showHistory', { count: others.length })}
          </button>
          <div id={historyId} hidden={!open}>
            <HolderHistory holders={others} lang={lang} readOnly={readOnly} onEdit={onEditHolding} onDelete={onDeleteHolding} />
          </div>
        </div>
      )}
    </article>
  )
}

interface HolderProps {
  holder: HolderView
  lang: UiLanguage
  verify: ReturnType<typeof useVerify>
  readOnly: boolean
  postLabel: string
  onEdit(): void
}

/** Who holds the post today: seconded by whom, since when, how to reach them, and when that was checked. */
function CurrentHolder({ holder, lang, verify, readOnly, postLabel, onEdit }: HolderProps) {
  const { t } = useTranslation()
  const { go } = useNav()
  const { contact } = holder
  return (
    <div className="holder" data-testid="current-holder">
      <div className="holder-main">
        <div>
          <button type="button" className="link holder-name" dir="auto" onClick={() => go({ name: 'contact', id: contact.id })}>
            {contact.name}
          </button>
          <span className="muted small"> · {t(`language.${contact.language}`)}</span>
          <div className="small">
            {holder.seconding ? t('fieldHolder.secondedByName', { name: seconderName(holder.seconding, lang) }) : t('field.notSeconded')}
            {' · '}
            <HoldingTerm holder={holder} lang={lang} />
          </div>
        </div>
        <ReachList contact={contact} className="plain reach small" testId="holder-reach" />
        {!readOnly && (
          <button type="button" className="btn btn--small" onClick={onEdit} aria-label={t('fieldHolder.editNamed', { name: contact.name })}>
            {t('fieldHolder.edit')}
          </button>
        )}
      </div>
      <VerifiedLine record={holder} target={{ table: 'holders', id: holder.id, label: `${contact.name} (${postLabel})` }} verify={verify} readOnly={readOnly} />
    </div>
  )
}

function HolderHistory({ holders, lang, readOnly, onEdit, onDelete }: { holders: HolderView[]; lang: UiLanguage; readOnly: boolean; onEdit(h: HolderView): void; onDelete(h: HolderView): void }) {
  const { t } = useTranslation()
  return (
    <DataTable
      testId="holder-history"
      dense
      columns={readOnly ? 4 : 5}
      head={
        <>
          <th scope="col">{t('field.colName')}</th>
          <th scope="col">{t('field.colSeconded')}</th>
          <th scope="col">{t('fieldHolder.start')}</th>
          <th scope="col">{t('fieldHolder.end')}</th>
          {!readOnly && <ActionsHeader />}
        </>
      }
    >
      {holders.map((h) => (
        <tr key={h.id} data-testid="history-row">
          <td dir="auto">{h.contact.name}</td>
          <td dir="auto">{h.seconding ? seconderName(h.seconding, lang) : <span className="muted">{t('field.notSeconded')}</span>}</td>
          <td className="col-nowrap">{formatDate(h.start, lang)}</td>
          <td className="col-nowrap">{h.end ? formatDate(h.end, lang) : <span className="muted">—</span>}</td>
          {!readOnly && (
            <td className="row-actions">
              <button type="button" className="btn btn--small" onClick={() => onEdit(h)} aria-label={t('fieldHolder.editNamed', { name: h.contact.name })}>
                {t('common.edit')}
              </button>
              <button type="button" className="btn btn--small btn--danger-outline" onClick={() => onDelete(h)} aria-label={t('fieldHolder.deleteNamed', { name: h.contact.name })}>
                {t('common.delete')}
              </button>
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  )
}

/** Deleting a post or a holding asks first and can be undone from the toast. */
function useRemovals() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const post = useDeleteWithUndo('posts', { title: (title) => t('fieldPost.deleteTitle', { title }), body: t('fieldPost.deleteBody') })
  // A holding goes by its holder's name; the toasts say it is the holding, not the person, that goes.
  const holding = useDeleteWithUndo('holders', {
    title: (name) => t('fieldHolder.deleteTitle', { name }),
    body: t('fieldHolder.deleteBody'),
    label: (name) => t('fieldHolder.label', { name }),
  })
  const dialog = (
    <>
      {post.dialog}
      {holding.dialog}
    </>
  )
  return { askPost: (p: PostView) => post.ask(p.id, postTitle(p, lang)), askHolding: (h: HolderView) => holding.ask(h.id, h.contact.name), dialog }
}

/** Adds a post to the mission, or edits one: its title in both languages, duty station, whether it heads the component. */
function PostDialog({ missionId, post, onClose }: { missionId: string; post?: PostView; onClose(): void }) {
  const { t } = useTranslation()
  const mutate = useMutate()
  const update = useUpdate()
  const seen = useLoadedStamps(post?.stamps)
  const form = useForm<PostFieldsInput, unknown, PostFields>({
    resolver: zodResolver(PostFields),
    defaultValues: post
      ? // Editing is not checking: the verification stays as it was.
        { missionId, title: post.title, titleFr: post.titleFr, dutyStation: post.dutyStation, head: post.head, notes: post.notes, verifiedOn: post.verifiedOn, verifiedBy: post.verifiedBy }
      : { missionId, title: '', titleFr: '', dutyStation: '', head: false, notes: '' },
  })
  const anyForm = form as unknown as AnyForm
  const { alert, onSubmit } = useSubmit(form, async (fields) => {
    if (post) await update('posts.update', { id: post.id, fields, seen: seen.current })
    else await mutate('posts.create', fields)
    onClose()
  })
  return (
    <Dialog title={post ? t('fieldPost.editTitle') : t('fieldPost.addTitle')} onClose={onClose} busy={form.formState.isSubmitting} wide>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={alert} />
        <div className="grid-2">
          <TextField form={anyForm} name="title" label={t('fieldPost.postTitle')} required placeholder={t('fieldPost.titlePlaceholder')} />
          <TextField form={anyForm} name="titleFr" label={t('fieldPost.titleFr')} placeholder={t('fieldPost.titleFrPlaceholder')} />
        </div>
        <TextField form={anyForm} name="dutyStation" label={t('fieldPost.dutyStation')} hint={t('fieldPost.dutyStationHint')} className="field--medium" />
        <label className="checkbox">
          <input type="checkbox" {...form.register('head')} />
          <span>{t('fieldPost.isHead')}</span>
        </label>
        <TextField form={anyForm} name="notes" label={t('fieldPost.notes')} multiline rows={2} />
        <DialogActions submitLabel={post ? t('common.saveChanges') : t('fieldPost.save')} busy={form.formState.isSubmitting} onCancel={onClose} />
      </form>
    </Dialog>
  )
}
