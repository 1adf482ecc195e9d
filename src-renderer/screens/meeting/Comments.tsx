import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommentView, MeetingDetail } from '../../../src-main/core/model'
import { useMutate } from '../../api/data'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ActionsHeader, DataTable } from '../../components/DataTable'
import { SavedPath } from '../../components/SaveDocument'
import { useToast } from '../../components/Toasts'
import { CommentForm } from '../../forms/CommentForm'
import { errorMessage } from '../../forms/serverErrors'
import { formatDate, uiLang } from '../../lib/format'
import { byMember, excerpt, refName } from './common'
import { LanguageSelect, useDocumentLanguage, useSaveMeetingDocument } from './Documents'

/** Written comments from members who cannot attend, which the Chair tables at the meeting. */
export function CommentsPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const mutate = useMutate()
  const toast = useToast()
  const [editing, setEditing] = useState<CommentView | 'new' | null>(null)
  const [deleting, setDeleting] = useState<CommentView | null>(null)
  const [open, setOpen] = useState<Set<string>>(new Set())
  const [language, setLanguage] = useDocumentLanguage()
  const { save, busy, last } = useSaveMeetingDocument(meeting.id)
  const rows = [...meeting.comments].sort(byMember(lang))

  const remove = async (c: CommentView) => {
    const name = refName(c.organisation, lang)
    try {
      await mutate('comments.delete', { id: c.id })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
      return
    }
    toast({
      message: t('comments.deleted', { name }),
      action: {
        label: t('delete.undo'),
        run: async () => {
          try {
            await mutate('comments.restore', { id: c.id })
            toast({ tone: 'success', message: t('comments.restored', { name }) })
          } catch (e) {
            toast({ tone: 'error', message: errorMessage(e, t) })
          }
        },
      },
    })
  }

  const toggle = (id: string) =>
    setOpen((s) => {
      const n = new Set(s)
      if (n.has(id)) n.delete(id)
      else n.add(id)
      return n
    })

  return (
    <section className="section" aria-labelledby="sec-comments">
      <div className="section-header">
        <div>
          <h2 id="sec-comments">{t('comments.title')}</h2>
          <p className="muted small section-intro">{t('comments.intro')}</p>
        </div>
        {editing === null && (
          <button type="button" className="btn btn--primary" onClick={() => setEditing('new')}>
            {t('comments.add')}
          </button>
        )}
      </div>
      {editing !== null && (
        <CommentForm
          key={editing === 'new' ? 'new' : editing.id}
          meeting={meeting}
          initial={editing === 'new' ? undefined : editing}
          onDone={(saved) => {
            if (saved) toast({ tone: 'success', message: editing === 'new' ? t('comments.recorded') : t('comments.saved') })
            setEditing(null)
          }}
        />
      )}
      <DataTable
        testId="comments-table"
        head={
          <>
            <th scope="col">{t('comments.member')}</th>
            <th scope="col">{t('comments.received')}</th>
            <th scope="col">{t('comments.text')}</th>
            <th scope="col">{t('comments.attachment')}</th>
            <ActionsHeader />
          </>
        }
        columns={5}
        empty={rows.length === 0 && t('comments.none')}
      >
        {rows.map((c) => {
          const name = refName(c.organisation, lang)
          const short = excerpt(c.text)
          const long = short !== c.text.replace(/\s+/g, ' ').trim()
          const shown = open.has(c.id)
          return (
            <tr key={c.id} data-testid="comment-row">
              <th scope="row" className="cell-member" dir="auto">
                {name}
              </th>
              <td className="col-nowrap">{formatDate(c.received, lang)}</td>
              <td className="cell-text">
                <span className={shown ? 'pre' : undefined} dir="auto">
                  {shown ? c.text : short}
                </span>
                {long && (
                  <button type="button" className="link small more-link" aria-expanded={shown} onClick={() => toggle(c.id)}>
                    {shown ? t('comments.showLess') : t('comments.showAll')}
                  </button>
                )}
              </td>
              <td>{c.attachmentPath ? <code dir="ltr">{c.attachmentPath}</code> : ''}</td>
              <td className="row-actions">
                <button type="button" className="btn btn--small" aria-label={t('comments.editAria', { name })} onClick={() => setEditing(c)}>
                  {t('common.edit')}
                </button>
                <button type="button" className="btn btn--small btn--danger-outline" aria-label={t('comments.deleteAria', { name })} onClick={() => setDeleting(c)}>
                  {t('common.delete')}
                </button>
              </td>
            </tr>
          )
        })}
      </DataTable>

      <div className="card doc-card compile-card">
        <div className="toolbar">
          <LanguageSelect label={t('documents.language')} value={language} onChange={setLanguage} />
          <button type="button" className="btn" disabled={rows.length === 0 || busy !== null} onClick={() => save('comments', language)}>
            {busy === 'comments' ? t('documents.saving') : t('comments.compile')}
          </button>
        </div>
        {rows.length === 0 && <p className="muted small">{t('comments.compileNone')}</p>}
        <SavedPath path={last} />
      </div>

      {deleting && (
        <ConfirmDialog
          title={t('comments.deleteTitle', { name: refName(deleting.organisation, lang) })}
          confirmLabel={t('delete.confirm')}
          danger
          onConfirm={() => remove(deleting)}
          onClose={() => setDeleting(null)}
        >
          <p>{t('comments.deleteBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
