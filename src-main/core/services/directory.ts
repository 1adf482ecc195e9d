import { writeFileSync } from 'node:fs'
import { buildDirectory, buildDirectoryCsv, chairMission, directoryFileName, type DirectoryInput, type DirectoryMission, type DirectoryRow } from '../documents'
import { chairInfo } from './chair-info'
import type { Language } from '../model/fields'
import type { MissionDetail } from '../model/mission'
import { missionLocation } from '../model/missions-reference'
import type { Shell } from '../shell'
import type { Store } from '../store/store'
import { fieldIndex, missionDetail } from './field-records'
import { isLive, requireLive, today } from './records'

// The mission directory, gathered for the builders: who holds each post today. "All missions"
// means the open ones (a closed mission has nobody to reach); one closed mission can still be
// asked for by name.

function directoryMission(m: MissionDetail): DirectoryMission {
  const rows = m.posts.flatMap((p): DirectoryRow[] => {
    const post = { title: p.title, titleFr: p.titleFr, dutyStation: p.dutyStation, head: p.head }
    const current = p.holders.filter((h) => h.current)
    if (!current.length) return [{ ...post, holder: null, verifiedOn: p.verifiedOn, verifiedBy: p.verifiedBy, stale: p.stale }]
    return current.map((h) => ({
      ...post,
      holder: {
        name: h.contact.name,
        seconding: h.seconding && { en: h.seconding.en, fr: h.seconding.fr },
        secondedBy: h.secondedBy,
        emails: h.contact.emails,
        phones: h.contact.phones,
        language: h.contact.language,
        start: h.start,
      },
      verifiedOn: h.verifiedOn,
      verifiedBy: h.verifiedBy,
      stale: h.stale,
    }))
  })
  return {
    acronym: m.acronym,
    name: { en: m.nameEn, fr: m.nameFr || m.nameEn },
    location: { en: m.location, fr: missionLocation(m, 'fr') },
    kind: m.kind,
    leadDepartment: m.leadDepartment,
    status: m.status,
    start: m.start,
    end: m.end,
    rows,
  }
}

/** One mission's directory (missionId), or every open mission's (missionId ''). */
export function gatherDirectory(store: Store, missionId: string, language: Language, date = today()): DirectoryInput {
  const idx = fieldIndex(store)
  const ids = missionId
    ? [requireLive(store, 'missions', missionId, 'mission').id]
    : Object.values(store.tables.missions)
        .filter((r) => isLive(r) && r.data.status === 'open')
        .sort((a, b) => String(a.data.acronym).localeCompare(String(b.data.acronym)))
        .map((r) => r.id)
  // On the paper of Settings, from the Chair's office (the document's properties name it).
  const chair = chairInfo(store, date)
  return {
    language,
    date,
    single: !!missionId,
    missions: ids.map((id) => directoryMission(missionDetail(store, id, date, idx))),
    paper: chair.paper,
    creator: chairMission(chair, language),
  }
}

export async function saveDirectory(store: Store, shell: Shell, o: { missionId: string; format: 'docx' | 'csv'; language: Language }): Promise<{ path: string } | null> {
  const input = gatherDirectory(store, o.missionId, o.language)
  const path = await shell.chooseSaveFile('Save the mission directory', directoryFileName(input, o.format))
  if (!path) return null
  writeFileSync(path, o.format === 'csv' ? buildDirectoryCsv(input) : await buildDirectory(input))
  return { path }
}
