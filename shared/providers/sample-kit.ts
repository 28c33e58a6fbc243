// Helpers for the ready-made sandbox tasks each provider module offers (samples.ts in its folder):
// built from the sandbox profile, so every id they name is one the profile configures.

export const HOUR = 3_600_000

/** A UTC instant as ISO 8601 with `Z`, to the second. */
export const isoAt = (ms: number) => new Date(Math.ceil(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')

/** The customer every sample task is about. */
export const SAMPLE_CUSTOMER = { destination: '+14155550123', customerName: 'Ada Lovelace' } as const
