import { shell } from 'electron'
import { externalUrl } from './url-policy'

/**
 * The one way a URL leaves the app: parsed, limited to http, https, mailto and tel, and handed to
 * the operating system's default handler. Anything else is dropped. Returns whether it opened.
 */
export function openExternalSafely(url: unknown): boolean {
  const safe = externalUrl(url)
  if (!safe) {
    console.warn('Refused to open a URL outside the app:', typeof url === 'string' ? url.slice(0, 200) : typeof url)
    return false
  }
  shell.openExternal(safe).catch((e: unknown) => console.warn('Could not open', safe, e))
  return true
}
