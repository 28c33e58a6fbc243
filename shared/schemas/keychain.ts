import { z } from 'zod'

/**
 * What the OS keychain can do right now. Reads return "nothing" when the keyring is locked or
 * absent, so this comes from a write-read-delete probe, never from a read.
 */
export const KeychainState = z.enum(['available', 'locked', 'unavailable'])
export type KeychainState = z.infer<typeof KeychainState>

export const KeychainCause = z.enum([
  'ok',
  /** No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS unset or pointing nowhere). */
  'no_session_bus',
  /** A bus, but nothing provides org.freedesktop.secrets (no gnome-keyring, KWallet, KeePassXC…). */
  'no_secret_service',
  /** The collection is locked and unlocking was refused or could not be prompted for. */
  'locked',
  /** The Secret Service has no default (login) collection to write to. */
  'no_default_collection',
  /** The keychain did not answer within the time limit: usually an unlock prompt nobody saw. */
  'timeout',
  /** It took a test entry but gave back something else: it has no words of its own for that. */
  'read_back_mismatch',
  /** Anything else the keychain reported; `detail` has its words. */
  'error',
])
export type KeychainCause = z.infer<typeof KeychainCause>

export const KeychainHealth = z
  .object({
    state: KeychainState,
    cause: KeychainCause,
    /** Which OS store Callboard uses: it never falls back to another one on its own. */
    backend: z.enum(['secret-service', 'macos-keychain', 'windows-credential-manager']),
    /** The keychain's own words (no secret is ever part of them), for the log and the details view. */
    detail: z.string().max(2000),
    checkedAt: z.iso.datetime(),
  })
  .strict()
export type KeychainHealth = z.infer<typeof KeychainHealth>
