import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChairRegister } from '../../../src-main/core/model/chair'
import { formatDate, today, type UiLanguage } from '../../lib/format'
import { refName } from '../meeting/common'

/** A date as a year with its fraction, "2027-07-02" → 2027.5: the rotation's axis is in years. */
function yearsOf(iso: string): number {
  const d = new Date(`${iso}T00:00:00Z`)
  const y = d.getUTCFullYear()
  const start = Date.UTC(y, 0, 1)
  return y + (d.getTime() - start) / (Date.UTC(y + 1, 0, 1) - start)
}

/**
 * The Chair's rotation by UN regional group: a row per group, a block per term along a time
 * axis in years, with today marked; beside it, the groups that have not chaired recently.
 */
export function Rotation({ register, lang }: { register: ChairRegister; lang: UiLanguage }) {
  const { t } = useTranslation()
  const terms = register.rotation.flatMap((r) => r.terms)
  const now = yearsOf(today())
  const first = terms.length ? Math.floor(Math.min(...terms.map((x) => yearsOf(x.start)))) : Math.floor(now) - 4
  const last = Math.max(Math.ceil(terms.length ? Math.max(...terms.map((x) => yearsOf(x.end) + 1 / 365)) : 0), Math.floor(now) + 2)
  const span = last - first
  const at = (years: number) => `${((years - first) / span) * 100}%`
  const ticks = Array.from({ length: span + 1 }, (_, i) => first + i)
  const currentId = register.current?.id

  return (
    <section className="section rotation-section" aria-labelledby="sec-rotation">
      <div className="section-header">
        <div>
          <h2 id="sec-rotation">{t('chairs.rotation')}</h2>
          <p className="muted small section-intro">{t('chairs.rotationIntro')}</p>
        </div>
      </div>
      <div className="rotation-layout">
        <div className="card rotation" data-testid="rotation" style={{ '--now': at(now), '--years': span } as CSSProperties}>
          {register.rotation.map((row) => (
            <div key={row.group} className="rotation-row" data-testid="rotation-row">
              <div className="rotation-label">{t(`regionalGroup.${row.group}`)}</div>
              <div className="rotation-track" role="list" aria-label={t(`regionalGroup.${row.group}`)}>
                {row.terms.length === 0 && <span className="visually-hidden" role="listitem">{t('chairs.neverChaired')}</span>}
                {row.terms.map((term) => {
                  const name = refName(term.organisation, lang)
                  const when = `${formatDate(term.start, lang)} – ${formatDate(term.end, lang)}`
                  return (
                    <div
                      key={term.id}
                      role="listitem"
                      className={`rotation-block rotation-block--${row.group}` + (term.id === currentId ? ' is-current' : '')}
                      style={{ insetInlineStart: at(yearsOf(term.start)), width: `${((yearsOf(term.end) + 1 / 365 - yearsOf(term.start)) / span) * 100}%` }}
                      title={`${name}: ${when}`}
                      data-testid="rotation-block"
                    >
                      <span className="rotation-block-name" dir="auto">
                        {name}
                      </span>
                      <span className="visually-hidden">, {when}</span>
                    </div>
                  )
                })}
              </div>
            </div>
          ))}
          <div className="rotation-row rotation-axis" aria-hidden="true">
            <div />
            <div className="rotation-ticks">
              {ticks.map((y) => (
                <span key={y} className="rotation-tick" style={{ insetInlineStart: at(y) }}>
                  {y}
                </span>
              ))}
            </div>
          </div>
        </div>
        <aside className="card rotation-hint" aria-labelledby="sec-rotation-hint" data-testid="not-recently">
          <h2 id="sec-rotation-hint">{t('chairs.diversity')}</h2>
          {register.notRecently.length ? (
            <>
              <p>{t('chairs.notRecently')}</p>
              <ul className="rotation-hint-list">
                {register.notRecently.map((g) => (
                  <li key={g}>{t(`regionalGroup.${g}`)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('chairs.allRecently')}</p>
          )}
        </aside>
      </div>
    </section>
  )
}
