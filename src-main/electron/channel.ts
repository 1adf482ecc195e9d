/**
 * The IPC channels between the UI and the core. Their own file with no imports, because the
 * sandboxed preload bundles it and a sandboxed preload may require nothing but 'electron'.
 */
/** Calls: the UI to the core, one typed contract. */
export const INVOKE_CHANNEL = 'gfc:invoke'
/** Change events: the core to the UI, which tables changed (no data). */
export const CHANGED_CHANNEL = 'gfc:changed'
