import type { Theme } from '../../src-main/core/model/settings'

/**
 * Light or dark: the system's choice unless Settings says otherwise (a preference of this
 * computer). The colours follow <html data-theme> (styles.css, light-dark()).
 */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement
  if (theme === 'system') delete root.dataset.theme
  else root.dataset.theme = theme
}
