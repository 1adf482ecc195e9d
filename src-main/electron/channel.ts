/**
 * The one IPC channel between the UI and the core. Its own file with no imports, because the
 * sandboxed preload bundles it and a sandboxed preload may require nothing but 'electron'.
 */
export const INVOKE_CHANNEL = 'gfc:invoke'
