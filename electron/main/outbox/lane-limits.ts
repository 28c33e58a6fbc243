import type { ProviderName } from '@shared/schemas/providers'
import type { RateLimit } from '../core/rate-limit'

/** How fast one profile's lane may send, and how many of its requests may be in flight at once. */
export interface LaneLimits {
  rate: RateLimit | null
  concurrency: number
}

// The providers' published limits (providers.md), kept a little under where they are exact so we
// never meet a 429 in normal use. Configurable per provider.
export const DEFAULT_LANE_LIMITS: Record<ProviderName, LaneLimits> = {
  /** Webex: 300 requests a minute per client. */
  webex: { rate: { kind: 'window', max: 300, windowMs: 60_000 }, concurrency: 4 },
  /** eGain: one request at a time per user. */
  egain: { rate: null, concurrency: 1 },
  /** Amazon Connect StartTaskContact: 2 a second, burst 5, per account and region. */
  connect: { rate: { kind: 'bucket', perSecond: 2, burst: 5 }, concurrency: 2 },
  /** [I] AICCS publishes no figure; its siblings allow 20 a second. */
  aiccs: { rate: { kind: 'bucket', perSecond: 10, burst: 10 }, concurrency: 2 },
  /** [I] The voice platform publishes no figure. */
  voice_broadcast: { rate: { kind: 'bucket', perSecond: 5, burst: 5 }, concurrency: 2 },
}
