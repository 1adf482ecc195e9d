import { z } from 'zod'
import { optionalDate, text, Uuid } from './fields'

// The devices of a dataset, as records every device holds: who may sign changes, with which
// keys, over which part of the data. Enrolments and revocations are changes to these records,
// accepted only from a full-scope device.

/** A device id: 16 characters derived from its signing key (base32 of its SHA-256). */
export const DeviceId = z.string().regex(/^[a-z2-7]{16}$|^[0-9a-f]{16}$/, 'is not a device id')

/** Raw 32-byte public keys, base64url. */
const PublicKey = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not a public key')

export const Scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('full') }),
  z.object({ kind: z.literal('missions'), missionIds: z.array(Uuid).min(1, 'validation.required').max(50, 'validation.tooMany') }),
])
export type Scope = z.infer<typeof Scope>

export const DeviceFields = z.object({
  name: text(100).default(''),
  /** The person using the device, as they sign field verifications. */
  user: text(200).default(''),
  /** Ed25519: verifies the device's changes. */
  signKey: PublicKey,
  /** X25519: bundles for the device are encrypted to it. */
  boxKey: PublicKey,
  scope: Scope,
  /** The full-scope device that enrolled it (itself, for the dataset's first device). */
  enrolledBy: DeviceId,
  enrolledOn: optionalDate.default(''),
  revoked: z.boolean().default(false),
  /** The last of its changes that stay: later ones are refused everywhere. */
  revokedAfter: z.number().int().nonnegative().default(0),
  revokedBy: z.union([z.literal(''), DeviceId]).default(''),
  revokedOn: optionalDate.default(''),
})
export type DeviceFields = z.output<typeof DeviceFields>
