import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { FolderStatus, SyncStatus } from '../../src-main/core/model/sync'
import { call } from './client'
import { useQuery, useRefresh } from './data'

// Sync's state above the screens: this device and its scope, the count of conflicts for the
// navigation, and the shared folder, synced on demand and every few minutes while the window
// is open. The timer lives here, in the renderer, rather than in each door: it then works the
// same in Electron and from the loopback host, needs no code in the core, and stops with the
// window. One sync at a time: a sync asked for while one runs gets that one's answer (and the
// core, which syncs without yielding, could not run two at once in one process anyway).

export const FOLDER_EVERY_MS = 5 * 60_000

interface SyncContextValue {
  status: SyncStatus | undefined
  /** A device scoped to missions: it holds and may change only those. */
  fieldDevice: boolean
  /** The outcome of the last shared-folder sync in this window. */
  folder: FolderStatus | null
  running: boolean
  /** What stopped the last sync (the core refused, or could not be reached). */
  failure: unknown
  /** When the next automatic sync is due (ms since the epoch), when a folder is chosen. */
  nextSync: number | null
  syncFolder(confirmDeletions?: boolean): Promise<FolderStatus | null>
  chooseFolder(): Promise<FolderStatus | null>
}

const SyncContext = createContext<SyncContextValue>({
  status: undefined,
  fieldDevice: false,
  folder: null,
  running: false,
  failure: null,
  nextSync: null,
  syncFolder: async () => null,
  chooseFolder: async () => null,
})

export function useSync(): SyncContextValue {
  return useContext(SyncContext)
}

export function SyncProvider({ children }: { children: ReactNode }) {
  const refresh = useRefresh()
  const status = useQuery('sync.status', {}).data
  const [folder, setFolder] = useState<FolderStatus | null>(null)
  const [running, setRunning] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [nextSync, setNextSync] = useState<number | null>(null)
  const current = useRef<Promise<FolderStatus | null> | null>(null)

  const once = useCallback(
    (work: () => Promise<FolderStatus | null>): Promise<FolderStatus | null> => {
      if (current.current) return current.current
      setRunning(true)
      const p = work()
        .then(
          (s) => {
            setFailure(null)
            if (s) setFolder(s)
            return s
          },
          (e: unknown) => {
            setFailure(e)
            throw e
          },
        )
        .finally(() => {
          current.current = null
          setRunning(false)
          setNextSync(Date.now() + FOLDER_EVERY_MS)
          refresh()
        })
      current.current = p
      return p
    },
    [refresh],
  )

  const syncFolder = useCallback((confirmDeletions = false) => once(() => call('sync.folder', { confirmDeletions })), [once])
  // The Chair's office sets a folder up (writes its marker); a field device joins one set up already.
  const fieldDevice = status?.device.scope?.kind === 'missions'
  const chooseFolder = useCallback(() => once(() => call('sync.chooseFolder', { init: !fieldDevice })), [once, fieldDevice])

  const hasFolder = !!status?.folder
  useEffect(() => {
    if (!hasFolder) {
      setNextSync(null)
      return
    }
    if (nextSync === null) {
      setNextSync(Date.now() + FOLDER_EVERY_MS)
      return
    }
    // Each sync, on demand or not, sets the next one: the timer starts again from there.
    const timer = setTimeout(() => void syncFolder().catch(() => {}), Math.max(0, nextSync - Date.now()))
    return () => clearTimeout(timer)
  }, [hasFolder, nextSync, syncFolder])

  const value = useMemo(
    () => ({ status, fieldDevice, folder, running, failure, nextSync, syncFolder, chooseFolder }),
    [status, fieldDevice, folder, running, failure, nextSync, syncFolder, chooseFolder],
  )
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>
}
