import { useEffect, useRef, type ReactNode } from 'react'

interface Props {
  title: ReactNode
  subtitle?: ReactNode
  actions?: ReactNode
  back?: ReactNode
  children: ReactNode
}

/** One screen: its heading (focused when the screen opens, so readers hear where they are) and body. */
export function Page({ title, subtitle, actions, back, children }: Props) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    ref.current?.focus({ preventScroll: true })
  }, [])
  return (
    <section className="page">
      {back && <div className="page-back">{back}</div>}
      <header className="page-header">
        <div className="page-heading">
          <h1 ref={ref} tabIndex={-1} dir="auto">
            {title}
          </h1>
          {subtitle && <p className="page-subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </section>
  )
}

export function Loading() {
  return <p className="muted loading" aria-busy="true">…</p>
}

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`badge badge--${status}`}>{label}</span>
}
