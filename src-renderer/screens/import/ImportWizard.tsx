import { useId, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Input } from '../../../src-main/core/api'
import { parseMessage } from '../../../src-main/core/model/messages'
import { IMPORT_FIELDS, type DuplicateAction, type ImportField, type ImportPreview, type ImportResult, type ImportType, type PreviewRow } from '../../../src-main/core/model/tabular'
import { call } from '../../api/client'
import { useMutate } from '../../api/data'
import { readBase64 } from '../../lib/files'
import { DataTable } from '../../components/DataTable'
import { Dialog } from '../../components/Dialog'
import { FormAlert } from '../../components/FormAlert'
import { useToast } from '../../components/Toasts'
import { errorMessage } from '../../forms/serverErrors'
import './import.css'

// The import wizard: choose a file → how it was read (sheet, separator) and which column fills
// which field → every row checked, problems fixed in place, duplicates decided → import (one
// change) → what was done, with Undo. Every step asks the core (import.preview); nothing is
// written before "Import".

type Step = 'file' | 'map' | 'rows' | 'done'
interface Chosen {
  name: string
  format: 'csv' | 'xlsx'
  contentBase64: string
}

/** Rows with nothing to decide are listed up to this many; problems and duplicates always. */
const QUIET_ROWS = 100

export function ImportWizard({ type, onClose }: { type: ImportType; onClose(): void }) {
  const { t } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const fileId = useId()
  const [step, setStep] = useState<Step>('file')
  const [file, setFile] = useState<Chosen | null>(null)
  const [sheet, setSheet] = useState('')
  const [mapping, setMapping] = useState<(ImportField | '')[] | undefined>(undefined)
  const [fixes, setFixes] = useState<Record<string, string>>({})
  const [decisions, setDecisions] = useState<Record<number, DuplicateAction>>({})
  const [onDuplicate, setOnDuplicate] = useState<DuplicateAction>('skip')
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const [busy, setBusy] = useState(false)
  const [alert, setAlert] = useState<string | null>(null)

  const request = (o: Partial<{ file: Chosen; sheet: string; mapping: (ImportField | '')[] | undefined; fixes: Record<string, string>; decisions: Record<number, DuplicateAction>; onDuplicate: DuplicateAction }> = {}): Input<'import.preview'> => {
    const f = o.file ?? file!
    const fx = o.fixes ?? fixes
    const dc = o.decisions ?? decisions
    const m = 'mapping' in o ? o.mapping : mapping
    return {
      type,
      format: f.format,
      contentBase64: f.contentBase64,
      sheet: o.sheet ?? sheet,
      ...(m ? { mapping: m } : {}),
      fixes: Object.entries(fx).map(([k, value]) => {
        const [line, field] = k.split(':')
        return { line: Number(line), field: field as ImportField, value }
      }),
      decisions: Object.entries(dc).map(([line, action]) => ({ line: Number(line), action })),
      onDuplicate: o.onDuplicate ?? onDuplicate,
    }
  }

  const refresh = async (o: Parameters<typeof request>[0] = {}) => {
    setBusy(true)
    setAlert(null)
    try {
      const p = await call('import.preview', request(o))
      setPreview(p)
      return p
    } catch (e) {
      setAlert(errorMessage(e, t))
      return null
    } finally {
      setBusy(false)
    }
  }

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0]
    e.target.value = ''
    if (!f) return
    const chosen: Chosen = { name: f.name, format: /\.xlsx$/i.test(f.name) ? 'xlsx' : 'csv', contentBase64: await readBase64(f) }
    setFile(chosen)
    setSheet('')
    setMapping(undefined)
    setFixes({})
    setDecisions({})
    if (await refresh({ file: chosen, sheet: '', mapping: undefined, fixes: {}, decisions: {} })) setStep('map')
  }

  const commit = async () => {
    setBusy(true)
    setAlert(null)
    try {
      const r = await mutate('import.commit', { ...request(), saveMapping: true })
      setResult(r)
      setStep('done')
    } catch (e) {
      setAlert(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  const undo = async () => {
    if (!result) return
    setBusy(true)
    try {
      const r = await mutate('import.undo', result.undo)
      toast({ tone: 'success', message: r.keptEdits ? t('importer.undoneKept', { count: r.keptEdits }) : t('importer.undone') })
      onClose()
    } catch (e) {
      setAlert(errorMessage(e, t))
      setBusy(false)
    }
  }

  return (
    <Dialog title={t(`importer.title.${type}`)} onClose={onClose} busy={busy} wide>
      <div className="import-wizard" data-testid="import-wizard" aria-busy={busy}>
        <ol className="import-steps">
          {(['file', 'map', 'rows', 'done'] as const).map((s) => (
            <li key={s} aria-current={s === step ? 'step' : undefined}>
              {t(`importer.steps.${s}`)}
            </li>
          ))}
        </ol>
        <FormAlert message={alert} />
        {step === 'file' && (
          <div className="field">
            <p>{t(`importer.intro.${type}`)}</p>
            <label htmlFor={fileId} className="btn btn--primary">
              {t('importer.chooseFile')}
            </label>
            <input id={fileId} type="file" accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="visually-hidden" onChange={choose} disabled={busy} data-testid="import-file" />
            <p className="muted small">{t('importer.fileHint')}</p>
          </div>
        )}
        {step === 'map' && preview && (
          <MapStep
            preview={preview}
            fileName={file!.name}
            busy={busy}
            onSheet={(s) => {
              setSheet(s)
              setMapping(undefined)
              void refresh({ sheet: s, mapping: undefined })
            }}
            onMap={(m) => {
              setMapping(m)
              void refresh({ mapping: m })
            }}
          />
        )}
        {step === 'rows' && preview && (
          <RowsStep
            preview={preview}
            busy={busy}
            onDuplicate={onDuplicate}
            setOnDuplicate={(a) => {
              setOnDuplicate(a)
              setDecisions({})
              void refresh({ onDuplicate: a, decisions: {} })
            }}
            decide={(line, a) => {
              const next = { ...decisions, [line]: a }
              setDecisions(next)
              void refresh({ decisions: next })
            }}
            fix={(line, field, value) => {
              const next = { ...fixes, [`${line}:${field}`]: value }
              setFixes(next)
              void refresh({ fixes: next })
            }}
          />
        )}
        {step === 'done' && result && (
          <p className="import-summary" role="status" data-testid="import-summary">
            {t('importer.summary', { added: result.added, updated: result.updated, skipped: result.skipped })}
          </p>
        )}
        <div className="dialog-actions">
          {step === 'done' ? (
            <>
              <button type="button" className="btn" onClick={undo} disabled={busy}>
                {t('delete.undo')}
              </button>
              <button type="button" className="btn btn--primary" onClick={onClose}>
                {t('importer.close')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="btn" onClick={onClose} disabled={busy}>
                {t('common.cancel')}
              </button>
              {step === 'rows' && (
                <button type="button" className="btn" onClick={() => setStep('map')} disabled={busy}>
                  {t('importer.back')}
                </button>
              )}
              {step === 'map' && (
                <button type="button" className="btn btn--primary" onClick={() => setStep('rows')} disabled={busy || !preview}>
                  {t('importer.next')}
                </button>
              )}
              {step === 'rows' && preview && (
                <button type="button" className="btn btn--primary" onClick={commit} disabled={busy || preview.counts.invalid > 0 || preview.counts.add + preview.counts.update === 0} data-testid="import-confirm">
                  {t('importer.confirm', { count: preview.counts.add + preview.counts.update })}
                </button>
              )}
            </>
          )}
        </div>
      </div>
    </Dialog>
  )
}

const SEPARATOR_KEY = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const

function MapStep({ preview, fileName, busy, onSheet, onMap }: { preview: ImportPreview; fileName: string; busy: boolean; onSheet(s: string): void; onMap(m: (ImportField | '')[]): void }) {
  const { t } = useTranslation()
  const sheetId = useId()
  const first = preview.rows[0]
  const sample = (i: number) => {
    const f = preview.mapping[i]
    return f && first ? (first.values[f] ?? '') : ''
  }
  return (
    <>
      <p data-testid="import-read">
        {preview.format === 'csv'
          ? t('importer.readCsv', { name: fileName, encoding: preview.encoding, separator: t(`importer.separators.${SEPARATOR_KEY[preview.delimiter ?? ',']}`), count: preview.counts.rows })
          : t('importer.readXlsx', { name: fileName, sheet: preview.sheet, count: preview.counts.rows })}
      </p>
      {preview.sheets.length > 1 && (
        <div className="field field--medium">
          <div className="field-label">
            <label htmlFor={sheetId}>{t('importer.sheet')}</label>
          </div>
          <select id={sheetId} value={preview.sheet} onChange={(e) => onSheet(e.target.value)} disabled={busy}>
            {preview.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="muted small">{t(`importer.mappingFrom.${preview.mappingFrom}`)}</p>
      <DataTable
        testId="import-mapping"
        dense
        columns={3}
        head={
          <>
            <th scope="col">{t('importer.column')}</th>
            <th scope="col">{t('importer.field')}</th>
            <th scope="col">{t('importer.firstRow')}</th>
          </>
        }
      >
        {preview.headers.map((h, i) => (
          <tr key={i}>
            <th scope="row" dir="auto">
              {h || t('importer.columnN', { n: i + 1 })}
            </th>
            <td>
              <select
                aria-label={t('importer.fieldFor', { column: h || i + 1 })}
                value={preview.mapping[i]}
                disabled={busy}
                onChange={(e) => {
                  const f = e.target.value as ImportField | ''
                  // A field fills from one column: choosing it here frees it elsewhere.
                  onMap(preview.mapping.map((m, j) => (j === i ? f : m === f ? '' : m)))
                }}
              >
                <option value="">{t('importer.leaveOut')}</option>
                {IMPORT_FIELDS[preview.type].map((f) => (
                  <option key={f} value={f}>
                    {t(`importer.fields.${f}`)}
                  </option>
                ))}
              </select>
            </td>
            <td className="muted" dir="auto">
              {sample(i)}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  )
}

interface RowsProps {
  preview: ImportPreview
  busy: boolean
  onDuplicate: DuplicateAction
  setOnDuplicate(a: DuplicateAction): void
  decide(line: number, a: DuplicateAction): void
  fix(line: number, field: ImportField, value: string): void
}

function RowsStep({ preview, busy, onDuplicate, setOnDuplicate, decide, fix }: RowsProps) {
  const { t } = useTranslation()
  const allId = useId()
  const fields = preview.mapping.filter((f): f is ImportField => !!f)
  const c = preview.counts
  const loud = preview.rows.filter((r) => r.issues.length || r.duplicate)
  const quiet = preview.rows.filter((r) => !r.issues.length && !r.duplicate)
  const shown = [...loud, ...quiet.slice(0, QUIET_ROWS)].sort((a, b) => a.line - b.line)
  return (
    <>
      <p role="status" data-testid="import-counts">
        {t('importer.counts', { rows: c.rows, add: c.add, update: c.update, skip: c.skip })}
        {c.invalid > 0 && <strong className="import-problems"> {t('importer.invalid', { count: c.invalid })}</strong>}
      </p>
      {c.duplicates > 0 && (
        <div className="field field--medium">
          <div className="field-label">
            <label htmlFor={allId}>{t('importer.allDuplicates', { count: c.duplicates })}</label>
          </div>
          <select id={allId} value={onDuplicate} onChange={(e) => setOnDuplicate(e.target.value as DuplicateAction)} disabled={busy}>
            {(['skip', 'fill', 'overwrite', 'add'] as const).map((a) => (
              <option key={a} value={a}>
                {t(`importer.actions.${a}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="import-rows">
        <DataTable
          testId="import-rows"
          dense
          columns={fields.length + 2}
          head={
            <>
              <th scope="col">{t('importer.row')}</th>
              <th scope="col">{t('importer.action')}</th>
              {fields.map((f) => (
                <th key={f} scope="col">
                  {t(`importer.fields.${f}`)}
                </th>
              ))}
            </>
          }
        >
          {shown.map((r) => (
            <Row key={r.line} row={r} fields={fields} busy={busy} decide={decide} fix={fix} />
          ))}
        </DataTable>
      </div>
      {quiet.length > QUIET_ROWS && <p className="muted small">{t('importer.moreRows', { count: quiet.length - QUIET_ROWS })}</p>}
    </>
  )
}

function Row({ row, fields, busy, decide, fix }: { row: PreviewRow; fields: ImportField[]; busy: boolean; decide: RowsProps['decide']; fix: RowsProps['fix'] }) {
  const { t } = useTranslation()
  const problem = (f: ImportField) => row.issues.find((i) => i.field === f)
  const say = (message: string) => {
    const { key, params } = parseMessage(message)
    return t(key, params)
  }
  // Problems on fields with no column of their own (a required field left unmapped) are said on the row.
  const elsewhere = row.issues.filter((i) => !fields.includes(i.field))
  const actions: DuplicateAction[] = row.duplicate ? ['skip', 'fill', 'overwrite', 'add'] : ['add', 'skip']
  return (
    <>
      <tr className={row.issues.length && row.action !== 'skip' ? 'import-row--invalid' : undefined} data-testid="import-row">
        <th scope="row">
          {row.line}
          {row.duplicate && <span className="badge import-dup">{t('importer.duplicate')}</span>}
        </th>
        <td>
          <select aria-label={t('importer.actionFor', { line: row.line })} value={row.action} onChange={(e) => decide(row.line, e.target.value as DuplicateAction)} disabled={busy}>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a === 'add' && !row.duplicate ? t('importer.add') : t(`importer.actions.${a}`)}
              </option>
            ))}
          </select>
          {elsewhere.map((i) => (
            <p key={i.field} className="field-error small">
              {t(`importer.fields.${i.field}`)}: {say(i.message)}
            </p>
          ))}
        </td>
        {fields.map((f) => {
          const issue = problem(f)
          return (
            <td key={f} dir="auto">
              {issue ? <FixCell line={row.line} field={f} value={row.values[f] ?? ''} reason={say(issue.message)} busy={busy} fix={fix} /> : row.values[f]}
            </td>
          )
        })}
      </tr>
      {row.duplicate && (
        <tr className="import-existing">
          <th scope="row" className="muted small">
            {t('importer.existing')}
          </th>
          <td className="small" dir="auto">
            {row.duplicate.name}
          </td>
          {fields.map((f) => (
            <td key={f} className="muted small" dir="auto">
              {row.duplicate!.values[f]}
            </td>
          ))}
        </tr>
      )}
    </>
  )
}

/** An invalid cell as a field to correct, with the reason under it; the row is checked again on Enter or leaving it. */
function FixCell({ line, field, value, reason, busy, fix }: { line: number; field: ImportField; value: string; reason: string; busy: boolean; fix: RowsProps['fix'] }) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState(value)
  const apply = () => {
    if (text !== value) fix(line, field, text)
  }
  return (
    <div className="field--invalid import-fix">
      <input
        aria-label={t('importer.fixLabel', { field: t(`importer.fields.${field}`), line })}
        aria-invalid="true"
        aria-describedby={id}
        value={text}
        disabled={busy}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            apply()
          }
        }}
        data-testid={`fix-${line}-${field}`}
      />
      <p id={id} className="field-error small">
        {reason}
      </p>
    </div>
  )
}
