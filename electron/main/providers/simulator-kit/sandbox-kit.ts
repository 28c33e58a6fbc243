// Credentials and addresses for the built-in sandbox's profiles: random credentials kept in memory
// for one run, accepted only by the simulators started with them.
import { randomBytes } from 'node:crypto'

/** `prefix` and 24 random hex digits. */
export const sandboxToken = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`

/** `bytes` random bytes as hex. */
export const randomHex = (bytes: number) => randomBytes(bytes).toString('hex')

/**
 * Where a sandbox profile points before its simulator runs: a loopback port nothing listens on (the
 * discard port), so a request that somehow goes out is refused on this computer and never leaves it.
 */
export const NOT_LISTENING_URL = 'http://127.0.0.1:9'
export const NOT_LISTENING_HOST = '127.0.0.1:9'
