import { z } from 'zod'
import { Message } from '../i18n/message'
import { ProfileId } from './providers'

/** How a "Test connection" ended, in one word the UI can explain. */
export const ConnectionOutcome = z.enum([
  /** An authenticated request succeeded. */
  'connected',
  /** The provider refused the credentials (bad key, wrong secret, expired or revoked token). */
  'auth_rejected',
  /** The credentials are valid but lack the permission the request needs. */
  'not_permitted',
  /** Authenticated, but the configured resource (instance, tenant, app) does not exist. */
  'not_found',
  /** DNS, TCP, TLS or timeout: the provider could not be reached. */
  'unreachable',
  /** Anything else the provider answered (5xx, unexpected body). */
  'provider_error',
  'missing_credentials',
  'keychain_unavailable',
  /** The provider asked to wait (rate limited, temporarily unavailable): says nothing of the credentials. */
  'busy',
])
export type ConnectionOutcome = z.infer<typeof ConnectionOutcome>

export const ConnectionTestResult = z
  .object({
    profileId: ProfileId,
    outcome: ConnectionOutcome,
    /** Plain words for the agent, in their language. */
    message: Message,
    /** The provider's own answer on failure (secrets redacted), shown as is. */
    providerMessage: z.string().max(2000).nullable(),
    httpStatus: z.number().int().nullable(),
    /** `busy`: how long the provider asked to be left alone (its Retry-After), in ms; else null. */
    retryAfterMs: z.number().int().nonnegative().nullable().default(null),
    latencyMs: z.number().nonnegative(),
  })
  .strict()
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>
