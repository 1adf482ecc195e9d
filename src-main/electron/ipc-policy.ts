import { isSameAppOrigin } from './url-policy'

// Who may call the core over IPC (gfc:invoke; gfc:changed only goes the other way, to our window). No `electron` import, so the rule is unit-tested under Node.

export { CHANGED_CHANNEL, INVOKE_CHANNEL } from './channel'

/** The parts of Electron's WebFrameMain the rule looks at. */
export interface FrameLike {
  readonly url: string
  readonly parent: unknown
  readonly processId: number
  readonly routingId: number
}

/**
 * A call is served only when it comes from the main (top) frame of the app's own window,
 * and that frame currently shows the app's own origin (app://gfc/, or the dev server when
 * not packaged). Sub-frames, other windows, and frames that navigated away are refused.
 */
export function isTrustedSender(
  senderFrame: FrameLike | null | undefined,
  windowMainFrame: FrameLike | null | undefined,
  devServerUrl?: string,
): boolean {
  if (!senderFrame || !windowMainFrame) return false
  if (senderFrame.parent !== null) return false
  if (senderFrame.processId !== windowMainFrame.processId || senderFrame.routingId !== windowMainFrame.routingId) return false
  return isSameAppOrigin(senderFrame.url, devServerUrl)
}
