// TODO(missions helper): the reference missions (ids demoId(`mission:${acronym}`)), posts and
// fictional post holders (contacts @example.org), some of them stale.
export function demoMissions(_orgId: (key: string) => string): { missions: object[]; posts: object[]; holders: object[]; contacts: object[] } {
  return { missions: [], posts: [], holders: [], contacts: [] }
}
