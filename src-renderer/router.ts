import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useLeaveGuard } from './components/LeaveGuard'
import { hrefOf, viewOf, type Nav, type View } from './navigation'

/**
 * The screen on view, kept in the window's address (navigation.tsx): opening a screen adds a step
 * to the history, Back and Forward return to the steps, a reload opens the same screen. Leaving
 * a form with unsaved changes asks first, whichever way out is taken.
 */
export function useRouter(initial: View): Nav {
  const { confirmLeave } = useLeaveGuard()
  const [view, setView] = useState<View>(() => viewOf(location.hash) ?? initial)
  const current = useRef(view)
  current.current = view

  const show = useCallback((v: View) => {
    setView(v)
    document.getElementById('main')?.scrollTo({ top: 0 })
  }, [])

  useEffect(() => {
    history.replaceState(history.state, '', hrefOf(current.current))
    const onPop = () => {
      const next = viewOf(location.hash) ?? initial
      void confirmLeave().then((leave) => {
        if (leave) show(next)
        else history.pushState(null, '', hrefOf(current.current)) // stay: the address follows back
      })
    }
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [confirmLeave, initial, show])

  const go = useCallback(
    (v: View) =>
      void confirmLeave().then((leave) => {
        if (!leave) return
        if (hrefOf(v) !== location.hash) history.pushState(null, '', hrefOf(v))
        show(v)
      }),
    [confirmLeave, show],
  )
  const replace = useCallback((v: View) => {
    history.replaceState(history.state, '', hrefOf(v))
    setView(v)
  }, [])

  return useMemo(() => ({ view, go, replace }), [view, go, replace])
}
