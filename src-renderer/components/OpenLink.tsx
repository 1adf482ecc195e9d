import type { ReactNode } from 'react'
import { hrefOf, useNav, type View } from '../navigation'

/**
 * A link to a screen of the app: a real address (#/member?id=…), opened as every move is, through
 * go() (so a form with unsaved changes asks first).
 */
export function OpenLink({ to, children, className = 'link' }: { to: View; children: ReactNode; className?: string }) {
  const { go } = useNav()
  return (
    <a
      href={hrefOf(to)}
      className={className}
      dir="auto"
      onClick={(e) => {
        if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return
        e.preventDefault()
        go(to)
      }}
    >
      {children}
    </a>
  )
}
