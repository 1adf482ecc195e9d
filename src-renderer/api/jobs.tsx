import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { JobStatus } from '../../src-main/core/model'
import { useToast } from '../components/Toasts'
import { errorMessage } from '../forms/serverErrors'
import { call } from './client'
import { useRefresh } from './data'

// Batches of documents run in the core's background; the UI polls their progress. The poll
// lives above the screens, so a batch goes on (and says when it is done) while the person
// looks at something else.

const POLL_MS = 200

export interface TrackedJob {
  status: JobStatus
  /** What the poll itself met (the core unreachable), as opposed to the job failing. */
  error?: string
}

interface JobsState {
  /** The latest batch of each meeting, by meeting id. */
  byMeeting: Record<string, TrackedJob>
  track(meetingId: string, status: JobStatus): void
  forget(meetingId: string): void
}

const JobsContext = createContext<JobsState>({ byMeeting: {}, track: () => {}, forget: () => {} })

export function useJobs(): JobsState {
  return useContext(JobsContext)
}

export function JobsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const toast = useToast()
  const refresh = useRefresh()
  const [byMeeting, setByMeeting] = useState<Record<string, TrackedJob>>({})
  const alive = useRef(true)
  useEffect(() => {
    alive.current = true
    return () => {
      alive.current = false
    }
  }, [])

  const put = useCallback((meetingId: string, job: TrackedJob) => setByMeeting((m) => ({ ...m, [meetingId]: job })), [])

  const track = useCallback(
    (meetingId: string, first: JobStatus) => {
      put(meetingId, { status: first })
      const settle = (s: JobStatus) => {
        refresh() // the issue log grew
        if (s.state === 'done') toast({ tone: 'success', message: t('issue.doneToast', { count: s.files.length, folder: s.folder }) })
        else toast({ tone: 'error', message: t('issue.failedToast', { detail: s.message }) })
      }
      if (first.state !== 'running') {
        settle(first)
        return
      }
      const tick = async () => {
        if (!alive.current) return
        try {
          const s = await call('jobs.get', { id: first.id })
          if (!alive.current) return
          put(meetingId, { status: s })
          if (s.state === 'running') setTimeout(tick, POLL_MS)
          else settle(s)
        } catch (e) {
          if (alive.current) setByMeeting((m) => ({ ...m, [meetingId]: { status: m[meetingId]?.status ?? first, error: errorMessage(e, t) } }))
        }
      }
      setTimeout(tick, POLL_MS)
    },
    [put, refresh, t, toast],
  )

  const forget = useCallback(
    (meetingId: string) =>
      setByMeeting((m) => {
        const { [meetingId]: _gone, ...rest } = m
        return rest
      }),
    [],
  )

  const value = useMemo(() => ({ byMeeting, track, forget }), [byMeeting, track, forget])
  return <JobsContext.Provider value={value}>{children}</JobsContext.Provider>
}
