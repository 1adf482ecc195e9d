import { z } from 'zod'
import { inputs, type Method, type ParsedInput, type Reply, type Results } from './api'
import type { App } from './app'
import { AppError, type AppErrorData } from './model/errors'
import { parseMessage, validationText } from './model/messages'
import { createAffiliation, createContact, deleteAffiliation, eraseContact, getContact, listContacts, setContactDeleted, updateAffiliation, updateContact } from './services/contacts'
import { backupList, restoreFromBackup, saveArchive } from './services/backups'
import { loadDemo } from './services/demo'
import { createOrganisation, getOrganisation, listOrganisations, setOrganisationDeleted, updateOrganisation } from './services/organisations'
import { issueInvitations, previewInvitations, saveMeetingDocument } from './services/invitations'
import { addInvitee, createComment, createMeeting, getMeeting, setCommentDeleted, listMeetings, removeInvitee, setMeetingDeleted, updateComment, updateInvitee, updateMeeting } from './services/meetings'
import { getSettings, updateSettings } from './services/settings'
import { addTemplate, deleteTemplate, listTemplates } from './services/templates'
import { exportDocument, importDocument } from './services/transfer'
import { deskHandlers } from './dispatch-desk'
import { missionHandlers } from './dispatch-missions'
import { workplanHandlers } from './dispatch-workplan'
import { syncHandlers } from './dispatch-sync'
import { publishSelf } from './services/sync/devices'
import { tabularHandlers } from './dispatch-tabular'

/** Handlers for a set of methods: each area of the contract brings its own (dispatch-*.ts). */
export type HandlerMap<K extends Method> = { [M in K]: (app: App, input: ParsedInput<M>) => Results[M] | Promise<Results[M]> }

const handlers: HandlerMap<Method> = {
  'profile.status': (app) => app.status(),
  'profile.restoreBackup': (app, i) => app.restoreBackup(i.name),
  'profile.recoverLog': (app) => app.recoverLog(),
  'profile.becomeNewDevice': (app) => app.becomeNewDevice(),
  'profile.unlock': (app, i) => app.unlock(i.passphrase, i.remember),
  'profile.encrypt': (app, i) => app.encrypt(i.passphrase),
  'profile.changePassphrase': (app, i) => app.changePassphrase(i.current, i.passphrase),
  'preferences.get': (app) => app.store.preferences,
  'preferences.update': (app, i) => {
    app.store.setPreferences({ ...app.store.preferences, ...i })
    if (i.userName !== undefined) publishSelf(app.store)
    return app.store.preferences
  },
  'settings.get': (app) => getSettings(app.store),
  'settings.update': (app, i) => updateSettings(app.store, i.fields, i.seen),
  'organisations.list': (app, i) => listOrganisations(app.store, i),
  'organisations.get': (app, i) => getOrganisation(app.store, i.id),
  'organisations.create': (app, i) => createOrganisation(app.store, i),
  'organisations.update': (app, i) => updateOrganisation(app.store, i.id, i.fields, i.seen),
  'organisations.delete': (app, i) => setOrganisationDeleted(app.store, i.id, true),
  'organisations.restore': (app, i) => setOrganisationDeleted(app.store, i.id, false),
  'contacts.list': (app, i) => listContacts(app.store, i),
  'contacts.get': (app, i) => getContact(app.store, i.id),
  'contacts.create': (app, i) => createContact(app.store, i),
  'contacts.update': (app, i) => updateContact(app.store, i.id, i.fields, i.seen),
  'contacts.delete': (app, i) => setContactDeleted(app.store, i.id, true),
  'contacts.restore': (app, i) => setContactDeleted(app.store, i.id, false),
  'contacts.erase': (app, i) => eraseContact(app.store, i.id),
  'backups.list': (app) => backupList(app.store),
  'backups.restore': (app, i) => restoreFromBackup(app.store, i.name),
  'backups.saveArchive': (app) => saveArchive(app.store, app.shell),
  'affiliations.create': (app, i) => createAffiliation(app.store, i),
  'affiliations.update': (app, i) => updateAffiliation(app.store, i.id, i.fields, i.seen),
  'affiliations.delete': (app, i) => deleteAffiliation(app.store, i.id),
  'meetings.list': (app) => listMeetings(app.store),
  'meetings.get': (app, i) => getMeeting(app.store, i.id),
  'meetings.create': (app, i) => createMeeting(app.store, i),
  'meetings.update': (app, i) => updateMeeting(app.store, i.id, i.fields, i.seen),
  'meetings.delete': (app, i) => setMeetingDeleted(app.store, i.id, true),
  'meetings.restore': (app, i) => setMeetingDeleted(app.store, i.id, false),
  'invitees.add': (app, i) => addInvitee(app.store, i.meetingId, i.organisationId),
  'invitees.remove': (app, i) => removeInvitee(app.store, i.id),
  'invitees.update': (app, i) => updateInvitee(app.store, i.id, i.changes, i.seen),
  'comments.create': (app, i) => createComment(app.store, i),
  'comments.update': (app, i) => updateComment(app.store, i.id, i.fields, i.seen),
  'comments.delete': (app, i) => setCommentDeleted(app.store, i.id, true),
  'comments.restore': (app, i) => setCommentDeleted(app.store, i.id, false),
  'invitations.preview': (app, i) => previewInvitations(app.store, i.meetingId, i.form, i),
  'invitations.issue': (app, i) => issueInvitations(app.store, app.shell, app.jobs, i),
  'jobs.get': (app, i) => {
    const job = app.jobs.get(i.id)
    if (!job) throw new AppError('not_found', `No job has the id ${i.id}.`, 'id')
    return job
  },
  'meetings.saveDocument': (app, i) => saveMeetingDocument(app.store, app.shell, i),
  'templates.list': (app) => listTemplates(app.store.dir),
  'templates.add': (app, i) => addTemplate(app.store.dir, i.name, i.contentBase64),
  'templates.delete': (app, i) => deleteTemplate(app.store.dir, i.name),
  'data.export': (app) => exportDocument(app.store),
  'data.import': (app, i) => importDocument(app.store, i.document, i.restoreDeleted),
  'demo.load': (app) => loadDemo(app.store),
  ...workplanHandlers,
  ...missionHandlers,
  ...deskHandlers,
  ...syncHandlers,
  ...tabularHandlers,
}

export function isMethod(name: string): name is Method {
  return Object.hasOwn(inputs, name)
}

/** The first problem of a failed parse, with its field path and an English message. */
export function validationError(e: z.ZodError): AppError {
  const issue = e.issues[0]
  const field = issue.path.join('.')
  const { key, params } = issue.message.startsWith('validation.') ? parseMessage(issue.message) : { key: undefined, params: undefined }
  const text = key ? validationText(issue.message) : issue.message
  return new AppError('validation', field ? `${field} ${text}` : text, field || undefined, key, params)
}

/** The single entry point of the core: validate, run, and turn any failure into error data. */
export async function dispatch(app: App, method: string, input: unknown): Promise<Reply<Method>> {
  try {
    if (!isMethod(method)) throw new AppError('unknown_method', `There is no method called ${method}.`)
    const parsed = inputs[method].safeParse(input ?? {})
    if (!parsed.success) throw validationError(parsed.error)
    const handler = handlers[method] as (app: App, input: unknown) => unknown
    const result = (await handler(app, parsed.data)) as Results[Method]
    // A person erased (here, or by a change that came in): gone from the files before the reply.
    await app.settleErasures()
    return { ok: true, result }
  } catch (e) {
    return { ok: false, error: toErrorData(e) }
  }
}

export function toErrorData(e: unknown): AppErrorData {
  if (e instanceof AppError) return e.toData()
  console.error(e)
  return { code: 'internal', message: `Unexpected error: ${(e as Error)?.message ?? String(e)}` }
}
