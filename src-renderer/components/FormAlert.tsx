import { useEffect, useRef } from 'react'

/** The form-level problem (one no single field is to blame for), announced and focusable. */
export function FormAlert({ message }: { message: string | null }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (message) ref.current?.focus()
  }, [message])
  if (!message) return null
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1} ref={ref}>
      {message}
    </div>
  )
}
