import { z } from 'zod'
import { Stamps } from './model/stamps'
import { Language, requiredText, text, Uuid } from './model/fields'
import {
  FieldTable,
  HolderFields,
  MissionFields,
  MissionStatus,
  NewHolder,
  PostFields,
  type FieldContactView,
  type Mission,
  type MissionDetail,
  type MissionSummary,
  type SecondmentRow,
  type StaleByMission,
} from './model/mission'

// The field missions' part of the contract (merged into api.ts).

const ById = z.object({ id: Uuid })

export const missionInputs = {
  'missions.list': z.object({ search: text(200).default(''), status: MissionStatus.optional() }),
  'missions.get': ById,
  'missions.create': MissionFields,
  'missions.update': z.object({ id: Uuid, fields: MissionFields, seen: Stamps }),
  'missions.delete': ById,
  'missions.restore': ById,
  /** Adds the reference missions (resources/reference/missions.json) not yet in the register. */
  'missions.addReference': z.object({}),
  'posts.create': PostFields,
  'posts.update': z.object({ id: Uuid, fields: PostFields, seen: Stamps }),
  'posts.delete': ById,
  'posts.restore': ById,
  'holders.create': NewHolder,
  'holders.update': z.object({ id: Uuid, fields: HolderFields, seen: Stamps }),
  'holders.delete': ById,
  'holders.restore': ById,
  /** Marks a mission, post or holder as checked today by `by`. */
  'field.verify': z.object({ table: FieldTable, id: Uuid, by: requiredText(200) }),
  'field.stale': z.object({ missionId: Uuid.optional() }),
  'field.contacts': z.object({ search: text(200).default(''), missionId: Uuid.optional(), currentOnly: z.boolean().default(true) }),
  'field.secondments': z.object({}),
  /** The directory of one mission (or all, when missionId is empty) as .docx or .csv. */
  'directory.save': z.object({ missionId: z.union([z.literal(''), Uuid]).default(''), format: z.enum(['docx', 'csv']), language: Language.default('en') }),
} as const

export interface MissionResults {
  'missions.list': MissionSummary[]
  'missions.get': MissionDetail
  'missions.create': MissionDetail
  'missions.update': MissionDetail
  'missions.delete': Mission
  'missions.restore': Mission
  'missions.addReference': { added: number }
  'posts.create': MissionDetail
  'posts.update': MissionDetail
  'posts.delete': MissionDetail
  'posts.restore': MissionDetail
  'holders.create': MissionDetail
  'holders.update': MissionDetail
  'holders.delete': MissionDetail
  'holders.restore': MissionDetail
  'field.verify': MissionDetail
  'field.stale': StaleByMission[]
  'field.contacts': FieldContactView[]
  'field.secondments': SecondmentRow[]
  /** Null when the person cancelled the choice of file. */
  'directory.save': { path: string } | null
}
