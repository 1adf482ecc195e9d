import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hash,
  hkdfSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto'

// A device's keys, from node:crypto: Ed25519 signs its changes, X25519 receives bundles
// (an ephemeral key agreement per bundle, HKDF-SHA256, AES-256-GCM). Public keys travel as raw
// 32 bytes in base64url; secret keys never leave this computer's keystore.

export interface KeyPairs {
  signKey: string
  signSecret: string
  boxKey: string
  boxSecret: string
}

export function generateKeys(): KeyPairs {
  const s = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })
  const b = generateKeyPairSync('x25519').privateKey.export({ format: 'jwk' })
  return { signKey: s.x!, signSecret: s.d!, boxKey: b.x!, boxSecret: b.d! }
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567'

/** 16 characters of base32 from the SHA-256 of the signing key: a device's id (80 bits). */
export function deviceIdOf(signKey: string): string {
  const h = hash('sha256', Buffer.from(signKey, 'base64url'), 'buffer') as Buffer
  let bits = 0
  let acc = 0
  let out = ''
  for (const byte of h) {
    acc = (acc << 8) | byte
    bits += 8
    while (bits >= 5 && out.length < 16) {
      out += BASE32[(acc >> (bits - 5)) & 31]
      bits -= 5
    }
    if (out.length === 16) break
  }
  return out
}

/** What two people read to each other on the phone before enrolling a device: five groups of
 *  four digits from the SHA-256 of both public keys. */
export function fingerprint(signKey: string, boxKey: string): string {
  const h = hash('sha256', Buffer.concat([Buffer.from(signKey, 'base64url'), Buffer.from(boxKey, 'base64url')]), 'buffer') as Buffer
  const groups: string[] = []
  for (let i = 0; i < 5; i++) groups.push(String(h.readUInt32BE(i * 4) % 10_000).padStart(4, '0'))
  return groups.join(' ')
}

const cache = new Map<string, KeyObject>()
function keyObject(kind: 'sign' | 'box', pub: string, secret?: string): KeyObject {
  const id = `${kind}:${pub}:${secret ? 's' : 'p'}`
  let k = cache.get(id)
  if (!k) {
    const jwk = { kty: 'OKP', crv: kind === 'sign' ? 'Ed25519' : 'X25519', x: pub, ...(secret ? { d: secret } : {}) }
    k = secret ? createPrivateKey({ key: jwk, format: 'jwk' }) : createPublicKey({ key: jwk, format: 'jwk' })
    cache.set(id, k)
  }
  return k
}

export function signBytes(keys: Pick<KeyPairs, 'signKey' | 'signSecret'>, data: Buffer | string): string {
  return sign(null, Buffer.from(data), keyObject('sign', keys.signKey, keys.signSecret)).toString('base64url')
}

export function verifyBytes(signKey: string, data: Buffer | string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(data), keyObject('sign', signKey), Buffer.from(signature, 'base64url'))
  } catch {
    return false
  }
}

function boxKeyFor(shared: Buffer, ephemeral: string, recipient: string, context: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(ephemeral + recipient, 'utf8'), `gfc-desk bundle ${context}`, 32))
}

export interface Sealed {
  ephemeral: string
  nonce: string
  ciphertext: Buffer
}

/** Encrypts for the holder of `recipientBoxKey`; `context` (authenticated, not secret) binds the
 *  ciphertext to its header. */
export function seal(recipientBoxKey: string, plaintext: Buffer, context: string): Sealed {
  const eph = generateKeyPairSync('x25519')
  const ephemeral = eph.publicKey.export({ format: 'jwk' }).x!
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: keyObject('box', recipientBoxKey) })
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', boxKeyFor(shared, ephemeral, recipientBoxKey, context), nonce)
  cipher.setAAD(Buffer.from(context))
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()])
  return { ephemeral, nonce: nonce.toString('base64url'), ciphertext }
}

/** Decrypts what `seal` made for us; throws if any byte was changed. */
export function unseal(keys: Pick<KeyPairs, 'boxKey' | 'boxSecret'>, sealed: Sealed, context: string): Buffer {
  const shared = diffieHellman({ privateKey: keyObject('box', keys.boxKey, keys.boxSecret), publicKey: keyObject('box', sealed.ephemeral) })
  const body = sealed.ciphertext.subarray(0, sealed.ciphertext.length - 16)
  const tag = sealed.ciphertext.subarray(sealed.ciphertext.length - 16)
  const decipher = createDecipheriv('aes-256-gcm', boxKeyFor(shared, sealed.ephemeral, keys.boxKey, context), Buffer.from(sealed.nonce, 'base64url'))
  decipher.setAAD(Buffer.from(context))
  decipher.setAuthTag(tag)
  return Buffer.concat([decipher.update(body), decipher.final()])
}
