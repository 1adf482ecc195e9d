import { contextBridge, ipcRenderer } from 'electron'
import type { Input, Method, Reply } from '../core/api'
import { INVOKE_CHANNEL } from '../electron/channel'

// Sandboxed preload (bundled to CommonJS): the page gets exactly one function, window.gfc.invoke,
// which forwards (method, input) on the one IPC channel. ipcRenderer itself never crosses.

export interface GfcBridge {
  invoke<M extends Method>(method: M, input?: Input<M>): Promise<Reply<M>>
}

const bridge: GfcBridge = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
}

contextBridge.exposeInMainWorld('gfc', bridge)
