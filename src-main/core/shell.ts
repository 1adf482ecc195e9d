/**
 * What only a door can do: ask the person where to save. Electron shows its dialogs; the
 * CLI answers with the --out path it was given; the test host with its exports folder.
 * The renderer never names a path: it asks for an export, and the door decides where.
 * Each method resolves to null when the person cancels.
 */
export interface Shell {
  chooseFolder(title: string, suggestedName: string): Promise<string | null>
  chooseSaveFile(title: string, suggestedName: string): Promise<string | null>
  /** Where a door keeps an encrypted profile's passphrase key so the person is not asked every
   *  day (Electron: safeStorage, the system's keychain). Absent: asked at each start. */
  keys?: KeyKeeper
}

export interface KeyKeeper {
  recall(profileDir: string): Buffer | null
  remember(profileDir: string, key: Buffer): void
  forget(profileDir: string): void
}

/** For doors that cannot save files (and for reads-only uses of the core). */
export const noShell: Shell = {
  chooseFolder: () => Promise.resolve(null),
  chooseSaveFile: () => Promise.resolve(null),
}
