// TODO(workplan helper): sample activities across the six functions, progress notes, and a
// register with a past, current and incoming Chair. Member ids: orgId('SE'); mission ids:
// demoId(`mission:${acronym}`); meeting ids: demoId('meeting:annual-2027').
export function demoWorkplan(_orgId: (key: string) => string): { activities: object[]; progressNotes: object[]; chairs: object[] } {
  return { activities: [], progressNotes: [], chairs: [] }
}
