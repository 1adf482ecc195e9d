import type { ReactNode } from 'react'

/** One fact: its label, its value, and optionally a test id for the value. */
export type DetailItem = [label: string, value: ReactNode, testId?: string]

/** A definition list of label/value pairs; empty values show a dash so the layout stays regular. */
export function DetailList({ items }: { items: DetailItem[] }) {
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

/** A card of facts: a heading and its label/value pairs. */
export function DetailCard({ id, title, items }: { id: string; title: string; items: DetailItem[] }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <DetailList items={items} />
    </section>
  )
}

/** The free-text notes of a record, across the width of the cards; nothing when there are none. */
export function NotesCard({ id, title, notes }: { id: string; title: string; notes: string }) {
  if (!notes) return null
  return (
    <section className="card card--wide" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="pre" dir="auto">
        {notes}
      </p>
    </section>
  )
}
