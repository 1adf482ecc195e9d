import type { TFunction } from 'i18next'

// The core says what stood in the way in English; the common cases are said here in the
// interface language, anything else in the core's own words.
const PROBLEMS: [RegExp, (m: RegExpExecArray, t: TFunction) => string][] = [
  [/^the folder is not reachable/, (_m, t) => t('sync.problem.unreachable')],
  [/^the folder belongs to another dataset \(“(.*)”\)/, (m, t) => t('sync.problem.otherDataset', { name: m[1] })],
  [/^(\d+) files? (?:is|are) still being copied/, (m, t) => t('sync.problem.copying', { count: Number(m[1]) })],
  [/^the folder is not set up for GFC Desk/, (_m, t) => t('sync.problem.notSetUp')],
  [/is not a GFC Desk marker/, (_m, t) => t('sync.problem.badMarker')],
  [/^a bundle from (.*) would delete .*: it waits until a person confirms/, (m, t) => t('sync.problem.massDeletion', { from: m[1] })],
]

export function folderProblem(text: string, t: TFunction): string {
  for (const [re, say] of PROBLEMS) {
    const m = re.exec(text)
    if (m) return say(m, t)
  }
  return text
}
