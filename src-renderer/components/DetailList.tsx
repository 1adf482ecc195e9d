import type { ReactNode } from 'react'

/** A definition list of label/value pairs; empty values show a dash so the layout stays regular. */
export function DetailList({ items }: { items: [label: string, value: ReactNode, testId?: string][] }) {
  return (
    <dl className="details">
      {items.map(([label, value, testId]) => (
        <div className="details-row" key={label}>
          <dt>{label}</dt>
          <dd dir="auto" data-testid={testId}>
            {value === '' || value == null ? <span className="muted">—</span> : value}
          </dd>
        </div>
      ))}
    </dl>
  )
}
