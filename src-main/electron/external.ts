import { BrowserWindow, dialog, shell, type WebContents } from 'electron'
import type { Language } from '../core/model/fields'
import { externalUrl, needsConfirmation } from './url-policy'

const PROMPT: Record<Language, { title: string; message: string; warning: string; open: string; cancel: string }> = {
  en: {
    title: 'Open a web page',
    message: 'Open this address in your web browser?',
    warning: 'It is not part of GFC Desk. Open it only if you know where it leads.',
    open: 'Open in browser',
    cancel: 'Cancel',
  },
  fr: {
    title: 'Ouvrir une page web',
    message: 'Ouvrir cette adresse dans votre navigateur ?',
    warning: 'Elle ne fait pas partie de GFC Desk. Ne l’ouvrez que si vous savez où elle mène.',
    open: 'Ouvrir dans le navigateur',
    cancel: 'Annuler',
  },
}

/** Asks, in the interface language, before a web address leaves the app; Cancel is the default. */
async function confirmed(url: string, from: WebContents | undefined, language: Language): Promise<boolean> {
  const t = PROMPT[language]
  const options = { type: 'question' as const, title: t.title, message: t.message, detail: `${url}\n\n${t.warning}`, buttons: [t.open, t.cancel], defaultId: 1, cancelId: 1, noLink: true }
  const win = from ? BrowserWindow.fromWebContents(from) : null
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options)
  return response === 0
}

/**
 * The one way a URL leaves the app: parsed, limited to http, https, mailto and tel, asked about
 * first when it is a web address, and handed to the operating system's default handler.
 * Anything else is dropped. Resolves to whether it opened.
 */
export async function openExternalSafely(url: unknown, from?: WebContents, language: Language = 'en'): Promise<boolean> {
  const safe = externalUrl(url)
  if (!safe) {
    console.warn('Refused to open a URL outside the app:', typeof url === 'string' ? url.slice(0, 200) : typeof url)
    return false
  }
  if (needsConfirmation(safe) && !(await confirmed(safe, from, language))) return false
  await shell.openExternal(safe)
  return true
}
