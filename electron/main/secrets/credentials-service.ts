import { issueMessage } from '@shared/i18n/issue-message'
import { msg } from '@shared/i18n/message'
import type { CredentialStatus, ProviderSecret } from '@shared/schemas/credentials'
import { ProviderSecret as ProviderSecretSchema, secretSchemaFor } from '@shared/schemas/credentials'
import type { KeychainHealth } from '@shared/schemas/keychain'
import type { Profile } from '@shared/schemas/profiles'
import { secretKeyId } from '@shared/providers/registry'
import { describeKeychainProblem } from './keychain-messages'
import type { SecretStore } from './secret-store'
import { KeychainError } from './secret-store'
import { AppError } from '../core/app-error'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'

export interface CredentialsServiceDeps {
  secrets: SecretStore
  findProfile: (id: string) => Profile | undefined
  clock: Clock
  logger: Logger
  /** Reuse a health probe for this long, so listing ten profiles costs one probe, not ten. */
  healthTtlMs?: number
  /** The keychain works again after it was seen locked or unavailable (tasks waiting for it may go). */
  onKeychainAvailable?: () => void
}

export interface CredentialsService {
  health(options?: { fresh?: boolean }): Promise<KeychainHealth>
  status(profileId: string): Promise<CredentialStatus>
  set(profileId: string, secret: ProviderSecret): Promise<CredentialStatus>
  clear(profileId: string): Promise<CredentialStatus>
  /** Main-process only: the secret itself, for a provider client at send time. */
  read(profileId: string): Promise<ProviderSecret | null>
}

export const secretAccount = (profileId: string) => `profile:${profileId}:secret`
/** Access tokens obtained at run time (Webex, eGain OAuth) are cached here and nowhere else. */
export const tokenAccount = (profileId: string) => `profile:${profileId}:token`

/**
 * The last four characters of a secret's key id (its provider says which field that is, and it is
 * never a secret itself), to tell stored keys apart; null when there is none or it is too short.
 */
export function keyIdHint(secret: ProviderSecret): string | null {
  const id = secretKeyId(secret)
  return id && id.length >= 8 ? id.slice(-4) : null
}

function keychainAppError(health: KeychainHealth): AppError {
  return new AppError(
    health.state === 'locked' ? 'keychain_locked' : 'keychain_unavailable',
    describeKeychainProblem(health),
  )
}

/**
 * Provider secrets in the OS keychain, keyed by profile. Nothing here ever returns a secret over
 * the contract, writes one anywhere but the keychain, or logs one. When the keychain is locked or
 * missing the answer says so; there is no fallback store.
 */
export function createCredentialsService(deps: CredentialsServiceDeps): CredentialsService {
  const { secrets, clock, logger } = deps
  const ttl = deps.healthTtlMs ?? 2000
  let cached: { health: KeychainHealth; at: number } | null = null
  /** What the keychain was last seen doing (a probe, or a call that failed), to notice recovery. */
  let lastState: KeychainHealth['state'] | null = null

  /** A keychain call failed: the cached probe no longer holds. */
  function sawFailure(error: KeychainError): void {
    cached = null
    lastState = error.state
  }

  async function health({ fresh = false } = {}): Promise<KeychainHealth> {
    const now = clock.monotonicMs()
    if (!fresh && cached && now - cached.at < ttl) return cached.health
    const result = await secrets.health()
    if (cached?.health.state !== result.state || cached.health.cause !== result.cause) {
      const log = result.state === 'available' ? logger.info : logger.warn
      log('keychain health', { state: result.state, cause: result.cause, detail: result.detail })
    }
    const recovered = result.state === 'available' && lastState !== null && lastState !== 'available'
    cached = { health: result, at: clock.monotonicMs() }
    lastState = result.state
    if (recovered) deps.onKeychainAvailable?.()
    return result
  }

  function profileOrThrow(profileId: string): Profile {
    const profile = deps.findProfile(profileId)
    if (!profile) throw new AppError('not_found', msg('failure.profileGoneReload'))
    return profile
  }

  /** Runs a keychain call only when the keychain works; a KeychainError mid-call forgets the cache. */
  async function withKeychain<T>(op: () => Promise<T>): Promise<T> {
    const current = await health()
    if (current.state !== 'available') throw keychainAppError(current)
    try {
      return await op()
    } catch (error) {
      if (error instanceof KeychainError) {
        sawFailure(error)
        const fresh = await health({ fresh: true })
        throw keychainAppError(
          fresh.state === 'available'
            ? { ...fresh, state: error.state, cause: error.reason, detail: error.message }
            : fresh,
        )
      }
      throw error
    }
  }

  async function readSecret(profileId: string): Promise<ProviderSecret | null> {
    const raw = await secrets.get(secretAccount(profileId))
    if (raw === null) return null
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      parsed = undefined
    }
    const result = ProviderSecretSchema.safeParse(parsed)
    if (!result.success) {
      logger.warn('stored credentials unreadable; treating as missing', { profileId })
      return null
    }
    return result.data
  }

  async function status(profileId: string): Promise<CredentialStatus> {
    profileOrThrow(profileId)
    const current = await health()
    if (current.state !== 'available') {
      return { profileId, state: current.state === 'locked' ? 'keychain_locked' : 'keychain_unavailable', hint: null }
    }
    try {
      const secret = await readSecret(profileId)
      return secret
        ? { profileId, state: 'stored', hint: keyIdHint(secret) }
        : { profileId, state: 'missing', hint: null }
    } catch (error) {
      if (!(error instanceof KeychainError)) throw error
      sawFailure(error)
      return { profileId, state: error.state === 'locked' ? 'keychain_locked' : 'keychain_unavailable', hint: null }
    }
  }

  return {
    health,
    status,
    async set(profileId, secret) {
      const profile = profileOrThrow(profileId)
      const checked = secretSchemaFor(profile).safeParse(secret)
      if (!checked.success) {
        const issues = checked.error.issues.map((i) => ({
          path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
          message: i.message,
        }))
        throw new AppError(
          'invalid_input',
          issues[0] ? issueMessage(issues[0].message) : msg('failure.credentialsMismatch'),
          issues,
        )
      }
      await withKeychain(async () => {
        await secrets.set(secretAccount(profileId), JSON.stringify(secret))
        // New credentials invalidate any token obtained with the old ones.
        await secrets.delete(tokenAccount(profileId))
      })
      logger.info('credentials stored', { profileId, provider: profile.provider })
      return status(profileId)
    },
    async clear(profileId) {
      await withKeychain(async () => {
        await secrets.delete(secretAccount(profileId))
        await secrets.delete(tokenAccount(profileId))
      })
      logger.info('credentials cleared', { profileId })
      return deps.findProfile(profileId) ? status(profileId) : { profileId, state: 'missing', hint: null }
    },
    read: (profileId) => withKeychain(() => readSecret(profileId)),
  }
}
