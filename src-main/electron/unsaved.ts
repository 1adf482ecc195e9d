// The question the window asks when it is closed or reloaded while a form holds unsaved
// changes (the renderer says so with `beforeunload`; Electron then cancels the close silently
// unless the shell asks). Pure: no `electron` import, so the wording is tested under Node.

export interface LeaveQuestion {
  title: string
  message: string
  detail: string
  /** [leave, stay]: "stay" is the default and what Escape chooses. */
  buttons: [string, string]
}

const WORDS: Record<'en' | 'fr', LeaveQuestion> = {
  en: {
    title: 'GFC Desk',
    message: 'Leave without saving?',
    detail: 'A form has changes that are not saved. If you close the window now, they are lost.',
    buttons: ['Leave without saving', 'Stay'],
  },
  fr: {
    title: 'GFC Desk',
    message: 'Quitter sans enregistrer ?',
    detail: 'Un formulaire contient des modifications non enregistrées. Si vous fermez la fenêtre maintenant, elles seront perdues.',
    buttons: ['Quitter sans enregistrer', 'Rester'],
  },
}

export function leaveQuestion(language: string): LeaveQuestion {
  return WORDS[language === 'fr' ? 'fr' : 'en']
}
