import { app, Menu, type MenuItemConstructorOptions } from 'electron'

/**
 * File, Edit, View, Help. Developer tools are offered only in an unpackaged (development)
 * build; the packaged app has no way to open them from the menu.
 */
export function buildMenu(): Menu {
  const isMac = process.platform === 'darwin'
  const view: MenuItemConstructorOptions[] = [{ role: 'reload' }]
  if (!app.isPackaged) view.push({ role: 'toggleDevTools' })
  view.push({ type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' })

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: '&File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    { label: '&View', submenu: view },
    { role: 'help', submenu: [{ label: 'About GFC Desk', click: () => app.showAboutPanel() }] },
  ]
  return Menu.buildFromTemplate(template)
}

export function setAboutPanel(): void {
  app.setAboutPanelOptions({
    applicationName: 'GFC Desk',
    applicationVersion: app.getVersion(),
    copyright: 'Secretariat of the Group of Friends of Corrections in Peace Operations',
  })
}
