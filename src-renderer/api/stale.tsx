import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Input, Method, Results } from '../../src-main/core/api'
import type { StaleField, Stamps } from '../../src-main/core/model/stamps'
import type { TFunction } from 'i18next'
import { formatDate, uiLang } from '../lib/format'
import { ApiError } from './client'
import { useMutate } from './data'
import { formatValue, humanField } from './values'

// Forms never overwrite what they did not see. An update carries the stamps its form was loaded
// with; when the core answers that some values changed meanwhile ('stale'), the person sees who
// changed what, where and when, beside what they typed, and keeps theirs (sent again with the
// new stamps, which settles any conflict) or takes the new values. Nothing is lost either way.

type Choice = 'mine' | 'theirs' | null
type Ask = (fields: StaleField[]) => Promise<Choice>

const StaleContext = createContext<Ask>(async () => null)

export function StaleProvider({ children }: { children: ReactNode }) {
  const [asking, setAsking] = useState<{ fields: StaleField[]; answer(c: Choice): void } | null>(null)
  const ask = useCallback<Ask>((fields) => new Promise((answer) => setAsking({ fields, answer })), [])
  const close = (c: Choice) => {
    asking?.answer(c)
    setAsking(null)
  }
  return (
    <StaleContext.Provider value={ask}>
      {children}
      {asking && <StaleDialog fields={asking.fields} onChoose={close} />}
    </StaleContext.Provider>
  )
}

/** The update methods, each with its record's fields under `fields` (or `changes`) and `seen`. */
type UpdateMethod = { [M in Method]: Input<M> extends { seen: unknown } ? M : never }[Method]

/**
 * Calls an update; when values changed meanwhile, asks the person and sends it again with their
 * choice. Cancelling leaves the form as it is (the error says so).
 */
export function useUpdate() {
  const mutate = useMutate()
  const ask = useContext(StaleContext)
  const { t } = useTranslation()
  return useCallback(
    async <M extends UpdateMethod>(method: M, input: Input<M>): Promise<Results[M]> => {
      let attempt = input
      for (;;) {
        try {
          return await mutate(method, attempt)
        } catch (e) {
          if (!(e instanceof ApiError) || e.code !== 'stale' || !e.stale?.length) throw e
          const choice = await ask(e.stale)
          if (!choice) throw new ApiError({ code: 'stale', message: t('stale.notSaved') })
          const box = 'changes' in attempt ? 'changes' : 'fields'
          const values = { ...(attempt as Record<string, Record<string, unknown>>)[box] }
          const seen = { ...(attempt as { seen: Record<string, string> }).seen }
          for (const f of e.stale) {
            seen[f.field] = f.stamp
            if (choice === 'theirs') values[f.field] = f.current
          }
          attempt = { ...attempt, [box]: values, seen }
        }
      }
    },
    [mutate, ask, t],
  )
}

function StaleDialog({ fields, onChoose }: { fields: StaleField[]; onChoose(c: Choice): void }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const ref = useRef<HTMLDialogElement>(null)
  const open = (d: HTMLDialogElement | null) => {
    ref.current = d
    if (d && !d.open) d.showModal()
  }
  return (
    <dialog
      ref={open}
      className="dialog dialog--wide"
      aria-labelledby="stale-title"
      aria-describedby="stale-intro"
      data-testid="stale-dialog"
      onCancel={(e) => {
        e.preventDefault()
        onChoose(null)
      }}
    >
      <h2 id="stale-title" className="dialog-title">
        {t('stale.title')}
      </h2>
      <div className="dialog-body">
        <p id="stale-intro">{t('stale.intro')}</p>
        {fields.map((f) => (
          <section key={f.field} className="stale-field" aria-label={fieldLabel(t, f.field)}>
            <h3>{fieldLabel(t, f.field)}</h3>
            <p className="muted">
              {f.user
                ? t('stale.changedBy', { user: f.user, device: f.deviceName, at: formatDate(f.at, lang) })
                : t('stale.changedOn', { device: f.deviceName, at: formatDate(f.at, lang) })}
            </p>
            <dl className="stale-values">
              <dt>{t('stale.theirs')}</dt>
              <dd dir="auto">{formatValue(f.current, t)}</dd>
              <dt>{t('stale.yours')}</dt>
              <dd dir="auto">{formatValue(f.yours, t)}</dd>
            </dl>
          </section>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => onChoose(null)}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn" onClick={() => onChoose('theirs')}>
          {t('stale.takeTheirs')}
        </button>
        <button type="button" className="btn btn--primary" onClick={() => onChoose('mine')} autoFocus>
          {t('stale.keepMine')}
        </button>
      </div>
    </dialog>
  )
}

/** A field's name for people: its label where the UI has one, else the name itself. */
export function fieldLabel(t: TFunction, field: string): string {
  return t(`fieldNames.${field}`, { defaultValue: humanField(field) })
}

/** The stamps of the values a form was loaded with: kept as they were while the record on screen
 *  refreshes under the form (its new stamps are for values the person has not seen). */
export function useLoadedStamps(stamps: Stamps | undefined): { current: Stamps } {
  return useRef(stamps ?? {})
}
