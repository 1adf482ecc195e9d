import type { deskInputs } from './api-desk'
import type { HandlerMap } from './dispatch'
import { dashboard } from './services/dashboard'
import { addToDelegations, updateInvitees } from './services/delegations'
import { findAnything } from './services/find'

export const deskHandlers: HandlerMap<keyof typeof deskInputs> = {
  'desk.find': (app, i) => findAnything(app.store, i.query, i.limit),
  'desk.dashboard': (app) => dashboard(app.store),
  'invitees.updateMany': (app, i) => updateInvitees(app.store, i.ids, i.changes, i.seen),
  'invitees.addToDelegations': (app, i) => addToDelegations(app.store, i.meetingId, i.contactIds),
}
