import type { tabularInputs } from './api-tabular'
import type { HandlerMap } from './dispatch'
import { commitImport, previewImport, undoImport } from './services/import/import'
import { exportList } from './services/export/export'

export const tabularHandlers: HandlerMap<keyof typeof tabularInputs> = {
  'import.preview': (app, i) => previewImport(app.store, i),
  'import.commit': (app, i) => commitImport(app.store, i),
  'import.undo': (app, i) => undoImport(app.store, i),
  'lists.export': (app, i) => exportList(app.store, app.shell, i),
}
