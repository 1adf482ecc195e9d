import { contextBridge, ipcRenderer } from 'electron'
import type { Input, Method, Reply } from '../core/api'
import type { TableName } from '../core/model/entities'
import { CHANGED_CHANNEL, INVOKE_CHANNEL } from '../electron/channel'

// Sandboxed preload (bundled to CommonJS): the page gets two functions, window.gfc.invoke, which
// forwards (method, input) on the calls channel, and window.gfc.onChanged, which hears which
// tables changed. ipcRenderer itself never crosses.

export interface GfcBridge {
  invoke<M extends Method>(method: M, input?: Input<M>): Promise<Reply<M>>
  /** Calls back with the tables each change touched; returns the way to stop. */
  onChanged(callback: (tables: TableName[]) => void): () => void
}

const bridge: GfcBridge = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  onChanged: (callback) => {
    const listener = (_event: unknown, tables: TableName[]) => callback(tables)
    ipcRenderer.on(CHANGED_CHANNEL, listener)
    return () => void ipcRenderer.off(CHANGED_CHANNEL, listener)
  },
}

contextBridge.exposeInMainWorld('gfc', bridge)
