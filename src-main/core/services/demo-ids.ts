import { createHash } from 'node:crypto'

/** A fixed UUID derived from a name: every device deriving it from the same name gets the same id. */
export function nameId(namespace: string, name: string): string {
  const h = createHash('sha1').update(`${namespace}:${name}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** A fixed UUID per demo record, derived from its name: loading the demo twice gives the same ids. */
export function demoId(name: string): string {
  return nameId('gfc-demo', name)
}
